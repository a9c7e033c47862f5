"""Bytes to text: byte order marks, declared charsets, UTF-8, legacy guesses, binary refusal."""

from __future__ import annotations

import codecs

import pytest

from privacyparser.errors import BinaryInputError, DecodingError, EmptyInputError, PolicyParseError
from privacyparser.normalize.decode import decode_bytes

POLICY = "Privacy policy: we collect your name and café orders — “quoted”."


@pytest.mark.parametrize(
    ("data", "text", "encoding"),
    [
        (POLICY.encode("utf-8"), POLICY, "utf-8"),
        (codecs.BOM_UTF8 + POLICY.encode("utf-8"), POLICY, "utf-8"),
        (codecs.BOM_UTF16_LE + POLICY.encode("utf-16-le"), POLICY, "utf-16-le"),
        (codecs.BOM_UTF16_BE + POLICY.encode("utf-16-be"), POLICY, "utf-16-be"),
        (codecs.BOM_UTF32_LE + POLICY.encode("utf-32-le"), POLICY, "utf-32-le"),
        (codecs.BOM_UTF32_BE + POLICY.encode("utf-32-be"), POLICY, "utf-32-be"),
        (POLICY.encode("utf-16-le"), POLICY, "utf-16-le"),
        (
            b'<meta charset="iso-8859-1"><p>caf\xe9 \x93q\x94</p>',
            '<meta charset="iso-8859-1"><p>café “q”</p>',
            "cp1252",
        ),
        (
            b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
            b"<p>\xcf\xf0\xe8\xe2\xe5\xf2</p>",
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251"><p>Привет</p>',
            "cp1251",
        ),
        (
            b'<?xml version="1.0" encoding="ISO-8859-15"?><p>\xa4</p>',
            '<?xml version="1.0" encoding="ISO-8859-15"?><p>€</p>',
            "iso8859-15",
        ),
        # A declaration the bytes contradict loses to valid UTF-8.
        ('<meta charset="iso-8859-1"><p>café</p>'.encode(), '<meta charset="iso-8859-1"><p>café</p>', "utf-8"),
        # An unknown label is ignored.
        (b'<meta charset="no-such-charset"><p>plain</p>', '<meta charset="no-such-charset"><p>plain</p>', "utf-8"),
        (POLICY.encode("cp1252"), POLICY, "cp1252"),
        # 0x81 is undefined in Windows-1252, so only Latin-1 can decode this.
        (b"caf\xe9 \x81", "café \x81", "latin-1"),
    ],
)
def test_decodes(data: bytes, text: str, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == text
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    ("data", "has_warning"),
    [
        (POLICY.encode("utf-8"), False),
        (POLICY.encode("cp1252"), True),
        ('<meta charset="ascii"><p>café</p>'.encode("cp1252"), False),
    ],
)
def test_guessing_is_reported(data: bytes, has_warning: bool) -> None:
    assert bool(decode_bytes(data).warnings) is has_warning


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (
            "Мы собираем ваши персональные данные, чтобы предоставлять услуги. Политика конфиденциальности. " * 3,
            "koi8-r",
        ),
        (
            "お客様の個人情報は、当社のプライバシーポリシーに従って取り扱われます。利用目的について説明します。" * 3,
            "shift_jis",
        ),
    ],
)
def test_detects_non_western_legacy_encodings(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec)).text == text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "extract its text first"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
        (b"Privacy policy\x00\x00\x00\x01binary tail", "NUL bytes"),
        (bytes(range(1, 9)) * 200 + b"some text", "control characters"),
    ],
)
def test_refuses_binary(data: bytes, message: str) -> None:
    with pytest.raises(BinaryInputError, match=message):
        decode_bytes(data)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyInputError),
        (codecs.BOM_UTF8 + b"caf\xe9", DecodingError),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", DecodingError),  # lone surrogate
    ],
)
def test_undecodable_and_empty(data: bytes, error: type[PolicyParseError]) -> None:
    with pytest.raises(error) as raised:
        decode_bytes(data)
    assert isinstance(raised.value, ValueError)
    assert str(raised.value)
