"""Headless subcommands of Qari: ``extract``, ``translate``, ``translations``, ``annotations``
(import and export), ``export`` (the Markdown summary) and ``models`` (translation models
installed from files carried over).

Errors print one line on stderr and exit with code 2.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import sqlite3
import sys
import time
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING, NoReturn

from reader import __version__
from reader.arabic.model import HEADING, TABLE_ROW, Block, PageText
from reader.arabic.repair import PIPELINE_VERSION
from reader.errors import DocumentError, DocumentErrorCode, QariError
from reader.mdtext import escape_cell, escape_inline
from reader.pages import parse_page_ranges
from reader.session import DocumentSession

if TYPE_CHECKING:  # the report and its writers load only for the subcommands that use them
    from reader.translation.report import Report

EXIT_USAGE = 2
SUBCOMMANDS = ("extract", "translate", "translations", "annotations", "export", "models")
FORMATS = ("docx", "odt", "html", "md", "tmx", "xliff")  # as reader.exports.writing


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, exit 2 (argparse prints usage too)
        print(f"qari: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="qari", description="Qari: offline reader for Arabic PDF reports.")
    parser.add_argument("--version", action="version", version=f"qari {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    extract = sub.add_parser("extract", help="print the text of a PDF")
    extract.add_argument("file", help="the PDF file")
    extract.add_argument("--pages", help="pages to extract, e.g. 1-3,7 (default: all)")
    extract.add_argument("--format", choices=("text", "json", "markdown"), default="text",
                         help="text (the corpus format), json (the page model with boxes), "
                              "markdown")
    extract.add_argument("--display", choices=("logical", "visual"), default="logical",
                         help="visual: reshaped lines in display order, for terminals "
                              "without bidi support")
    extract.add_argument("--password", help="password of a protected PDF")
    extract.add_argument("--page-seconds", type=float, default=60.0, metavar="S",
                         help="leave out a page that takes longer than this to read "
                              "(default 60; 0: read in this process, without a budget)")
    extract.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                         help="read pages with OCR (Tesseract): auto = pages without a usable "
                              "text layer (the default), always, never")
    translate = sub.add_parser("translate", help="print aligned Arabic and English sentences")
    translate.add_argument("file", help="the PDF file")
    translate.add_argument("--pages", help="pages to translate, e.g. 1-3 (default: all)")
    translate.add_argument("--model", help="install this .argosmodel file first")
    translate.add_argument("--format", choices=("text", "markdown", "tsv"), default="text")
    translate.add_argument("--password", help="password of a protected PDF")
    translations = sub.add_parser(
        "translations", help="export the translated report (DOCX, ODT, HTML, Markdown), TMX "
                             "or XLIFF; import an XLIFF edited in a CAT tool")
    steps = translations.add_subparsers(dest="action", required=True, parser_class=_Parser)
    out = steps.add_parser("export", help="write the translation of a PDF")
    out.add_argument("file", help="the PDF")
    out.add_argument("-o", "--output", required=True, help="the file to write")
    out.add_argument("--format", choices=FORMATS, help="default: from the output's extension")
    out.add_argument("--bilingual", action="store_true",
                     help="a two-column table, Arabic beside English, per segment")
    out.add_argument("--status", choices=("any", "confirmed"), default="any",
                     help="confirmed: only English a translator confirmed (default: any, "
                          "machine output marked as such)")
    out.add_argument("--password", help="password of a protected PDF")
    back = steps.add_parser("import", help="bring back the targets changed in an XLIFF")
    back.add_argument("file", help="the PDF")
    back.add_argument("source", help="the .xlf/.xliff file")
    back.add_argument("--password", help="password of a protected PDF")
    memory = steps.add_parser("memory", help="write the whole translation memory as TMX, or "
                                             "add a TMX file to it")
    where = memory.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output", help="the .tmx file to write")
    where.add_argument("--import", dest="tmx", metavar="FILE",
                       help="add the Arabic–English units of a TMX file to the memory")
    annotations = sub.add_parser("annotations", help="import or export a PDF's annotations")
    actions = annotations.add_subparsers(dest="action", required=True, parser_class=_Parser)
    imports = actions.add_parser(
        "import", help="add annotations from a W3C Web Annotation JSON file or an annotated "
                       "PDF (the same report annotated in another viewer)")
    imports.add_argument("file", help="the PDF the annotations belong to")
    imports.add_argument("source", help="a .json (W3C) or .pdf file")
    imports.add_argument("--password", help="password of a protected PDF")
    exports = actions.add_parser("export", help="write the annotations out")
    exports.add_argument("file", help="the PDF")
    exports.add_argument("--format", choices=("w3c", "pdf"), default="w3c",
                         help="w3c: Web Annotation JSON; pdf: a copy of the PDF with the "
                              "annotations as standard PDF annotations")
    exports.add_argument("-o", "--output", required=True, help="the file to write")
    exports.add_argument("--password", help="password of a protected PDF")
    summary = sub.add_parser("export", help="write the Markdown summary of the annotations")
    summary.add_argument("file", help="the PDF")
    summary.add_argument("-o", "--output", help="the .md file (default: standard output)")
    summary.add_argument("--group", choices=("page", "colour", "tag"), default="page")
    summary.add_argument("--bilingual-pages", help="add the full Arabic and English text of "
                                                   "these pages, e.g. 1-3")
    summary.add_argument("--password", help="password of a protected PDF")
    models = sub.add_parser("models", help="list the translation models, or install one "
                                           "from an .argosmodel file")
    model_steps = models.add_subparsers(dest="action", required=True, parser_class=_Parser)
    model_steps.add_parser("list", help="the installed models")
    install = model_steps.add_parser("install", help="install a model from a file")
    install.add_argument("file", help="the .argosmodel file")
    return parser


def _translate(args: argparse.Namespace) -> int:
    from reader.translation import argos
    from reader.translation.cache import TranslationCache
    from reader.translation.engine import TranslationEngine
    from reader.translation.packages import ModelPackageError, find_package, install_package
    from reader.translation.units import page_units

    if args.model:
        install_package(args.model)
    package = find_package("ar", "en")
    if package is None:
        print("qari: no Arabic→English translation model is installed; install one with "
              "--model FILE.argosmodel (download translate-ar_en on a connected computer)",
              file=sys.stderr)
        return EXIT_USAGE
    session, pages = _open_pages(args)
    try:
        model = argos.load_model(package.folder, package.version, package.target_prefix)
    except Exception as exc:  # whatever CTranslate2 or SentencePiece raise on a bad model
        raise ModelPackageError(f"the installed model {package.label} cannot be loaded "
                                f"({exc}); install it again") from exc
    cache = TranslationCache()
    engine = TranslationEngine(model, cache)
    out = sys.stdout
    if args.format == "tsv":
        out.write("page\tsentence\tarabic\tenglish\n")
    for page, model_page in zip(pages, _read_pages(session, pages), strict=True):
        body = sum(len(b.text) + 1 for b in model_page.body)
        sentences, _ = page_units(model_page.text, body, model_page.spans(),
                                  cache.source_fixes.fixes(session.info.sha256, page))
        translations = engine.translate([s.text for s in sentences])
        for number, (sentence, translation) in enumerate(zip(sentences, translations,
                                                             strict=True), 1):
            source, target = sentence.text, translation.target
            if args.format == "tsv":
                out.write(f"{page + 1}\t{number}\t{source.replace(chr(9), ' ')}\t"
                          f"{target.replace(chr(9), ' ')}\n")
            elif args.format == "markdown":
                out.write(f"**p. {page + 1}, {number}** {escape_inline(target)}\n\n"
                          f'<div dir="rtl">{html.escape(" ".join(source.split()))}</div>\n\n')
            else:
                out.write(f"[{page + 1}.{number}] {source}\n{target}\n\n")
    session.close()
    return 0


def page_text_format(page: PageText) -> str:
    """The corpus text format: body lines, then the page's footnotes."""
    return "\n".join(block.text for block in page.blocks())


