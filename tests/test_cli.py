from __future__ import annotations

import json
from pathlib import Path

import pytest

from privacyparser.cli import main

ESSA = Path(__file__).resolve().parent.parent / "fixtures" / "policies" / "essa" / "policy.txt"


def test_parse_to_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(ESSA)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"] == "Privacy Policy of essa.cn"
    assert len(data["sections"]) == 9


def test_parse_many_files_to_jsonl(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(ESSA), str(ESSA), "--to", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["schema_version"] for line in lines)


@pytest.mark.parametrize(("fmt", "expected"), [("outline", "  4.1 Other security measures"), ("table", "cust@essa.cn")])
def test_human_formats(capsys: pytest.CaptureFixture[str], fmt: str, expected: str) -> None:
    assert main(["parse", str(ESSA), "--to", fmt]) == 0
    assert expected in capsys.readouterr().out


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "PrivacyPolicy"


@pytest.mark.parametrize("content", [None, b"", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200)])
def test_errors_are_one_line_with_status_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None
) -> None:
    path = tmp_path / "policy.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["parse", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("privacyparser: error: ") and captured.err.count("\n") == 1


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.startswith("privacyparser ")


def test_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Contact\nWrite to dpo@example.org.")))
    assert main(["parse", "-", "--to", "jsonl", "--from", "text"]) == 0
    assert json.loads(capsys.readouterr().out)["contacts"][0]["value"] == "dpo@example.org"
