"""Bytes to text: find the encoding a policy file was written in, refuse what is not text.

The order follows what browsers do (WHATWG "encoding sniffing"), simplified:

1. a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) wins;
2. files that are plainly not text (images, archives, PDF, NUL bytes, control
   characters) are refused with `BinaryInputError`, saying what they look like;
3. a charset declared in the first 4 KB (`<meta charset>`, `<meta http-equiv
   content="...; charset=...">`, `<?xml ... encoding=...?>`) is used if the bytes are
   valid in it, except that non-ASCII bytes forming valid UTF-8 are read as UTF-8;
4. strict UTF-8;
5. otherwise a guess: Windows-1252 for Western text (it is what "ISO-8859-1" pages
   really are), charset-normalizer for the rest, Latin-1 as the last resort (it
   decodes any byte string, so it is only chosen when nothing better fits).

>>> decode_bytes("café".encode("cp1252")).encoding
'cp1252'
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from privacyparser.errors import BinaryInputError, DecodingError, EmptyInputError

# --- what is not text ------------------------------------------------------------

# (magic prefix, what it is). Checked before anything else that is not a BOM.
_MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document; extract its text first (e.g. with pdftotext) and parse that"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.xlsx file, which are ZIP archives)"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip-compressed file; decompress it first"),
    (b"BZh", "a bzip2-compressed file; decompress it first"),
    (b"\xfd7zXZ\x00", "an xz-compressed file; decompress it first"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "a legacy Microsoft Office (.doc/.xls) file"),
    (b"\x7fELF", "an executable (ELF) file"),
)

# Control characters other than tab, newline, vertical tab, form feed, carriage return
# and escape; text files almost never hold them.
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.05
_SAMPLE_SIZE = 65536

# --- byte order marks ------------------------------------------------------------

# Longest first: the UTF-32 LE mark starts with the UTF-16 LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# --- declared charsets -------------------------------------------------------------

_DECLARATION_WINDOW = 4096
# `[^>]{0,1024}` keeps each attempt bounded, so the scan stays linear in the window.
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]{0,1024}?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
_XML_ENCODING = re.compile(
    rb"""^\s*<\?xml\b[^>]{0,256}?\bencoding\s*=\s*["']([A-Za-z0-9_.:-]{1,40})""",
    re.IGNORECASE,
)
# Labels that browsers decode differently from what they say (WHATWG encoding spec).
_LABEL_ALIASES = {
    "latin1": "cp1252",
    "iso8859-1": "cp1252",
    "iso-8859-1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "iso8859-9": "cp1254",
    "iso-8859-9": "cp1254",
    "tis-620": "cp874",
    "x-sjis": "shift_jis",
    "gb2312": "gb18030",
    "gbk": "gb18030",
}

# Bytes that Windows-1252 leaves undefined: their presence rules it out.
_CP1252_UNDEFINED = re.compile(rb"[\x81\x8d\x8f\x90\x9d]")
_NON_ASCII = re.compile(rb"[\x80-\xff]")


@dataclass
class DecodedText:
    """Text decoded from bytes, the codec that decoded it, and what had to be guessed."""

    text: str
    encoding: str
    warnings: list[str] = field(default_factory=list)


