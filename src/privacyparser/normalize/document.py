"""The normaliser's product: clean text, its offset chain, and the structure it saw."""

from __future__ import annotations

from dataclasses import dataclass, field

from privacyparser.normalize.offsets import OffsetChain


@dataclass(frozen=True)
class HeadingHint:
    """A heading the input marked explicitly (an HTML `<hN>`, a Markdown `#` line)."""

    start: int
    end: int
    level: int


@dataclass(frozen=True)
class FurnitureSpan:
    """Text that belongs to the page, not the policy (breadcrumb, repeated title, menu)."""

    start: int
    end: int
    kind: str


@dataclass
class NormalizedDocument:
    """Normalised policy text plus everything needed to point back into the input."""

    source: str
    text: str
    chain: OffsetChain
    headings: list[HeadingHint] = field(default_factory=list)
    furniture: list[FurnitureSpan] = field(default_factory=list)
    title_hint: str | None = None
    warnings: list[str] = field(default_factory=list)

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.chain.source_span(start, end)
