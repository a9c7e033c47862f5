"""The shortcuts of `PurposeReader` give the answers of the scans they spare."""

from __future__ import annotations

import pytest

import privacyparser as pp
from privacyparser.extract.purposes import PurposeReader

_TEXTS = [
    "We use your address to deliver your order, to send receipts and to improve the shop.",
    "To manage your account, we may to some extent combine records to detect fraud and to comply with law.",
    "Our partners help us understand traffic; we keep logs to secure the site, to debug it and to plan capacity.",
    "You can ask to see your data. We process it to answer you, to fix errors, and, where we must, to report.",
    "We use:\n- to run the service;\n- to answer questions;\n- to measure ads.\nData is sent to partners to bill you.",
]


def _records(text: str) -> list[tuple[str, int, int, str]]:
    return [(p.rule, p.start, p.end, p.category) for p in pp.parse(text).purposes]


@pytest.mark.parametrize("text", _TEXTS)
def test_context_cue_remembered_per_sentence(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """`_context_before` answers as a scan of the sentence before each cue would."""
    found = _records(text)

    def scanned(self: PurposeReader, s: int, pos: int) -> bool:
        return self.patterns.context.search(self.ctx.lower, s, pos) is not None

    monkeypatch.setattr(PurposeReader, "_context_before", scanned)
    assert _records(text) == found
    assert found  # each text states purposes
