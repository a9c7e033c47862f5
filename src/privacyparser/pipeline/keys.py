"""Names under which the components share data through `Doc.user_data`.

Plain tuples and arrays only, so that a Doc pickles across processes.
"""

HEADING_HINTS = "privacyparser.heading_hints"  # list[(start, end, level)] from the normaliser
FURNITURE = "privacyparser.furniture"  # list[(start, end, kind)] from the normaliser
SEGMENTATION = "privacyparser.segmentation"  # Segmentation from policy_sections
SENTENCE_STARTS = "privacyparser.sentence_starts"  # array of sentence start offsets
CLAUSES = "privacyparser.clauses"  # list[(kind, rule_id, start_char, end_char)] from policy_clauses
