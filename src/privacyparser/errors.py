"""Errors raised for input that cannot be parsed as a policy.

Every error is a `PolicyParseError` and a `ValueError`, carries a stable readable
`code`, and a message that says what was wrong with the input, not where the code was.
"""

from __future__ import annotations


class PolicyParseError(ValueError):
    """Base class: the input could not be turned into a policy."""

    code = "policy_parse_error"


class EmptyInputError(PolicyParseError):
    """The input is empty, whitespace only, or has no visible text."""

    code = "empty_input"


class BinaryInputError(PolicyParseError):
    """The input looks like binary data (an image, an archive, random bytes), not text."""

    code = "binary_input"


class DecodingError(PolicyParseError):
    """The bytes could not be decoded as text in any supported encoding."""

    code = "undecodable_bytes"


class InputTooLargeError(PolicyParseError):
    """The input is larger than the configured maximum size."""

    code = "input_too_large"


class InputFileError(PolicyParseError):
    """The file does not exist, is a directory, or cannot be read."""

    code = "input_file"


class UnsupportedFormatError(PolicyParseError):
    """The `format` argument names a format the parser does not know."""

    code = "unsupported_format"