def page_markdown(page: PageText) -> str:
    """The page as Markdown; the PDF's text is escaped (a hostile PDF's ``<script>`` or
    ``javascript:`` link stays text)."""
    out: list[str] = []
    for block in page.body:
        if block.kind == HEADING:
            out.append(f"## {escape_inline(block.text, line_start=False)}")
        elif block.kind == TABLE_ROW:
            out.append("| " + " | ".join(escape_cell(c) for line in block.lines
                                         for c in line.cells) + " |")
        else:
            out.append(escape_inline(block.text))
    if page.notes:
        out.append("---")
        out.extend(escape_inline(note.text) for note in page.notes)
    return "\n\n".join(out)


def _rect(box: tuple[float, float, float, float] | None) -> list[float] | None:
    return None if box is None else [round(v, 2) for v in box]


def page_json(page: PageText) -> dict[str, object]:
    def block(b: Block) -> dict[str, object]:
        return {"kind": b.kind, "bbox": _rect(b.bbox), "text": b.text, "lines": [
            {"text": line.text, "bbox": _rect(line.bbox), "size": round(line.size, 2),
             "rtl": line.rtl, "boxes": [_rect(x) for x in line.boxes]}
            for line in b.lines]}

    q = page.quality
    return {"page": page.page + 1, "width": round(page.width, 2), "height": round(page.height, 2),
            "quality": {"glyphs": q.glyphs, "recovered": q.recovered, "unmapped": q.unmapped,
                        "visual_order": q.visual_order, "no_text_layer": q.no_text_layer},
            "blocks": [block(b) for b in page.body], "notes": [block(b) for b in page.notes],
            "removed": [block(b) for b in page.running]}


