"""Compiled regexes kept on disk between processes, as Python keeps bytecode in .pyc files.

`re.compile` parses a pattern and writes its program in Python code, and the rule
tables' patterns and those derived from them (hundreds, some of 10,000 characters)
made that about a fifth of a fresh process's import, pipeline build and first parse.
`compile_regex` keeps the program of every pattern it compiles in one file per Python
build and, in later processes, makes the Pattern from it: the very object `re.compile`
returns (the same program, flags and groups; `==` compares them, and a pattern whose
rebuilt form differs is never stored).

Only for patterns of the code and the rule tables: a pattern made from a document's
text would grow the file with every document.

The file is in $PRIVACYPARSER_CACHE_DIR, else $XDG_CACHE_HOME/privacyparser, else
~/.cache/privacyparser; PRIVACYPARSER_CACHE_DIR="" turns it off. Whatever goes wrong
(no such folder, a file that is not ours or is corrupt, another Python's internals),
`compile_regex` is `re.compile`.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import marshal
import os
import re
import stat
import sys
from array import array
from pathlib import Path
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# (flags, program as bytes, number of groups, name -> group, group -> name) by (source, flags).
_Entry = tuple[int, bytes, int, dict[str, int], tuple[str | None, ...]]

# Past this many patterns the file starts over with the ones this process used: the
# tables change, and patterns they no longer make would stay in it for ever.
_MAX_ENTRIES = 2000

_CODE_TYPE = "I" if array("I").itemsize == _sre.CODESIZE else "L" if array("L").itemsize == _sre.CODESIZE else ""


class _Store:
    """The file's patterns, read at the first `compile_regex` (the environment is read then)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self.entries: dict[tuple[str, int], _Entry] | None = None
        self.used: set[tuple[str, int]] = set()
        self.new = 0

    def load(self) -> dict[tuple[str, int], _Entry]:
        if self.entries is None:
            if self.path is None:
                self.path = _cache_path()
            self.entries = _read(self.path) if self.path is not None else {}
            if self.path is not None and not self.entries and not _writable(self.path.parent):
                # Nothing stored and nowhere to store it: every miss would compile twice.
                self.path = None
        return self.entries

    def add(self, key: tuple[str, int], entry: _Entry) -> None:
        entries = self.load()
        if not self.new:
            atexit.register(self.save)
        entries[key] = entry
        self.new += 1

    def save(self) -> None:
        if self.path is None or not self.new or self.entries is None:
            return
        entries = self.entries
        if len(entries) > _MAX_ENTRIES:
            entries = {key: entries[key] for key in self.used if key in entries}
        import tempfile  # only a process that compiled something new writes

        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=self.path.name, suffix=".tmp")
            try:
                with os.fdopen(handle, "wb") as out:
                    marshal.dump(entries, out)
                # Whole or not at all for a process that reads it meanwhile.
                os.replace(temporary, self.path)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, ValueError):
            return
        self.new = 0


def _cache_path() -> Path | None:
    if not _CODE_TYPE or sys.implementation.name != "cpython":
        return None
    folder = os.environ.get("PRIVACYPARSER_CACHE_DIR")
    if folder is None:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
        folder = os.path.join(base, "privacyparser")
    if not folder:
        return None
    import hashlib  # read once, at the first pattern

    # A program is valid only for the `re` that wrote it: one file per Python build.
    build = hashlib.sha1(f"{sys.version}|{_sre.MAGIC}|{_sre.CODESIZE}".encode()).hexdigest()[:16]
    return Path(folder) / f"regexes-{sys.implementation.cache_tag}-{build}.marshal"


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _read(path: Path) -> dict[tuple[str, int], _Entry]:
    try:
        with open(path, "rb") as source:
            info = os.fstat(source.fileno())
            # Only a file of this user that no one else may write: `marshal` trusts its input.
            getuid = getattr(os, "getuid", None)  # POSIX only
            if getuid is not None and (info.st_uid != getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)):
                return {}
            entries = marshal.load(source)
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return entries if isinstance(entries, dict) else {}


_STORE = _Store()


def compile_regex(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, made from its stored program when there is one.

    >>> compile_regex(r"\\bopt(?:ing|s)?[ -]?out\\b") == re.compile(r"\\bopt(?:ing|s)?[ -]?out\\b")
    True
    """
    entry = _STORE.load().get(key := (source, int(flags)))
    if _STORE.path is None:
        return re.compile(source, flags)
    _STORE.used.add(key)
    if entry is not None:
        try:
            pattern: re.Pattern[str] = _sre.compile(
                source, entry[0], array(_CODE_TYPE, entry[1]).tolist(), entry[2], entry[3], entry[4]
            )
            return pattern
        except Exception:  # a program this `re` does not take: compile it afresh
            pass
    compiled = re.compile(source, flags)
    if _STORE.path is None:
        return compiled
    built = _build(source, int(flags))
    if built is not None and built[0] == compiled:
        _STORE.add(key, built[1])
    else:
        # This Python makes patterns another way: stop paying for a second compile.
        _STORE.path = None
    return compiled


def _build(source: str, flags: int) -> tuple[re.Pattern[str], _Entry] | None:
    """The pattern made as `re._compiler.compile` makes it, and what the file keeps of it."""
    try:
        tree: Any = sre_parse.parse(source, flags)
        code = array(_CODE_TYPE, sre_compile._code(tree, flags))
        groupindex = dict(tree.state.groupdict)
        indexgroup: list[str | None] = [None] * tree.state.groups
        for name, index in groupindex.items():
            indexgroup[index] = name
        entry: _Entry = (
            int(flags | tree.state.flags),
            code.tobytes(),
            tree.state.groups - 1,
            groupindex,
            tuple(indexgroup),
        )
        pattern: re.Pattern[str] = _sre.compile(source, entry[0], code.tolist(), entry[2], entry[3], entry[4])
    except Exception:  # internals of another Python: no entry, `re.compile` serves
        return None
    return pattern, entry
