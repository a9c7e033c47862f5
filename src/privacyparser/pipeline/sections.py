"""spaCy component `policy_sections`: the section tree of a policy."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from privacyparser.normalize.document import FurnitureSpan, HeadingHint
from privacyparser.pipeline import keys
from privacyparser.pipeline.section_segmenter import HeadingNode, SectionSegmenter
from privacyparser.pipeline.sentences import doc_text, parser_only


class PolicySections:
    """Finds headings (numbered, marked up, or title-like lines) and nests them.

    Reads heading hints and furniture left by the normaliser in `doc.user_data`;
    writes the `Segmentation` there and one span per section to `doc.spans["sections"]`
    (label: the level), so spaCy users can see the sections too.
    """

    def __init__(self) -> None:
        self.segmenter = SectionSegmenter()

    def __call__(self, doc: Doc) -> Doc:
        hints = [HeadingHint(*h) for h in doc.user_data.get(keys.HEADING_HINTS, ())]
        furniture = [FurnitureSpan(*f) for f in doc.user_data.get(keys.FURNITURE, ())]
        segmentation = self.segmenter.segment(doc_text(doc), hints, furniture)
        doc.user_data[keys.SEGMENTATION] = segmentation
        if parser_only(doc):
            return doc
        spans = []
        stack: list[HeadingNode] = list(reversed(segmentation.sections))
        while stack:
            node = stack.pop()
            span = doc.char_span(node.start, node.end, label=str(node.level), alignment_mode="expand")
            if span is not None:
                spans.append(span)
            stack.extend(reversed(node.children))
        doc.spans["sections"] = spans
        return doc


@Language.factory("policy_sections", assigns=["doc.spans"], default_config={})
def make_policy_sections(nlp: Language, name: str) -> PolicySections:
    return PolicySections()