def visual(text: str) -> str:
    """Display order with joined letter forms, for terminals that cannot do either."""
    from arabic_reshaper import reshape
    from bidi import get_display

    return "\n".join(get_display(reshape(line)) for line in text.split("\n"))


class _UsageError(Exception):
    """A bad argument found after parsing (a page range outside the document)."""


def _open_pages(args: argparse.Namespace) -> tuple[DocumentSession, list[int]]:
    seconds = getattr(args, "page_seconds", 0)
    service = None
    if seconds and seconds > 0:
        # Pages are read in a child process with a time and memory budget: a page that
        # hangs or exhausts memory in MuPDF is left out, the others are read. A fork of
        # this process: MuPDF is loaded already.
        from reader.pdf import RenderService

        service = RenderService(page_seconds=seconds, fork=True)
        service.start()
    try:
        session = DocumentSession.open(args.file, args.password)
    except BaseException:
        if service is not None:
            service.close()
        raise
    session.render_service = service
    try:
        return session, parse_page_ranges(args.pages, session.page_count)
    except ValueError as exc:
        _close(session)
        raise _UsageError(str(exc)) from exc


def _close(session: DocumentSession) -> None:
    if session.render_service is not None:
        session.render_service.close()
    session.close()


def _read_pages(session: DocumentSession, pages: list[int]) -> list[PageText]:
    """Each page's model; a page that cannot be read is an empty page, said in one line
    on stderr (the others go on). None readable at all: an error."""
    models: list[PageText] = []
    failed: list[int] = []
    reason = ""
    for page in pages:
        try:
            models.append(session.page_model(page))
        except DocumentError as exc:
            failed.append(page)
            reason = reason or re.sub(r"^page \d+: ", "", exc.detail)
            info = session.info.pages[page]
            models.append(PageText(page, info.width, info.height))
    if failed and len(failed) == len(pages):
        raise DocumentError(DocumentErrorCode.BAD_PAGE, session.info.path, reason)
    if failed:
        numbers = ", ".join(str(p + 1) for p in failed[:20]) + (" …" if len(failed) > 20 else "")
        print(f"qari: {'page' if len(failed) == 1 else 'pages'} {numbers} could not be read "
              f"({reason}); the other pages follow", file=sys.stderr)
    return models


