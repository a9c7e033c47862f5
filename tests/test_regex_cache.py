from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from privacyparser import regex_cache
from privacyparser.regex_cache import compile_regex

PATTERNS = [
    (r"\bopt(?:ing|s)?[ -]?out\b", 0),
    (r"(?P<verb>keep|retain)\w*\s+(?:for|until)\b", 0),
    (r"(?i)(?:©|\(c\))\s*(?:19|20)\d\d", 0),
    (r"^\s*(?:\d{1,3}\.)+\s+[A-Z]", re.MULTILINE),
    (r"(?<![\w.+-])[a-z0-9][\w.+-]{0,63}@[a-z0-9-]{1,63}(?:\.[a-z]{2,24})+", re.IGNORECASE),
]


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A store of its own in a temporary folder; returns the folder."""
    monkeypatch.setenv("PRIVACYPARSER_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_STORE", regex_cache._Store())
    return tmp_path


def _fresh_store(monkeypatch: pytest.MonkeyPatch) -> regex_cache._Store:
    """A new process's store: the file is read again."""
    fresh = regex_cache._Store()
    monkeypatch.setattr(regex_cache, "_STORE", fresh)
    return fresh


@pytest.mark.parametrize(("source", "flags"), PATTERNS)
def test_stored_pattern_is_the_one_re_compiles(
    store: Path, monkeypatch: pytest.MonkeyPatch, source: str, flags: int
) -> None:
    missed = compile_regex(source, flags)
    assert missed == re.compile(source, flags)
    regex_cache._STORE.save()
    assert list(store.iterdir())
    fresh = _fresh_store(monkeypatch)
    hit = compile_regex(source, flags)
    assert fresh.new == 0  # made from the file
    assert hit == re.compile(source, flags)
    assert (hit.pattern, hit.flags, hit.groups, hit.groupindex) == (
        source,
        missed.flags,
        missed.groups,
        missed.groupindex,
    )
    text = "You may opt-out; we keep it for 3 years. (c) 2024 1.2. Title privacy@example.org"
    assert [m.span() for m in hit.finditer(text)] == [m.span() for m in re.finditer(source, text, flags)]


def test_empty_folder_setting_turns_the_cache_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVACYPARSER_CACHE_DIR", "")
    fresh = _fresh_store(monkeypatch)
    assert compile_regex(r"\bdata\b") == re.compile(r"\bdata\b")
    assert fresh.path is None and fresh.new == 0


def test_corrupt_file_is_ignored_and_replaced(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compile_regex(r"\bcookies?\b")
    regex_cache._STORE.save()
    (path,) = store.iterdir()
    path.write_bytes(b"\x00not a marshal file")
    _fresh_store(monkeypatch)
    assert compile_regex(r"\bcookies?\b") == re.compile(r"\bcookies?\b")
    regex_cache._STORE.save()
    _fresh_store(monkeypatch)
    compile_regex(r"\bcookies?\b")
    assert regex_cache._STORE.new == 0


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="file modes are POSIX")
def test_file_others_may_write_is_not_read(store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    compile_regex(r"\bbeacons?\b")
    regex_cache._STORE.save()
    (path,) = store.iterdir()
    path.chmod(0o666)
    fresh = _fresh_store(monkeypatch)
    compile_regex(r"\bbeacons?\b")
    assert fresh.new == 1  # compiled afresh


def test_bad_pattern_raises_as_re_does(store: Path) -> None:
    with pytest.raises(re.error):
        compile_regex(r"(?:unclosed")
