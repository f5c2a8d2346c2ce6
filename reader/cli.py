"""Headless subcommands of Qari: ``extract`` (more arrive with translation and annotations).

Errors print one line on stderr and exit with code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from reader import __version__
from reader.arabic.model import PageText
from reader.errors import QariError
from reader.pages import parse_page_ranges
from reader.session import DocumentSession

EXIT_USAGE = 2
SUBCOMMANDS = ("extract",)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2 (argparse prints usage too)
        print(f"qari: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="qari", description="Qari: offline reader for Arabic PDF reports.")
    parser.add_argument("--version", action="version", version=f"qari {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    extract = sub.add_parser("extract", help="print the text of a PDF")
    extract.add_argument("file", help="the PDF file")
    extract.add_argument("--pages", help="pages to extract, e.g. 1-3,7 (default: all)")
    extract.add_argument("--format", choices=("text", "json"), default="text")
    extract.add_argument("--password", help="password of a protected PDF")
    return parser


def page_text_format(page: PageText) -> str:
    """The corpus text format: body lines, then the page's footnotes."""
    return "\n".join(block.text for block in page.blocks())


def _extract(args: argparse.Namespace) -> int:
    session = DocumentSession.open(args.file, args.password)
    try:
        pages = parse_page_ranges(args.pages, session.page_count)
    except ValueError as exc:
        print(f"qari: {exc}", file=sys.stderr)
        return EXIT_USAGE
    models = [session.page_model(p) for p in pages]
    texts = [page_text_format(m) for m in models]
    if args.format == "json":
        payload = {
            "file": session.info.path,
            "sha256": session.info.sha256,
            "pages": [{"page": p + 1, "text": t} for p, t in zip(pages, texts, strict=True)],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
    else:
        sys.stdout.write("\f".join(texts) + "\n")
    session.close()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
    except QariError as exc:
        print(f"qari: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # `qari extract x.pdf | head` is fine
        return 0
    return EXIT_USAGE
