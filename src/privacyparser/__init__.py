"""privacyparser: privacy policies (HTML or text) to a section tree and typed, traceable records.

>>> import privacyparser as pp
>>> policy = pp.parse("1. Contact\\nEmail privacy@example.com with questions.")
>>> policy.contacts[0].value
'privacy@example.com'
"""

from __future__ import annotations

from privacyparser.api import DEFAULT_MAX_CHARS, PolicyParser, json_schema, parse, parse_file, parse_many
from privacyparser.errors import (
    BinaryInputError,
    DecodingError,
    EmptyInputError,
    InputFileError,
    InputTooLargeError,
    PolicyParseError,
    UnsupportedFormatError,
)
from privacyparser.models import (
    SCHEMA_VERSION,
    Contact,
    DataCategory,
    Furniture,
    PrivacyPolicy,
    Purpose,
    Retention,
    Right,
    Section,
)

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_MAX_CHARS",
    "SCHEMA_VERSION",
    "BinaryInputError",
    "Contact",
    "DataCategory",
    "DecodingError",
    "EmptyInputError",
    "Furniture",
    "InputFileError",
    "InputTooLargeError",
    "PolicyParseError",
    "PolicyParser",
    "PrivacyPolicy",
    "Purpose",
    "Retention",
    "Right",
    "Section",
    "UnsupportedFormatError",
    "__version__",
    "json_schema",
    "parse",
    "parse_file",
    "parse_many",
]
