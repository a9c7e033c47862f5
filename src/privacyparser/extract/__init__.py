"""Matched spans to result models: the only place that builds records."""

from __future__ import annotations

from privacyparser.extract.contacts import extract_contacts
from privacyparser.extract.context import DocumentContext
from privacyparser.extract.practices import extract_practices
from privacyparser.extract.purposes import extract_purposes
from privacyparser.extract.retention import extract_retention
from privacyparser.extract.rights import extract_rights
from privacyparser.extract.sections import build_sections

__all__ = [
    "DocumentContext",
    "build_sections",
    "extract_contacts",
    "extract_practices",
    "extract_purposes",
    "extract_retention",
    "extract_rights",
]