def _extract(args: argparse.Namespace) -> int:
    session, pages = _open_pages(args)
    try:
        start = time.perf_counter()
        models = _read_pages(session, pages)
        if args.ocr != "never":
            models = _with_ocr(session, pages, models, args.ocr)
        # The corpus scorer reads this to report in-process time.
        print(f"##extract_seconds={time.perf_counter() - start:.4f}", file=sys.stderr)
        if args.format == "json":
            payload = {"file": session.info.path, "sha256": session.info.sha256,
                       "engine": PIPELINE_VERSION, "pages": [page_json(m) for m in models]}
            sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=1) + "\n")
            return 0
        formatter = page_markdown if args.format == "markdown" else page_text_format
        texts = [formatter(m) for m in models]
        if args.display == "visual":
            texts = [visual(t) for t in texts]
        sys.stdout.write("\f".join(texts) + "\n")
        return 0
    finally:
        _close(session)


def _translations(args: argparse.Namespace) -> int:
    from reader.translation.cache import TranslationCache
    from reader.translation.memory import TranslationMemory

    if args.action == "memory":
        from reader.exports.tmx import read_tmx, write_tmx

        memory = TranslationMemory()
        if args.tmx:
            try:
                pairs = read_tmx(args.tmx)
            except ValueError as exc:
                raise _UsageError(str(exc)) from exc
            added = memory.add_many((s, t, "", "imported") for s, t in pairs)
            print(f"added {_n(added, 'translation unit')} to the memory")
            return 0
        count = write_tmx(((s, t, st, c, ch, "") for s, t, st, c, ch in memory.pairs()),
                          args.output)
        print(f"wrote {_n(count, 'translation unit')} to {args.output}")
        return 0
    session = DocumentSession.open(args.file, args.password)
    try:
        from reader.translation.report import build_report

        cache, memory = TranslationCache(), TranslationMemory()
        report = build_report(session, cache, memory)
        if args.action == "import":
            from reader.exports.xliff import read_xliff, save_import

            result = read_xliff(args.source, report)
            saved = save_import(result, session.info.sha256, cache, memory)
            print(f"imported {_n(saved, 'changed translation')} ({result.unchanged} "
                  f"unchanged)")
            if result.unmatched:
                shown = "; ".join(f"{i or '?'}: {_one_line(src)[:60]}"
                                  for i, src, _t in result.unmatched[:3])
                more = (f"; and {len(result.unmatched) - 3} more"
                        if len(result.unmatched) > 3 else "")
                print(f"qari: {len(result.unmatched)} units match no sentence of this "
                      f"document and were not imported: {shown}{more}", file=sys.stderr)
            return 0
        return _write_translation(report, args)
    finally:
        _close(session)


def _write_translation(report: Report, args: argparse.Namespace) -> int:
    from reader.exports.writing import format_for, write_translation

    write_translation(report, args.output, format_for(args.output, args.format),
                      args.bilingual, args.status)
    counts = report.counts()
    print(f"wrote {args.output} ({sum(counts.values())} segments: "
          + ", ".join(f"{n} {k}" for k, n in sorted(counts.items())) + ")")
    return 0


def _review(args: argparse.Namespace):  # noqa: ANN202 (a Review; imported lazily)
    from reader.annotations.review import Review
    from reader.annotations.store import AnnotationStore

    session = DocumentSession.open(args.file, args.password)
    store = AnnotationStore.open()
    if store.set_aside is not None:
        print(f"qari: the annotation database was damaged; it was kept as {store.set_aside} "
              f"and a new one started", file=sys.stderr)
    return Review(session, store)