def decode_bytes(data: bytes) -> DecodedText:
    """Decode the bytes of a policy file, or raise a `PolicyParseError` saying why not.

    >>> decode_bytes(b'<meta charset="iso-8859-1"><p>caf\\xe9</p>').text
    '<meta charset="iso-8859-1"><p>café</p>'
    """
    if not data:
        raise EmptyInputError("the input is empty (0 bytes)")

    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict_decode(data[len(bom) :], codec, f"a {codec.upper()} byte order mark")
            _refuse_control_characters(text)
            return DecodedText(text, codec)

    _refuse_binary(data)

    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        text = _strict_decode(data, utf16, f"{utf16.upper()} text without a byte order mark")
        _refuse_control_characters(text)
        return DecodedText(text, utf16, [f"decoded as {utf16} (no byte order mark; guessed from the NUL bytes)"])

    first_nul = data.find(0)
    if first_nul >= 0:
        raise BinaryInputError(
            f"the input looks like binary data, not text: it contains NUL bytes (first at byte {first_nul})"
        )

    warnings: list[str] = []
    declared = _declared_encoding(data[:_DECLARATION_WINDOW])
    if declared is not None and declared != "utf-8" and _NON_ASCII.search(data):
        # Non-ASCII bytes that form valid UTF-8 are almost never legacy-encoded text: the
        # declaration is stale (a common result of re-saving a page as UTF-8).
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return DecodedText(
                text, "utf-8", [f"the document declares charset {declared!r} but is valid UTF-8; decoded as UTF-8"]
            )
    if declared is not None:
        try:
            return DecodedText(data.decode(declared), declared)
        except UnicodeDecodeError as error:
            warnings.append(
                f"the document declares charset {declared!r} but byte {error.start} is not valid in it; "
                "detected the encoding instead"
            )

    try:
        return DecodedText(data.decode("utf-8"), "utf-8", warnings)
    except UnicodeDecodeError:
        pass

    text, codec = _guess_legacy_encoding(data)
    warnings.append(f"the input is not valid UTF-8 and declares no usable charset; decoded as {codec}")
    return DecodedText(text, codec, warnings)


def _refuse_binary(data: bytes) -> None:
    for magic, what in _MAGIC_NUMBERS:
        if data.startswith(magic):
            raise BinaryInputError(f"the input is {what}, not text")
    sample = data[:_SAMPLE_SIZE]
    controls = len(_CONTROL_BYTES.findall(sample.replace(b"\x00", b"")))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInputError(
            "the input looks like binary data, not text: "
            f"{controls / len(sample):.0%} of its first {len(sample)} bytes are control characters"
        )


def _refuse_control_characters(text: str) -> None:
    sample = text[:_SAMPLE_SIZE]
    if not sample:
        return
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls > _MAX_CONTROL_SHARE * len(sample):
        raise BinaryInputError(
            "the input looks like binary data, not text: "
            f"{controls / len(sample):.0%} of its first {len(sample)} characters are control characters"
        )


def _bomless_utf16(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NUL bytes sit at every other position, as in ASCII-range UTF-16."""
    sample = data[: _SAMPLE_SIZE & ~1]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_nuls > 0.4 * half and even_nuls < 0.02 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.02 * half:
        return "utf-16-be"
    return None


def _strict_decode(data: bytes, codec: str, what: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise DecodingError(f"the input starts with {what} but byte {error.start} is not valid {codec}") from None


def _declared_encoding(head: bytes) -> str | None:
    match = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").strip().lower()
    label = _LABEL_ALIASES.get(label, label)
    try:
        codec = codecs.lookup(label).name
    except LookupError:
        return None
    # A document whose bytes were readable as ASCII cannot really be UTF-16/32; browsers
    # treat such a declaration as UTF-8.
    if codec.startswith(("utf-16", "utf-32")):
        return "utf-8"
    return codec


def _guess_legacy_encoding(data: bytes) -> tuple[str, str]:
    non_ascii = len(_NON_ASCII.findall(data[:_SAMPLE_SIZE]))
    sample_size = min(len(data), _SAMPLE_SIZE)
    cp1252_possible = _CP1252_UNDEFINED.search(data) is None
    # Western text: a few accented letters among ASCII. Windows-1252 is by far the most
    # common legacy encoding of such pages.
    # Statistical detection needs some text to work on; short inputs get the Western default.
    if cp1252_possible and (non_ascii <= 0.1 * sample_size or sample_size < 256):
        return data.decode("cp1252"), "cp1252"
    detected = _detect_with_charset_normalizer(data)
    if detected is not None:
        return detected
    if cp1252_possible:
        return data.decode("cp1252"), "cp1252"
    return data.decode("latin-1"), "latin-1"


def _detect_with_charset_normalizer(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional dependency
        return None
    best = from_bytes(data).best()
    # NUL-free input is not UTF-16/32 (checked before), whatever the statistics say.
    if best is None or best.encoding.startswith(("utf", "ascii")):
        return None
    try:
        return data.decode(best.encoding), best.encoding
    except (UnicodeDecodeError, LookupError):
        return None


__all__ = ["DecodedText", "decode_bytes"]
