"""The command line: `privacyparser parse FILE... [--to ...] [--from ...]` and `privacyparser schema`."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import TextIO

from privacyparser.errors import PolicyParseError
from privacyparser.models import PrivacyPolicy, Section

EXIT_OK = 0
EXIT_INPUT_ERROR = 2


def _outline(policy: PrivacyPolicy, out: TextIO) -> None:
    out.write(f"{policy.title or '(untitled)'}\n")

    def walk(sections: list[Section]) -> None:
        for section in sections:
            label = " ".join(part for part in (section.number, section.title) if part) or "(untitled)"
            out.write(f"{'  ' * section.level}{label}  [{section.id} {section.start}-{section.end}]\n")
            walk(section.children)

    walk(policy.sections)


def _table(policy: PrivacyPolicy, out: TextIO) -> None:
    rows: list[tuple[str, str, str, str]] = []
    for record in policy.data_categories:
        rows.append(
            (
                "data",
                f"{record.group}/{record.category}" + (" (negated)" if record.negated else ""),
                record.section or "",
                record.text,
            )
        )
    for purpose in policy.purposes:
        rows.append(
            (
                "purpose",
                purpose.category + (" (negated)" if purpose.negated else ""),
                purpose.section or "",
                purpose.text,
            )
        )
    for retention in policy.retention:
        detail = " ".join(x for x in (retention.kind, retention.duration, retention.trigger) if x)
        rows.append(("retention", detail, retention.section or "", retention.text))
    for contact in policy.contacts:
        rows.append(("contact", f"{contact.kind}/{contact.role}: {contact.value}", contact.section or "", contact.text))
    for right in policy.rights:
        rows.append(
            (
                "right",
                right.kind + (f" ({right.response_time})" if right.response_time else ""),
                right.section or "",
                right.text,
            )
        )
    width = max((len(r[1]) for r in rows), default=10)
    for kind, detail, section, text in rows:
        snippet = " ".join(text.split())
        if len(snippet) > 80:
            snippet = snippet[:77] + "..."
        out.write(f"{kind:<10} {detail:<{width}} {section:<8} {snippet}\n")


def _cmd_parse(args: argparse.Namespace) -> int:
    # Imported here so that `privacyparser schema` and `--help` stay instant.
    from privacyparser.api import PolicyParser

    parser = PolicyParser()
    out = sys.stdout
    many = len(args.files) > 1
    if args.to == "json" and many:
        out.write("[\n")
    for index, name in enumerate(args.files):
        if name == "-":
            policy = parser.parse(sys.stdin.buffer.read(), format=args.source_format)
        else:
            policy = parser.parse_file(name, format=args.source_format)
        if args.to == "json":
            if index:
                out.write(",\n")
            out.write(policy.model_dump_json(indent=2))
            if not many:
                out.write("\n")
        elif args.to == "jsonl":
            out.write(policy.model_dump_json() + "\n")
        elif args.to == "outline":
            if many:
                out.write(f"== {name}\n")
            _outline(policy, out)
        else:
            if many:
                out.write(f"== {name}\n")
            _table(policy, out)
    if args.to == "json" and many:
        out.write("\n]\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from privacyparser.api import json_schema

    json.dump(json_schema(), sys.stdout, indent=2)
    sys.stdout.write("\n")
    return EXIT_OK


def build_argument_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="privacyparser",
        description="Turn privacy policies (HTML or text) into a section tree and typed records.",
    )
    from privacyparser import __version__

    parser.add_argument("--version", action="version", version=f"privacyparser {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    parse_cmd = commands.add_parser("parse", help="parse policy files and print the result")
    parse_cmd.add_argument("files", nargs="+", metavar="FILE", help="policy file(s); '-' reads standard input")
    parse_cmd.add_argument(
        "--to", choices=("json", "jsonl", "outline", "table"), default="json", help="output format (default: json)"
    )
    parse_cmd.add_argument(
        "--from",
        dest="source_format",
        choices=("auto", "text", "html"),
        default="auto",
        help="input format (default: detected)",
    )
    parse_cmd.set_defaults(handler=_cmd_parse)
    schema_cmd = commands.add_parser("schema", help="print the JSON Schema of the output")
    schema_cmd.set_defaults(handler=_cmd_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_argument_parser().parse_args(argv)
    try:
        return int(args.handler(args))
    except PolicyParseError as exc:
        # One readable line, no stack trace: the message says what was wrong with the input.
        message = " ".join(str(exc).split())
        sys.stderr.write(f"privacyparser: error: {message}\n")
        return EXIT_INPUT_ERROR
    except BrokenPipeError:
        return EXIT_OK
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
