"""The result models: what a parsed policy is, as frozen Pydantic v2 models.

The JSON shape is the public contract (see README "The result"). Every extracted record
carries its evidence (`text`, `start`, `end` into `PrivacyPolicy.text`; `source_start`,
`source_end` into the input as given) and the id of the rule that produced it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"

DataGroup = Literal[
    "contact",
    "personal_identifier",
    "demographic",
    "location",
    "financial",
    "health",
    "online_activity",
    "user_profile",
    "social_media",
    "device_identifier",
    "cookies_tracking",
    "computer_information",
    "survey",
    "generic",
    "other",
]

PurposeCategory = Literal[
    "basic_service",
    "additional_service",
    "advertising",
    "marketing",
    "analytics_research",
    "personalization",
    "security_operations",
    "legal_requirement",
    "merger_acquisition",
    "other",
]

RetentionKind = Literal["stated_period", "limited", "indefinite", "unspecified"]

ContactKind = Literal["email", "phone", "url", "postal_address"]

ContactRole = Literal["privacy", "dpo", "support", "authority", "third_party", "unknown"]

RightKind = Literal[
    "access",
    "rectification",
    "erasure",
    "restriction",
    "portability",
    "objection",
    "withdraw_consent",
    "complaint",
    "automated_decision",
    "opt_out",
    "non_discrimination",
]

FurnitureKind = Literal["breadcrumb", "repeated_title", "table_of_contents", "navigation", "other_document"]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Evidence(_Frozen):
    """Where a record came from: exact characters of the normalised text and the input."""

    text: str = Field(description="Exactly policy.text[start:end].")
    start: int = Field(ge=0, description="Start offset into PrivacyPolicy.text.")
    end: int = Field(ge=0, description="End offset (exclusive) into PrivacyPolicy.text.")
    source_start: int = Field(ge=0, description="Start offset into the input as given.")
    source_end: int = Field(ge=0, description="End offset (exclusive) into the input as given.")
    section: str | None = Field(description="id of the innermost section containing the record.")
    rule: str = Field(description="Stable id of the rule that produced the record.")


class DataCategory(Evidence):
    """Personal data the policy says is collected, used or shared (or, if negated, is not)."""

    category: str = Field(description="Fine-grained key from the taxonomy (docs/taxonomy.md).")
    group: DataGroup = Field(description="OPP-115 Personal Information Type group.")
    negated: bool = Field(default=False, description='True for "we do not collect ..." statements.')


class Purpose(Evidence):
    """Why data is processed."""

    category: PurposeCategory
    negated: bool = False


class Retention(Evidence):
    """How long data is kept, or when it is deleted."""

    kind: RetentionKind
    duration: str | None = Field(default=None, description="ISO 8601 duration such as P90D.")
    trigger: str | None = Field(default=None, description="Event that starts or ends the period.")


class Contact(Evidence):
    """An email address, phone number, URL or postal address given in the policy."""

    kind: ContactKind
    value: str = Field(description="Normalised value: lower-case email, E.164 phone, URL with scheme.")
    role: ContactRole = "unknown"


class Right(Evidence):
    """A right the user is told they have."""

    kind: RightKind
    response_time: str | None = Field(default=None, description="ISO 8601 duration, if stated.")


class Furniture(_Frozen):
    """Page furniture recognised in the text (kept in `text`, excluded from records)."""

    kind: FurnitureKind
    start: int
    end: int


class Section(_Frozen):
    """A section of the policy: its heading and everything up to the next heading of its level."""

    id: str
    number: str | None = Field(description='Numbering as printed without trailing punctuation: "4.1", "(1)".')
    title: str | None
    level: int = Field(ge=1)
    start: int
    end: int
    source_start: int
    source_end: int
    children: list[Section] = Field(default_factory=list)


class PrivacyPolicy(_Frozen):
    """A parsed privacy policy."""

    schema_version: str = SCHEMA_VERSION
    title: str | None = None
    text: str
    sections: list[Section] = Field(default_factory=list)
    data_categories: list[DataCategory] = Field(default_factory=list)
    purposes: list[Purpose] = Field(default_factory=list)
    retention: list[Retention] = Field(default_factory=list)
    contacts: list[Contact] = Field(default_factory=list)
    rights: list[Right] = Field(default_factory=list)
    furniture: list[Furniture] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def iter_sections(self) -> list[Section]:
        """All sections, depth first, in document order."""
        out: list[Section] = []
        stack = list(reversed(self.sections))
        while stack:
            section = stack.pop()
            out.append(section)
            stack.extend(reversed(section.children))
        return out

    def section_by_id(self, section_id: str) -> Section | None:
        return next((s for s in self.iter_sections() if s.id == section_id), None)


Record = DataCategory | Purpose | Retention | Contact | Right