def _annotations(args: argparse.Namespace) -> int:
    from reader.annotations.w3c import W3CError

    review = _review(args)
    try:
        if args.action == "import":
            try:
                if args.source.lower().endswith(".pdf"):
                    report = review.import_pdf(args.source)
                else:
                    report = review.import_w3c(args.source)
            except W3CError as exc:
                print(f"qari: {args.source}: {exc}", file=sys.stderr)
                return EXIT_USAGE
            except OSError as exc:
                print(f"qari: {args.source}: {exc.strerror or exc}", file=sys.stderr)
                return EXIT_USAGE
            print(f"imported {_n(report.added, 'annotation')} ({report.orphans} could not be "
                  f"placed and are listed as orphans; {report.already} were there already)")
            if report.save_error is not None:
                return _fail(f"not saved: {report.save_error}")
            notes = []
            if report.skipped:
                shown = "; ".join(report.skipped[:3])
                more = f"; and {len(report.skipped) - 3} more" if len(report.skipped) > 3 else ""
                notes.append(f"left out {len(report.skipped)}: {shown}{more}")
            if report.other_document:
                notes.append(f"{report.other_document} were made on another version of the "
                             f"document and were placed by their quotes")
            if notes:  # one line, however many there are
                print(f"qari: {_one_line('; '.join(notes))}", file=sys.stderr)
            return 0
        if args.format == "pdf":
            count = review.export_pdf(args.output, args.password)
        else:
            count = review.export_w3c(args.output)
        print(f"wrote {_n(count, 'annotation')} to {args.output}")
        return 0
    finally:
        review.session.close()
        review.store.close()


def _summary(args: argparse.Namespace) -> int:
    review = _review(args)
    try:
        pages = parse_page_ranges(args.bilingual_pages, review.session.page_count) if (
            args.bilingual_pages) else []
    except ValueError as exc:
        raise _UsageError(str(exc)) from exc
    try:
        from reader.annotations.review import dated_summary, write_summary

        if args.output:
            count = write_summary(review, args.output, args.group, pages)
            print(f"wrote {_n(count, 'annotation')} to {args.output}")
        else:
            sys.stdout.write(dated_summary(review, args.group, pages))
        return 0
    finally:
        review.session.close()
        review.store.close()


def _with_ocr(session: DocumentSession, pages: list[int], models: list[PageText],
              mode: str) -> list[PageText]:
    """Pages read again by OCR: those without a usable text layer, or all (``always``)."""
    from reader import ocr

    wanted = [i for i, m in enumerate(models) if mode == "always" or m.quality.unusable]
    if not wanted:
        return models
    try:
        ocr.check()
    except ocr.OcrError as exc:
        if mode == "always":
            raise
        print(f"qari: {len(wanted)} pages have no usable text layer and were not read: {exc}",
              file=sys.stderr)
        return models
    return session.with_ocr(pages, models, every=mode == "always")


def _n(count: int, noun: str) -> str:
    """A count with its noun in the right number: 1 annotation, 2 annotations."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:2000]


def _models(args: argparse.Namespace) -> int:
    from reader.translation.packages import install_package, installed_packages

    if args.action == "install":
        package = install_package(args.file)
        print(f"installed {package.label}")
        return 0
    for package in installed_packages():
        print(package.label)
    return 0


def _fail(message: str) -> int:
    print(f"qari: {_one_line(message)}", file=sys.stderr)
    return EXIT_USAGE


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand. Whatever goes wrong ends in one line on stderr and exit code 2:
    the errors Qari expects name their cause, and a last-resort handler catches the rest
    (a future slip still gives one line; ``QARI_DEBUG=1`` adds the traceback)."""
    args = build_parser().parse_args(argv)
    commands = {"extract": _extract, "translate": _translate, "annotations": _annotations,
                "export": _summary, "translations": _translations, "models": _models}
    try:
        return commands[args.command](args)
    except (QariError, _UsageError) as exc:
        return _fail(str(exc))
    except BrokenPipeError:  # `qari extract x.pdf | head` is fine
        _quiet_stdout()
        return 0
    except KeyboardInterrupt:
        return _fail("interrupted")
    except MemoryError:
        return _fail("out of memory: the input is too large for this computer")
    except RecursionError:
        return _fail("the input is nested too deeply to read")
    except sqlite3.Error as exc:
        return _fail(f"a database in the data folder cannot be used ({exc})")
    except OSError as exc:
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}")
    except Exception as exc:
        if os.environ.get("QARI_DEBUG"):
            traceback.print_exc()
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it")


def _quiet_stdout() -> None:
    """After a closed pipe, Python's exit flush of stdout would complain: point it at
    /dev/null."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
