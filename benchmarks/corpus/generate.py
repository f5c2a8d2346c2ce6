"""Make the corpus: every document × producer × font as a PDF with its ground truth.

    python -m benchmarks.corpus.generate [OUT] [--producers p,q] [--fonts f,g] [--docs d,e]

Producers are used when installed (``--list`` says which are); the PDFs go to
``OUT/<producer>/<font>/<document>.pdf`` beside ``<document>.gt.txt``.
"""

from __future__ import annotations

import argparse
import html
import itertools
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.corpus.documents import DOCUMENTS, LATIN_WORD, Block, Document, ground_truth

HERE = Path(__file__).resolve().parent

# Arabic font families, by design: Naskh, Kufi, Persian-style, sans, and older designs.
FONTS: dict[str, tuple[str, str]] = {  # key -> (family name, file)
    "amiri": ("Amiri", "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf"),
    "scheherazade": ("Scheherazade",
                     "/usr/share/fonts/truetype/scheherazade/Scheherazade-Regular.ttf"),
    "noto-naskh": ("Noto Naskh Arabic",
                   "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf"),
    "noto-kufi": ("Noto Kufi Arabic", "/usr/share/fonts/truetype/noto/NotoKufiArabic-Regular.ttf"),
    "noto-sans": ("Noto Sans Arabic", "/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf"),
    "kacst-book": ("KacstBook", "/usr/share/fonts/truetype/kacst/KacstBook.ttf"),
    "nazli": ("Nazli", "/usr/share/fonts/truetype/farsiweb/nazli.ttf"),  # Persian-style
    "dejavu": ("DejaVu Sans", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    "nice": ("Nice", "/usr/share/fonts/truetype/fonts-arabeyes/ae_Nice.ttf"),
}
_FALLBACK = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"  # ReportLab's, for the rest
# Families the engine is never tuned on (``--held-out``): a check of what it does on fonts
# it has not seen, measured now and then, never fitted to.
HELD_OUT: dict[str, tuple[str, str]] = {
    "kacst-naskh": ("KacstNaskh", "/usr/share/fonts/truetype/kacst/KacstNaskh.ttf"),
    "kacst-office": ("KacstOffice", "/usr/share/fonts/truetype/kacst/KacstOffice.ttf"),
    "homa": ("Homa", "/usr/share/fonts/truetype/farsiweb/homa.ttf"),
    "alarabiya": ("AlArabiya", "/usr/share/fonts/truetype/fonts-arabeyes/ae_AlArabiya.ttf"),
    "furat": ("Furat", "/usr/share/fonts/truetype/fonts-arabeyes/ae_Furat.ttf"),
    "salem": ("Salem", "/usr/share/fonts/truetype/fonts-arabeyes/ae_Salem.ttf"),
}


def _cmap(font: str) -> set[int]:
    """The code points the font draws."""
    from fontTools.ttLib import TTFont as FontFile

    return set(FontFile(FONTS[font][1], lazy=True).getBestCmap() or {})


def _presentation_forms(font: str) -> set[int]:
    """The font's code points; Unsupported where it has no presentation forms (the legacy
    pipelines, ReportLab's and TCPDF's, shape to them: such a font draws boxes)."""
    cmap = _cmap(font)
    if not {0xFE8D, 0xFEDF, 0xFEFB, 0xFEE3} <= cmap:
        raise Unsupported(f"{font} has no presentation forms")
    return cmap


def _table_rows(block: Block) -> list[list[tuple[str, int]]]:
    """A table's rows, each its cells (text, rows spanned) in reading order, right to left;
    a place a cell above spans into is no cell of its own."""
    return [[(text, block.spans.get((r, c), 1)) for c, text in enumerate(row) if text]
            for r, row in enumerate(block.rows)]


# -- HTML (MuPDF, Qt, WeasyPrint, LibreOffice) --------------------------------------------------
def _cell(text: str) -> str:
    return html.escape(text).replace("١", "<sup>١</sup>") if text.endswith("١") else (
        html.escape(text))


def _html_blocks(blocks: list[Block], rtl_tables: bool = True, calls: bool = False) -> str:
    """The blocks as HTML; with ``calls``, the digits ١ and ٢ in paragraphs are footnote
    calls (only the document with notes has them: elsewhere they are digits)."""
    out = []
    for b in blocks:
        if b.kind == "heading":
            out.append(f"<h2>{html.escape(b.text)}</h2>")
        elif b.kind == "list":
            out.extend(f"<p class='item'>{html.escape(i)}</p>" for i in b.items)
        elif b.kind == "english":
            out.append(f"<p dir='ltr' lang='en' style='text-align:left'>{html.escape(b.text)}</p>")
        elif b.kind == "table":
            rows = []
            for row in _table_rows(b):
                cells = [(f"<td rowspan='{span}'>" if span > 1 else "<td>")
                         + f"{html.escape(text)}</td>" for text, span in row]
                rows.append("<tr>" + "".join(cells if rtl_tables else cells[::-1]) + "</tr>")
            out.append("<table class='grid' dir='rtl'>" + "".join(rows) + "</table>")
        elif b.kind == "verse":
            halves = [(a, v) if rtl_tables else (v, a) for a, v in b.pairs]
            rows = "".join(f"<tr><td>{html.escape(a)}</td><td class='gap'></td>"
                           f"<td>{html.escape(v)}</td></tr>" for a, v in halves)
            out.append(f"<table class='verse' dir='rtl'>{rows}</table>")
        else:
            text = html.escape(b.text)
            for digit in "١٢" if calls else "":
                text = text.replace(digit + ".", f".<sup>{digit}</sup>") if (
                    digit + "." in text) else text.replace(digit, f"<sup>{digit}</sup>")
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def document_html(doc: Document, family: str, font_file: str, rtl_tables: bool = True) -> str:
    """The document as HTML. ``rtl_tables=False`` for engines that lay table cells out
    left to right whatever the direction (MuPDF's, Qt's): the cells are then written in
    reverse, so that the first column is drawn at the right, as a reader expects."""
    css = (f"@font-face {{ font-family: corpus; src: url('{Path(font_file).name}'); }}"
           f"body {{ font-family: corpus, '{family}'; font-size: 11pt; direction: rtl; "
           f"text-align: {'justify' if doc.justify else 'right'}; }} h2 {{ font-size: 15pt; }} "
           f"table.grid {{ border-collapse: collapse; }} table.grid td {{ border: 1px solid "
           f"black; padding: 3pt 8pt; }} table.verse td.gap {{ width: 60pt; }} "
           f"td.col {{ vertical-align: top; padding: 0 10pt; }} "
           f"div.box {{ border: 1px solid black; padding: 6pt; }} "
           f"p.notes {{ font-size: 8pt; }} hr {{ width: 30%; margin-right: 0; }}")
    calls = bool(doc.notes)
    body = [_html_blocks(doc.blocks[:1], rtl_tables, calls)]
    rest = doc.blocks[1:]
    if doc.layout in ("columns2", "columns3"):
        n = 2 if doc.layout == "columns2" else 3
        per = -(-len(rest) // n)
        cells = [rest[i * per:(i + 1) * per] for i in range(n)]
        columns = [f"<td class='col' style='width:{100 // n}%'>{_html_blocks(c, rtl_tables)}</td>"
                   for c in cells]
        body.append("<table dir='rtl' style='width:100%'><tr>"
                    + "".join(columns if rtl_tables else columns[::-1]) + "</tr></table>")
    elif doc.layout == "sidebar":
        columns = [f"<td class='col' style='width:60%'>{_html_blocks(rest, rtl_tables)}</td>",
                   f"<td class='col' style='width:40%'><div class='box'>"
                   f"{_html_blocks(doc.sidebar, rtl_tables)}</div></td>"]
        body.append("<table dir='rtl' style='width:100%'><tr>"
                    + "".join(columns if rtl_tables else columns[::-1]) + "</tr></table>")
    elif doc.layout == "turned":
        # The turned blocks in a box 300pt wide, turned a quarter (read bottom to top) in a
        # space of that height; the watermark across the page, behind the text.
        body.append(_html_blocks(rest[:1], rtl_tables)
                    + "<div style='position: relative; height: 310pt'><div style='position: "
                    "absolute; left: 0; top: 0; width: 300pt; transform-origin: top left; "
                    "transform: translateY(300pt) rotate(-90deg)'>"
                    + _html_blocks(doc.turned, rtl_tables) + "</div></div>"
                    + _html_blocks(rest[1:], rtl_tables)
                    + "<div style='position: absolute; top: 330pt; left: 60pt; z-index: -1; "
                    "font-size: 54pt; color: #d0d0d0; transform: rotate(-35deg)'>"
                    + html.escape(doc.watermark) + "</div>")
    else:
        body.append(_html_blocks(rest, rtl_tables, calls))
    if doc.notes:
        body.append("<hr>" + "".join(f"<p class='notes'>{html.escape(n)}</p>"
                                     for n in doc.notes))
    return (f"<!DOCTYPE html><html lang='ar' dir='rtl'><head><meta charset='utf-8'>"
            f"<style>{css}</style></head><body>{''.join(body)}</body></html>")


def make_pymupdf(doc: Document, font: str, out: Path) -> None:
    import pymupdf

    family, file = FONTS[font]
    if doc.layout == "turned":
        _pymupdf_turned(doc, family, file, out)
        return
    story = pymupdf.Story(document_html(doc, family, file, rtl_tables=False),
                          archive=pymupdf.Archive(
        str(Path(file).parent)))
    writer = pymupdf.DocumentWriter(str(out))
    more = True
    while more:
        device = writer.begin_page(pymupdf.paper_rect("a4"))
        more, _ = story.place(pymupdf.Rect(50, 50, 545, 792))
        story.draw(device)
        writer.end_page()
    writer.close()


def _pymupdf_turned(doc: Document, family: str, file: str, out: Path) -> None:
    """Layout turned with MuPDF's HTML boxes: the turned blocks in a box turned a quarter,
    the watermark a page of its own drawn at an angle (as a form)."""
    import pymupdf

    archive = pymupdf.Archive(str(Path(file).parent))

    def html_of(blocks: list[Block]) -> str:
        return document_html(Document(doc.name, "one", blocks), family, file, rtl_tables=False)

    pdf = pymupdf.open()
    page = pdf.new_page(width=595, height=842)
    page.insert_htmlbox(pymupdf.Rect(50, 50, 545, 250), html_of(doc.blocks[:2]), archive=archive)
    page.insert_htmlbox(pymupdf.Rect(150, 260, 445, 640), html_of(doc.turned), archive=archive,
                        rotate=90)
    page.insert_htmlbox(pymupdf.Rect(50, 650, 545, 792), html_of(doc.blocks[2:]),
                        archive=archive)
    stamp = pymupdf.open()
    stamp.new_page(width=360, height=90).insert_htmlbox(
        pymupdf.Rect(0, 0, 360, 90), document_html(
            Document(doc.name, "one", [Block("heading", doc.watermark)]), family, file
        ).replace("15pt", "44pt; color: #c8c8c8"), archive=archive)
    page.show_pdf_page(pymupdf.Rect(100, 250, 500, 600), stamp, 0, rotate=35, overlay=False)
    pdf.save(str(out))


def make_qt(doc: Document, font: str, out: Path) -> None:
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QFontDatabase, QPageLayout, QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    if doc.layout == "turned":
        raise Unsupported  # Qt's rich text has no turned text
    QApplication.instance() or QApplication([])
    family, file = FONTS[font]
    QFontDatabase.addApplicationFont(file)
    writer = QPdfWriter(str(out))
    writer.setResolution(72)  # device units are points
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait, QMarginsF(50, 50, 50, 50)))
    text = QTextDocument()
    text.setHtml(document_html(doc, family, file, rtl_tables=False).replace("corpus, ", ""))
    text.setPageSize(QSizeF(writer.width(), writer.height()))
    text.print_(writer)


def make_weasyprint(doc: Document, font: str, out: Path) -> None:
    import weasyprint

    family, file = FONTS[font]
    weasyprint.HTML(string=document_html(doc, family, file), base_url=str(Path(file).parent)
                    + "/").write_pdf(str(out))


def make_libreoffice(doc: Document, font: str, out: Path, tagged: bool = False) -> None:
    """Writer's export; ``tagged``: with the document's structure as tags (Writer's
    "Universal accessibility" option, as Word writes by default)."""
    if doc.layout == "turned":
        raise Unsupported  # Writer's HTML import keeps no CSS transform
    family, file = FONTS[font]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{out.stem}.html"
        source.write_text(document_html(doc, family, file).replace("corpus, ", ""),
                          encoding="utf-8")
        # Writer itself (not Writer/Web, whose export drops headings and starts with an
        # empty page) reads the HTML.
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--infilter=HTML (StarWriter)", "--convert-to", "pdf:writer_pdf_Export" + (
                            ':{"UseTaggedPDF":{"type":"boolean","value":"true"}}' if tagged
                            else ""),
                        "--outdir", tmp, str(source)], check=True, capture_output=True,
                       timeout=120)
        shutil.move(Path(tmp) / f"{out.stem}.pdf", out)


def make_chromium(doc: Document, font: str, out: Path) -> None:
    """Chromium's own print to PDF (Skia, HarfBuzz), headless, from the font's folder."""
    family, file = FONTS[font]
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / f"{out.stem}.html"
        shutil.copy(file, Path(tmp) / Path(file).name)
        source.write_text(document_html(doc, family, file), encoding="utf-8")
        subprocess.run([_CHROMIUM, "--headless", "--disable-gpu", "--no-sandbox",
                        f"--user-data-dir={tmp}/profile", "--no-pdf-header-footer",
                        f"--print-to-pdf={out}", source.as_uri()],
                       check=True, capture_output=True, timeout=120)


_CHROMIUM = "chromium"


# -- TeX and Typst -----------------------------------------------------------------------------
def _tex(text: str) -> str:
    for a, b in (("\\", "\\textbackslash{}"), ("%", "\\%"), ("&", "\\&"), ("#", "\\#"),
                 ("_", "\\_"), ("$", "\\$")):
        text = text.replace(a, b)
    return text


_LATIN_WORD = LATIN_WORD
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a]")


def _corpus_chars() -> set[str]:
    """Every character the corpus's documents hold but ASCII letters and white space."""
    chars: set[str] = set()
    for doc in DOCUMENTS:
        for b in [*doc.blocks, *doc.sidebar, *doc.turned]:
            chars.update(b.text, *b.items, *(c for row in b.rows for c in row),
                         *(a + v for a, v in b.pairs))
        chars.update(*doc.notes)
    return {c for c in chars if not c.isspace() and not (c.isascii() and c.isalpha())}


def _tex_drawn(text: str, english: Callable[[str], str] | None,
               lacking: frozenset[str] = frozenset()) -> str:
    """Text for TeX: Latin words in the English font (with ``english``), as an author sets
    them, and what else the Arabic font lacks in DejaVu (ASCII digits and stops in
    KacstNaskh, brackets in Noto, the Arabic thousands separator in Nice):
    XeTeX and LuaTeX leave out what a font cannot draw, and the page would not show it."""
    out = []
    at = 0
    for word in [*_LATIN_WORD.finditer(text), None]:
        end = word.start() if word else len(text)
        # A word with no Arabic letter whole (XeTeX's bidi reads each font's run apart: a
        # number with its separator alone in another font came out backwards); in an
        # Arabic word only what the font lacks (a whole word in DejaVu among KacstBook's
        # read its vowels a letter off).
        for word_ in re.split(r"(\s+)", text[at:end]):
            whole = not _ARABIC_LETTER_RE.search(word_)
            for lacks, run in itertools.groupby(word_, key=lambda c: whole or c in lacking):
                piece = _tex("".join(run))
                out.append(f"{{\\fallbackfont {piece}}}"
                           if lacks and lacking.intersection(piece) else piece)
        if word:
            out.append(english(_tex(word.group())) if english else _tex(word.group()))
            at = word.end()
    return "".join(out)


def _tex_blocks(blocks: list[Block], english: Callable[[str], str], calls: bool = False,
                lacking: frozenset[str] = frozenset()) -> str:
    def _tex(text: str) -> str:  # (the Arabic text of headings, items, cells and verse)
        return _tex_drawn(text, None, lacking)

    out = []
    for b in blocks:
        if b.kind == "heading":
            out.append(f"\\section*{{{_tex(b.text)}}}")
        elif b.kind == "list":
            out.extend(f"\\noindent {_tex(i)}\\par" for i in b.items)
        elif b.kind == "english":
            out.append(english(_tex_drawn(b.text, None)))
        elif b.kind == "table":
            cols = len(b.rows[0])
            rows = []
            for r, row in enumerate(b.rows):
                cells = []
                for c, text in enumerate(row):
                    span = b.spans.get((r, c), 1)
                    cells.append(f"\\multirow{{{span}}}{{*}}{{{_tex(text)}}}" if span > 1
                                 else _tex(text))
                rows.append(" & ".join(cells) + " \\\\ \\hline")
            out.append("\\begin{tabular}{|" + "c|" * cols + "}\\hline " + " ".join(rows)
                       + "\\end{tabular}\\par")
        elif b.kind == "verse":
            out.append("\\begin{tabular}{lcl}" + " ".join(
                f"{_tex(a)} & \\hspace{{4em}} & {_tex(v)} \\\\" for a, v in b.pairs)
                + "\\end{tabular}\\par")
        else:
            # Latin words inside Arabic text in the English font, as an author sets them
            # (many Arabic fonts draw no Latin letters: TeX would leave them out).
            text = _tex_drawn(b.text, english, lacking)
            for digit, note in (("١", 0), ("٢", 1)) if calls else ():
                text = text.replace(digit, f"\\footnote{{NOTE{note}}}")
            out.append(text + "\\par")
    return "\n\n".join(out)


def document_tex(doc: Document, font: str, engine: str) -> str:
    file = FONTS[font][1]
    lacking = frozenset(c for c in _corpus_chars() if ord(c) not in _cmap(font))
    if engine == "xelatex":
        head = ("\\usepackage{multicol}\\usepackage{multirow}\\usepackage{polyglossia}"
                "\\setmainlanguage[numerals=mashriq]{arabic}\\setotherlanguage{english}"
                f"\\newfontfamily\\arabicfont[Script=Arabic,Path={Path(file).parent}/]"
                f"{{{Path(file).name}}}\\newfontfamily\\englishfont{{DejaVu Sans}}"
                "\\AtBeginDocument{\\RTLmulticolcolumns}")  # first column at the right
        english = lambda t: f"\\begin{{english}}{t}\\end{{english}}"  # noqa: E731
    else:
        head = ("\\usepackage{multicol}\\usepackage{multirow}"
                "\\usepackage[bidi=basic,layout=tabular.columns]{babel}"
                "\\babelprovide[import,main,mapdigits"
                + (",justification=kashida" if doc.justify else "") + "]{arabic}"
                f"\\babelfont{{rm}}[Path={Path(file).parent}/]{{{Path(file).name}}}"
                "\\babelfont[english]{rm}{DejaVu Sans}")
        english = lambda t: f"\\foreignlanguage{{english}}{{{t}}}"  # noqa: E731
        head = head.replace("{babel}", "{babel}\\babelprovide[import]{english}")
    calls = bool(doc.notes)

    def blocks(items: list[Block], calls: bool = False) -> str:
        return _tex_blocks(items, english, calls, lacking)

    body = [blocks(doc.blocks[:1], calls)]
    rest = doc.blocks[1:]
    if doc.layout in ("columns2", "columns3"):
        n = 2 if doc.layout == "columns2" else 3
        body.append(f"\\begin{{multicols}}{{{n}}}" + blocks(rest)
                    + "\\end{multicols}")
    elif doc.layout == "sidebar":
        body.append("\\noindent\\begin{minipage}[t]{0.57\\textwidth}" + blocks(
            rest) + "\\end{minipage}\\hfill\\fbox{\\begin{minipage}[t]{0.36\\textwidth}"
            + blocks(doc.sidebar) + "\\end{minipage}}")
    elif doc.layout == "turned":
        # (before bidi, which polyglossia loads: it asks so)
        head = "\\usepackage{graphicx}\\usepackage{xcolor}\\usepackage{eso-pic}" + head
        # (a box saved first: \\rotatebox's argument may hold no paragraph; turned in
        # English: LuaLaTeX's bidi drops a box turned in Arabic a box's height low)
        body.append(blocks(rest[:1]) + "\n\n\\newsavebox{\\turned}\\begin{lrbox}"
                    "{\\turned}\\begin{minipage}{10cm}" + blocks(doc.turned)
                    + "\\end{minipage}\\end{lrbox}\\begin{center}\\begin{otherlanguage}{english}"
                    "\\rotatebox{90}{\\usebox{\\turned}}\\end{otherlanguage}\\end{center}\n\n"
                    + blocks(rest[1:])
                    + "\\AddToShipoutPictureBG*{\\put(150,300){\\rotatebox{35}{\\color{"
                    "black!20}\\fontsize{50}{50}\\selectfont " + _tex(doc.watermark) + "}}}")
    else:
        body.append(blocks(rest, calls))
    text = "\n\n".join(body)
    for index, note in enumerate(doc.notes):
        text = text.replace(f"NOTE{index}", _tex_drawn(note.split(" ", 1)[1], None, lacking))
    return ("\\documentclass[11pt]{article}\\usepackage[a4paper,margin=2cm]{geometry}"
            f"{head}\\newfontfamily\\fallbackfont{{DejaVu Sans}}\\pagestyle{{empty}}"
            f"\\begin{{document}}{text}\\end{{document}}")


def make_tex(engine: str) -> Callable[[Document, str, Path], None]:
    def make(doc: Document, font: str, out: Path) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            (Path(tmp) / "doc.tex").write_text(document_tex(doc, font, engine), encoding="utf-8")
            done = subprocess.run([engine, "-interaction=nonstopmode", "-halt-on-error",
                                   "doc.tex"], cwd=tmp, capture_output=True, timeout=300)
            if done.returncode != 0 or not (Path(tmp) / "doc.pdf").exists():
                tail = done.stdout.decode("utf-8", "replace").splitlines()[-5:]
                raise RuntimeError(f"{engine} failed: {' / '.join(tail)}")
            shutil.move(Path(tmp) / "doc.pdf", out)
    return make


# -- ConTeXt (LuaTeX: its own font loader, shaper and PDF backend) -------------------------------
_CONTEXT_HEAD = r"""
\definefontfeature[corpusarabic][default][script=arab,language=dflt,mode=node,init=yes,
  medi=yes,fina=yes,isol=yes,liga=yes,rlig=yes,calt=yes,ccmp=yes,kern=yes,curs=yes,mark=yes,
  mkmk=yes]
\starttypescript [serif] [corpus]
  \definefontsynonym [Serif] [file:FONTFILE] [features=corpusarabic]
  \definefontsynonym [SerifBold] [Serif] \definefontsynonym [SerifItalic] [Serif]
  \definefontsynonym [SerifBoldItalic] [Serif]
\stoptypescript
\starttypescript [sans] [corpus]
  \definefontsynonym [Sans] [file:LATINFILE] [features=default]
\stoptypescript
\starttypescript [corpus]
  \definetypeface [corpus] [rm] [serif] [corpus] [default] [features=corpusarabic]
  \definetypeface [corpus] [ss] [sans] [corpus] [default]
\stoptypescript
\setupbodyfont[corpus,11pt]
\setuppapersize[A4] \setuplayout[backspace=2cm,width=middle,topspace=2cm,header=0pt,
  footer=0pt,height=middle]
\setupdirections[bidi=global,method=three]
\setupalign[r2l,ALIGN]
\mainlanguage[ar]
\setuppagenumbering[state=stop]
\setuphead[section][number=no,style=\bfb]
\setupnotation[footnote][numberconversion=arabicdecimals]
\setupwhitespace[medium]
\setupTABLE[align={r2l,flushright}]
"""


def make_context(doc: Document, font: str, out: Path) -> None:
    """ConTeXt MkIV (Debian's ``context``): a TeX of its own, with its own OpenType shaper
    and ToUnicode maps. Its tables lay cells out left to right whatever the direction:
    they are written in reverse, the first cell drawn at the right, as a reader expects.
    What a font lacks (Latin words, digits) is set in DejaVu Sans, as an author would."""
    file = FONTS[font][1]
    cmap = _cmap(font)

    def tex(text: str) -> str:
        text = _tex(text)
        # Runs the Arabic font cannot draw (Latin words, ASCII digits, the Arabic thousands
        # separator in KacstBook) in the Latin font: ConTeXt leaves such characters out.
        return re.sub(r"(?:\\.|[^\\s{}\\\\])+", lambda m: m.group() if all(
            ord(c) in cmap for c in m.group()) else f"{{\\ss {m.group()}}}", text)

    def blocks(items: list[Block], calls: bool = False) -> str:
        out_ = []
        for b in items:
            if b.kind == "heading":
                out_.append(f"\\section{{{tex(b.text)}}}")
            elif b.kind == "list":
                out_.extend(f"\\noindent {tex(i)}\\par" for i in b.items)
            elif b.kind == "english":
                out_.append(f"\\startalignment[l2r,flushleft]{{\\ss\\lefttoright {_tex(b.text)}}}"
                            "\\par\\stopalignment")
            elif b.kind == "table":
                rows = ["\\bTR " + " ".join(
                    f"\\bTD{f'[nr={span}]' if span > 1 else ''} {tex(text)} \\eTD"
                    for text, span in reversed(row)) + " \\eTR" for row in _table_rows(b)]
                out_.append("\\bTABLE " + " ".join(rows) + " \\eTABLE")
            elif b.kind == "verse":
                out_.append("\\bTABLE[frame=off] " + " ".join(
                    f"\\bTR \\bTD {tex(v)} \\eTD \\bTD[width=4em] \\eTD \\bTD {tex(a)} \\eTD \\eTR"
                    for a, v in b.pairs) + " \\eTABLE")
            else:
                text = tex(b.text)
                for digit, note in (("١", 0), ("٢", 1)) if calls else ():
                    if digit in text and note < len(doc.notes):
                        text = text.replace(
                            digit, f"\\footnote{{{tex(doc.notes[note].split(' ', 1)[1])}}}")
                out_.append(text + "\\par")
        return "\n\n".join(out_)

    calls = bool(doc.notes)
    rest = doc.blocks[1:]
    body = [blocks(doc.blocks[:1])]
    head = ""
    if doc.layout in ("columns2", "columns3"):
        # Cells of a table, as the HTML producers have them: ConTeXt 2021's columns, plain
        # or mixed, overprint each other right to left, or lose lines.
        n = 2 if doc.layout == "columns2" else 3
        per = -(-len(rest) // n)
        cells = [f"\\bTD[width={0.95 / n:.2f}\\textwidth] {blocks(rest[i * per:(i + 1) * per])} "
                 "\\eTD" for i in range(n)]
        body.append("\\bTABLE[frame=off,distance=.05\\textwidth] \\bTR "
                    + " ".join(reversed(cells)) + " \\eTR \\eTABLE")
    elif doc.layout == "sidebar":
        body.append("\\bTABLE[frame=off] \\bTR \\bTD[width=.38\\textwidth,frame=on] "
                    + blocks(doc.sidebar) + " \\eTD \\bTD[width=.05\\textwidth] \\eTD "
                    "\\bTD[width=.57\\textwidth] " + blocks(rest) + " \\eTD \\eTR \\eTABLE")
    elif doc.layout == "turned":
        # Turned a quarter (read bottom to top) after the first paragraph; the watermark
        # across the page's background.
        body.append(blocks(rest[:1]) + "\n\n\\startalignment[middle]\\rotate[rotation=90]{"
                    "\\framed[frame=off,width=10cm,align={r2l,flushright}]{" + blocks(doc.turned)
                    + "}}\\stopalignment\n\n" + blocks(rest[1:]))
        head += ("\\defineoverlay[watermark][{\\rotate[rotation=35]{\\color[middlegray]"
                 "{\\definedfont[Serif at 50pt]" + tex(doc.watermark) + "}}}]"
                 "\\setupbackgrounds[page][background=watermark]\n")
    else:
        body.append(blocks(rest, calls))
    source = (_CONTEXT_HEAD.lstrip().replace("FONTFILE", file).replace("LATINFILE", _FALLBACK)
              .replace("ALIGN", "normal" if doc.justify else "flushright")
              + head + "\\starttext\n" + "\n\n".join(body) + "\n\\stoptext\n")
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "corpus.tex").write_text(source, encoding="utf-8")
        done = subprocess.run(["context", "--batchmode", "corpus.tex"], cwd=tmp,
                              stdin=subprocess.DEVNULL, capture_output=True, timeout=300)
        if done.returncode != 0 or not (Path(tmp) / "corpus.pdf").exists():
            tail = done.stdout.decode("utf-8", "replace").splitlines()[-5:]
            raise RuntimeError(f"context failed: {' / '.join(tail)}")
        shutil.move(Path(tmp) / "corpus.pdf", out)


def make_typst(doc: Document, font: str, out: Path) -> None:
    import typst

    family, file = FONTS[font]

    def esc(t: str) -> str:
        return "".join("\\" + c if c in "#*_`$<>@[]\\/=-+" else c for c in t)

    def blocks(items: list[Block]) -> str:
        parts = []
        for b in items:
            if b.kind == "heading":
                parts.append(f"#heading(level: 2)[{esc(b.text)}]")
            elif b.kind == "list":
                parts.extend(esc(i) + "\n" for i in b.items)
            elif b.kind == "english":
                parts.append(f"#text(lang: \"en\", dir: ltr)[{esc(b.text)}]")
            elif b.kind == "table":
                cells = [f"table.cell(rowspan: {span})[{esc(text)}]" if span > 1
                         else f"[{esc(text)}]" for row in _table_rows(b) for text, span in row]
                parts.append(f"#table(columns: {len(b.rows[0])}, " + ", ".join(cells) + ")")
            elif b.kind == "verse":
                cells = ", ".join(f"[{esc(a)}], [], [{esc(v)}]" for a, v in b.pairs)
                parts.append(f"#table(columns: (auto, 4em, auto), stroke: none, {cells})")
            else:
                text = esc(b.text)
                for digit, note in (("١", 0), ("٢", 1)):
                    if digit in text and note < len(doc.notes):
                        words = esc(doc.notes[note].split(" ", 1)[1])
                        text = text.replace(digit, f"#footnote[{words}]")
                parts.append(text)
        return "\n\n".join(parts)

    rest = doc.blocks[1:]
    background = ""
    if doc.layout in ("columns2", "columns3"):
        body = f"#columns({2 if doc.layout == 'columns2' else 3})[{blocks(rest)}]"
    elif doc.layout == "sidebar":
        body = (f"#grid(columns: (3fr, 2fr), gutter: 12pt, [{blocks(rest)}], "
                f"rect(stroke: 0.6pt, inset: 6pt)[{blocks(doc.sidebar)}])")
    elif doc.layout == "turned":
        body = (f"{blocks(rest[:1])}\n\n#align(center, rotate(-90deg, reflow: true, "
                f"block(width: 10cm)[{blocks(doc.turned)}]))\n\n{blocks(rest[1:])}")
        background = (f", background: rotate(-35deg, text(size: 50pt, fill: luma(210))["
                      f"{esc(doc.watermark)}])")
    else:
        body = blocks(rest)
    source = (("#set par(justify: true)\n" if doc.justify else "")
              + f"#set page(paper: \"a4\", margin: 2cm{background})\n#set text(font: \"{family}\", "
              f"lang: \"ar\", size: 11pt)\n#set footnote(numbering: \"١\")\n"
              f"{blocks(doc.blocks[:1])}\n\n{body}\n")
    out.write_bytes(typst.compile(source.encode("utf-8"), font_paths=[str(Path(file).parent)]))


def make_reportlab(doc: Document, font: str, out: Path) -> None:
    """The legacy pipeline: reshaped presentation forms in visual order, line by line."""
    if doc.layout == "turned":
        raise Unsupported  # (not drawn turned here)
    from arabic_reshaper import ArabicReshaper
    from bidi import get_display
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    # Harakat kept (the reshaper drops them unless told): a vocalized text prints them.
    reshape = ArabicReshaper(configuration={"delete_harakat": False}).reshape
    cmap = _presentation_forms(font)
    arabic = f"corpus-{font}"
    pdfmetrics.registerFont(TTFont(arabic, FONTS[font][1]))
    # What the font cannot draw (Latin digits, the Arabic thousands separator in some
    # fonts) is drawn in DejaVu Sans, as an author who saw boxes would do.
    pdfmetrics.registerFont(TTFont("corpus-fallback", _FALLBACK))

    def runs(visual: str) -> list[tuple[str, str]]:
        out: list[tuple[str, str]] = []
        for ch in visual:
            name = arabic if ord(ch) in cmap or ch == " " else "corpus-fallback"
            if out and out[-1][0] == name:
                out[-1] = (name, out[-1][1] + ch)
            else:
                out.append((name, ch))
        return out

    page = canvas.Canvas(str(out))
    y = 780.0
    for line in ground_truth(doc).splitlines():
        # An English paragraph is set left in a Latin font, as an author would (many
        # Arabic fonts have no Latin letters: the line would not be drawn at all).
        english = not any("\u0600" <= ch <= "\u06ff" for ch in line)
        words, current = line.split(), ""
        chunks = []
        for word in words:
            trial = f"{current} {word}".strip()
            if pdfmetrics.stringWidth(get_display(reshape(trial)), arabic, 11) > 480 and current:
                chunks.append(current)
                current = word
            else:
                current = trial
        chunks.append(current)
        for chunk in chunks:
            if english:
                page.setFont("Helvetica", 11)
                page.drawString(50, y, chunk)
            else:
                # (An Arabic paragraph's line is right to left even where it starts with
                # a Latin word: get_display would guess left to right from that word.)
                parts = runs(get_display(reshape(chunk), base_dir="R"))
                x = 545 - sum(pdfmetrics.stringWidth(t, n, 11) for n, t in parts)
                for name, text in parts:
                    page.setFont(name, 11)
                    page.drawString(x, y, text)
                    x += pdfmetrics.stringWidth(text, name, 11)
            y -= 18
        y -= 6
    page.save()


def make_fpdf2(doc: Document, font: str, out: Path) -> None:
    """fpdf2 with its HarfBuzz shaping (uharfbuzz): a common way Python programs write
    reports. It has no footnotes or right-to-left columns of its own: the layouts are drawn
    as an author would, notes under a rule at the foot, columns placed right to left."""
    if doc.layout == "turned":
        raise Unsupported  # (not drawn turned here)
    from fpdf import FPDF

    file = FONTS[font][1]
    pdf = FPDF(format="A4", unit="pt")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.add_font("arabic", fname=file)
    pdf.add_font("fallback", fname=_FALLBACK)  # what the font cannot draw (Latin, digits)
    pdf.set_fallback_fonts(["fallback"])

    def rtl(size: float = 11) -> None:
        pdf.set_font("arabic", size=size)
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl", script="arab",
                             language="ara")

    def write(blocks: list[Block], x: float, width: float, y: float) -> float:
        for b in blocks:
            pdf.set_xy(x, y)
            if b.kind == "english":
                pdf.set_font("fallback", size=10)
                pdf.set_text_shaping(use_shaping_engine=True, direction="ltr")
                pdf.multi_cell(width, 15, b.text, align="L")
            elif b.kind == "list":
                rtl()
                for item in b.items:
                    pdf.set_x(x)
                    pdf.multi_cell(width, 16, item, align="R")
            elif b.kind == "table":
                rtl()
                with pdf.table(width=width, align="RIGHT", text_align="RIGHT",
                               first_row_as_headings=False, line_height=16) as table:
                    for r, cells in enumerate(b.rows):
                        row = table.row()
                        # Right to left: the first column is drawn at the right.
                        for c in reversed(range(len(cells))):
                            if cells[c] or not any(
                                    r - k < span for (k, col), span in b.spans.items()
                                    if col == c and k < r):
                                row.cell(cells[c], rowspan=b.spans.get((r, c), 1))
            elif b.kind == "verse":
                rtl()
                for first, second in b.pairs:
                    pdf.set_xy(x + width / 2 + 10, pdf.get_y())
                    pdf.cell(width / 2 - 10, 18, first, align="R")
                    pdf.set_x(x)
                    pdf.cell(width / 2 - 10, 18, second, align="R")
                    pdf.ln(18)
            else:
                rtl(14 if b.kind == "heading" else 11)
                pdf.multi_cell(width, 18 if b.kind == "heading" else 16, b.text,
                               align="J" if doc.justify and b.kind != "heading" else "R")
            y = pdf.get_y() + 6
        return y

    left, right = 57.0, 538.0
    y = write(doc.blocks[:1], left, right - left, 60)
    rest = doc.blocks[1:]
    if doc.layout in ("columns2", "columns3"):
        n = 2 if doc.layout == "columns2" else 3
        width = (right - left - 18 * (n - 1)) / n
        per = -(-len(rest) // n)
        for k in range(n):  # the first column at the right
            write(rest[k * per:(k + 1) * per], right - (k + 1) * width - 18 * k, width, y)
    elif doc.layout == "sidebar":
        write(rest, left + 190, right - left - 190, y)
        end = write(doc.sidebar, left + 6, 166, y + 6)
        pdf.rect(left, y, 178, end - y + 4)
    else:
        write(rest, left, right - left, y)
    if doc.notes:
        pdf.line(right - 150, 730, right, 730)
        for k, note in enumerate(doc.notes):
            pdf.set_xy(left, 736 + 14 * k)
            rtl(9)
            pdf.cell(right - left, 14, note, align="R")
    pdf.output(str(out))


def make_pango(doc: Document, font: str, out: Path) -> None:
    """Pango laying the text out and cairo writing the PDF (``pango-view``, as GTK
    programs print): one flow of justified paragraphs, right to left; tables and verse
    with tab stops. No columns or boxes: those documents are not made."""
    if doc.layout != "one":
        raise Unsupported("pango-view lays out one flow of text")
    family = FONTS[font][0]
    lines: list[str] = []
    for b in doc.blocks:
        if b.kind == "heading":
            lines.append(f'<span size="x-large" weight="bold">{html.escape(b.text)}</span>')
        elif b.kind == "list":
            lines.extend(html.escape(item) for item in b.items)
        elif b.kind == "table":
            lines.extend("\t".join(html.escape(c) or " " for c in row) for row in b.rows)
        elif b.kind == "verse":
            lines.extend(f"{html.escape(a)}\t{html.escape(v)}" for a, v in b.pairs)
        elif b.kind == "english":
            lines.append(f'<span font_family="DejaVu Sans">\u200e{html.escape(b.text)}</span>')
        else:
            lines.append(html.escape(b.text))
    if doc.notes:
        lines.append(" ")
        lines.extend(f'<span size="small">{html.escape(n)}</span>' for n in doc.notes)
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "text.txt"
        source.write_text("\n".join(lines), encoding="utf-8")
        subprocess.run(["pango-view", "-q", "--markup", "--rtl", "--justify", "--language=ar",
                        f"--font={family} 11", "--width=460", "--margin=60",
                        f"--output={out}", str(source)],
                       check=True, capture_output=True, timeout=120)


# -- TCPDF (PHP: how web applications write their reports) ------------------------------------
_TCPDF_SCRIPT = r"""<?php
// argv: spec.json out.pdf fontdir. Fonts converted by TCPDF itself (its own subsets).
define('K_PATH_FONTS', $argv[3] . '/');
require_once('/usr/share/php/tcpdf/tcpdf.php');
$spec = json_decode(file_get_contents($argv[1]), true);
$name = TCPDF_FONTS::addTTFfont($spec['font'], 'TrueTypeUnicode', '', 32, $argv[3] . '/');
$pdf = new TCPDF('P', 'pt', 'A4', true, 'UTF-8', false);
$pdf->setPrintHeader(false);
$pdf->setPrintFooter(false);
$pdf->SetMargins(50, 50, 50);
$pdf->SetFont($name, '', 11);
$pdf->setRTL(true);
$pdf->AddPage();
foreach ($spec['parts'] as $part) {
    $kind = $part['kind'];
    if ($kind == 'flow') {
        $pdf->writeHTML($part['html'], true, false, true, false, '');
    } elseif ($kind == 'columns') {  // TCPDF's own columns, the first at the right
        $n = count($part['html']);
        $pdf->setEqualColumns($n, (495 - 18 * ($n - 1)) / $n);
        foreach ($part['html'] as $k => $markup) {
            $pdf->selectColumn($k);
            $pdf->writeHTML($markup, true, false, true, false, '');
        }
        $pdf->resetColumns();
    } elseif ($kind == 'sidebar') {  // the body at the right, a framed box at the left
        $y = $pdf->GetY();
        $pdf->writeHTMLCell(290, 0, 50, $y, $part['html'], 0, 0, false, true, '', true);
        $pdf->writeHTMLCell(185, 0, 360, $y, $part['box'], 1, 1, false, true, '', true);
    } elseif ($kind == 'turned') {  // a box turned a quarter, read bottom to top
        $y = $pdf->GetY();
        $pdf->StartTransform();
        $pdf->Rotate(90, 150, $y + 300);
        $pdf->writeHTMLCell(300, 0, 150, $y + 300, $part['html'], 0, 0, false, true, '', true);
        $pdf->StopTransform();
        $pdf->SetY($y + 310);
    } else {  // the watermark: light, at an angle
        $pdf->StartTransform();
        $pdf->Rotate(35, 200, 500);
        $pdf->SetTextColor(200, 200, 200);
        $pdf->SetFont($name, '', 50);
        $pdf->Text(120, 460, $part['html']);
        $pdf->StopTransform();
        $pdf->SetTextColor(0, 0, 0);
        $pdf->SetFont($name, '', 11);
    }
}
$pdf->Output($argv[2], 'F');
"""


def _tcpdf_html(blocks: list[Block], cmap: set[int], calls: bool = False) -> str:
    """The blocks as the HTML TCPDF reads: borders and widths as attributes (it applies
    little CSS), and a zero-width non-joiner after a lone Arabic character in a run of its
    own (a cell ٥, a note call ١), which TCPDF 6.6 draws nothing for without it."""
    markup = _html_blocks(blocks, calls=calls).replace(
        "<table class='grid' dir='rtl'>", "<table border='1' cellpadding='4' dir='rtl'>").replace(
        "<table class='verse' dir='rtl'>", "<table cellpadding='2' dir='rtl'>").replace(
        "<td class='gap'>", "<td width='60'>").replace("<h2>", "<h2 style='font-size:15pt'>")
    # A word with what the font cannot draw in TCPDF's own DejaVu (TCPDF falls back to no
    # other font: many Arabic fonts have no Latin letters, some no "/" or digits), as an
    # author sets it (the word whole: TCPDF orders the runs of a line right to left, so a
    # word of several would be drawn in pieces reversed); an English paragraph whole.
    markup = markup.replace("<p dir='ltr' lang='en' style='text-align:left'>",
                            "<p dir='ltr' style='text-align:left; font-family:dejavusans'>")
    missing = "".join(re.escape(chr(c)) for c in range(0x21, 0x7f) if c not in cmap)
    if missing:
        latin = "<span style='font-family:dejavusans'>\\g<0></span>"
        markup = "\n".join(line if "dir='ltr'" in line else "".join(
            part if part[:1] in "<&" else re.sub(f"[!-~]*[{missing}][!-~]*", latin, part)
            for part in re.split(r"(<[^>]+>|&[#\w]+;)", line)) for line in markup.split("\n"))
    markup = re.sub(r">([\u0600-\u06ff])<", "><span>\\1\u200c</span><", markup)
    return re.sub(r"(\w+)='([^']*)'", r'\1="\2"', markup)  # (it reads double quotes only)


def make_tcpdf(doc: Document, font: str, out: Path) -> None:
    """TCPDF's HTML writer, right to left, with the fonts it converts and subsets itself
    (its default): its own shaping to presentation forms and its own line breaking."""
    import json

    file = FONTS[font][1]
    cmap = _presentation_forms(font)
    calls = bool(doc.notes)
    notes = ("<hr width='150'>" + "".join(f"<p style='font-size:8pt'>{html.escape(n)}</p>"
                                         for n in doc.notes)) if doc.notes else ""
    rest = doc.blocks[1:]
    parts: list[dict[str, object]] = [
        {"kind": "flow", "html": _tcpdf_html(doc.blocks[:1], cmap, calls)}]
    if doc.layout in ("columns2", "columns3"):
        n = 2 if doc.layout == "columns2" else 3
        per = -(-len(rest) // n)
        parts.append({"kind": "columns",
                      "html": [_tcpdf_html(rest[k * per:(k + 1) * per], cmap) for k in range(n)]})
    elif doc.layout == "sidebar":
        parts.append({"kind": "sidebar", "html": _tcpdf_html(rest, cmap),
                      "box": _tcpdf_html(doc.sidebar, cmap)})
    elif doc.layout == "turned":
        parts += [{"kind": "flow", "html": _tcpdf_html(rest[:1], cmap)},
                  {"kind": "turned", "html": _tcpdf_html(doc.turned, cmap)},
                  {"kind": "flow", "html": _tcpdf_html(rest[1:], cmap)},
                  {"kind": "stamp", "html": doc.watermark}]
    else:
        parts.append({"kind": "flow", "html": _tcpdf_html(rest, cmap, calls)})
    if notes:
        parts.append({"kind": "flow", "html": notes})
    if doc.justify:
        for part in parts:
            if isinstance(part.get("html"), str) and part["kind"] != "stamp":
                part["html"] = str(part["html"]).replace("<p>", "<p style='text-align:justify'>")
    with tempfile.TemporaryDirectory() as tmp:
        fonts = Path(tmp) / "fonts"
        fonts.mkdir()
        for core in [*Path("/usr/share/php/tcpdf/fonts").glob("helvetica*.php"),
                     *Path("/usr/share/php/tcpdf/fonts").glob("dejavusans.*")]:
            (fonts / core.name).symlink_to(core)  # the font TCPDF starts with; its Latin
        (Path(tmp) / "make.php").write_text(_TCPDF_SCRIPT, encoding="utf-8")
        (Path(tmp) / "spec.json").write_text(json.dumps({"font": file, "parts": parts}),
                                             encoding="utf-8")
        subprocess.run(["php", "make.php", "spec.json", str(out.resolve()), str(fonts)],
                       cwd=tmp, check=True, capture_output=True, timeout=120)
        if not out.exists():
            raise RuntimeError("TCPDF wrote no PDF")


# -- iText 5 (Java: the library under JasperReports and many an enterprise system's reports) --
_ITEXT_SOURCE = r"""import com.itextpdf.text.*;
import com.itextpdf.text.pdf.*;
import com.itextpdf.text.pdf.draw.LineSeparator;
import java.io.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

// A page of the corpus with iText 5 (spec: one block a line, fields split by tabs).
public class Make {
    static BaseFont arabic, latin;
    static boolean justify;
    static int options;  // ColumnText.AR_LIG where the font draws the ligatures it makes
    static final int RTL = PdfWriter.RUN_DIRECTION_RTL, LTR = PdfWriter.RUN_DIRECTION_LTR;

    static Phrase phrase(String text, float size) {
        FontSelector s = new FontSelector();
        s.addFont(new Font(arabic, size));
        s.addFont(new Font(latin, size));
        return s.process(text);
    }

    static Paragraph para(String text, float size, boolean body) {
        Paragraph p = new Paragraph();
        p.setLeading(size * 1.5f);
        String[] parts = text.split("\u0002", -1);  // odd parts: superscript note calls
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isEmpty()) continue;
            Phrase ph = phrase(parts[i], i % 2 == 1 ? size * 0.6f : size);
            if (i % 2 == 1) for (Chunk c : ph.getChunks()) c.setTextRise(size * 0.35f);
            p.add(ph);
        }
        p.setAlignment(body && justify ? Element.ALIGN_JUSTIFIED : Element.ALIGN_LEFT);
        p.setSpacingAfter(size * 0.5f);
        return p;
    }

    static PdfPCell cell(int border) {
        PdfPCell c = new PdfPCell();
        c.setRunDirection(RTL);
        c.setArabicOptions(options);
        c.setBorder(border);
        c.setPadding(border == 0 ? 0 : 5);
        return c;
    }

    static PdfPTable table(float[] widths, int direction) {
        PdfPTable t = new PdfPTable(widths.length);
        try {
            t.setWidths(widths);
        } catch (DocumentException e) {
            throw new RuntimeException(e);
        }
        t.setWidthPercentage(100);
        t.setRunDirection(direction);
        t.setSpacingAfter(8);
        return t;
    }

    // The blocks of a part, as elements.
    static List<Element> blocks(List<String[]> lines) {
        List<Element> out = new ArrayList<>();
        PdfPTable grid = null;
        for (String[] f : lines) {
            String kind = f[0];
            if (!kind.equals("R") && grid != null) { out.add(grid); grid = null; }
            switch (kind) {
                case "H": out.add(para(f[1], 15, false)); break;
                case "P": out.add(para(f[1], 11, true)); break;
                case "L": out.add(para(f[1], 11, false)); break;
                case "N": out.add(para(f[1], 8, false)); break;
                case "S": {  // a short rule before the notes, at the right
                    Paragraph p = new Paragraph();
                    p.add(new Chunk(new LineSeparator(0.5f, 30, BaseColor.BLACK,
                                                      Element.ALIGN_LEFT, 0)));
                    out.add(p);
                    break;
                }
                case "E": {  // an English paragraph, left to right
                    PdfPTable t = table(new float[] {1}, LTR);
                    PdfPCell c = cell(0);
                    c.setRunDirection(LTR);
                    c.addElement(para(f[1], 11, false));
                    t.addCell(c);
                    out.add(t);
                    break;
                }
                case "T": {
                    float[] widths = new float[Integer.parseInt(f[1])];
                    Arrays.fill(widths, 1);
                    grid = table(widths, LTR);
                    grid.setWidthPercentage(60);
                    grid.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    break;
                }
                case "R":  // (a table right to left loses the rows after a cell spanning
                    // rows: laid out left to right, its cells given last to first)
                    for (int i = f.length - 1; i >= 1; i--) {
                        String[] spanText = f[i].split("\u001e", 2);
                        PdfPCell c = cell(Rectangle.BOX);
                        if (spanText.length == 2) c.setRowspan(Integer.parseInt(spanText[0]));
                        c.addElement(para(spanText[spanText.length - 1], 11, false));
                        grid.addCell(c);
                    }
                    break;
                case "V": {  // a verse: two halves apart
                    PdfPTable t = table(new float[] {4, 1, 4}, RTL);
                    for (String half : new String[] {f[1], "", f[2]}) {
                        PdfPCell c = cell(0);
                        if (!half.isEmpty()) c.addElement(para(half, 11, false));
                        t.addCell(c);
                    }
                    out.add(t);
                    break;
                }
                default: throw new RuntimeException("unknown block " + kind);
            }
        }
        if (grid != null) out.add(grid);
        return out;
    }

    public static void main(String[] args) throws Exception {
        List<String> spec = Files.readAllLines(Paths.get(args[0]), StandardCharsets.UTF_8);
        arabic = BaseFont.createFont(spec.get(0), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        latin = BaseFont.createFont(spec.get(1), BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        justify = spec.get(2).startsWith("1");
        options = spec.get(2).endsWith("lig") ? ColumnText.AR_LIG : 0;
        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        PdfWriter writer = PdfWriter.getInstance(document, new FileOutputStream(args[1]));
        document.open();
        // Parts: "flow" (blocks), "columns" and "sidebar" (cells side by side, "|" between).
        List<String> layouts = new ArrayList<>();
        List<List<List<String[]>>> parts = new ArrayList<>();
        layouts.add("flow");
        parts.add(new ArrayList<>());
        parts.get(0).add(new ArrayList<>());
        for (String line : spec.subList(3, spec.size())) {
            if (line.isEmpty()) continue;
            String[] f = line.split("\t", -1);
            List<List<String[]>> cells = parts.get(parts.size() - 1);
            if (f[0].equals("PART")) {
                layouts.add(f[1]);
                parts.add(new ArrayList<>());
                parts.get(parts.size() - 1).add(new ArrayList<>());
            } else if (f[0].equals("|")) {
                cells.add(new ArrayList<>());
            } else {
                cells.get(cells.size() - 1).add(f);
            }
        }
        for (int k = 0; k < parts.size(); k++) {
            List<Element> elements = layouts.get(k).equals("flow") ? blocks(parts.get(k).get(0))
                : sideBySide(layouts.get(k), parts.get(k));
            for (Element e : elements) document.add(wrapped(e));
        }
        document.close();
    }

    // Right to left only inside a table's cells (iText's way): a paragraph in a table of one
    // borderless cell, the page's width.
    static Element wrapped(Element e) {
        if (e instanceof PdfPTable) return e;
        PdfPTable t = table(new float[] {1}, RTL);
        t.setSpacingAfter(0);
        PdfPCell c = cell(0);
        c.addElement(e);
        t.addCell(c);
        return t;
    }

    static List<Element> sideBySide(String layout, List<List<String[]>> cells) {
        boolean sidebar = layout.equals("sidebar");
        float[] widths = sidebar ? new float[] {57, 5, 38} : new float[cells.size() * 2 - 1];
        if (!sidebar) for (int i = 0; i < widths.length; i++) widths[i] = i % 2 == 0 ? 30 : 4;
        PdfPTable t = table(widths, RTL);
        int k = 0;
        for (int i = 0; i < widths.length; i++) {
            boolean gap = i % 2 == 1;
            PdfPCell c = cell(!gap && layout.equals("sidebar") && k == 1 ? Rectangle.BOX : 0);
            if (!gap) for (Element e : blocks(cells.get(k++))) c.addElement(e);
            t.addCell(c);
        }
        return Collections.singletonList(t);
    }
}
"""
_ITEXT_JAR = "/usr/share/java/itext5.jar"
# Ligatures iText's shaping makes with AR_LIG, seen in the corpus's texts (lam with meem,
# jeem, hah, khah; beh with meem and yeh ...).
_ITEXT_LIGATURES = {0xFCCC, 0xFC32, 0xFCC9, 0xFCCA, 0xFCCB, 0xFC9D, 0xFCA2, 0xFCD4, 0xFCCE,
                    0xFC9E}


def _itext_lines(blocks: list[Block], calls: bool = False) -> list[str]:
    """Blocks as the iText program's spec lines (fields apart by tabs; a note call between
    \\x02 marks, set raised; a cell spanning rows as its span, \\x1e, its text)."""
    lines = []
    for b in blocks:
        if b.kind == "heading":
            lines.append(f"H\t{b.text}")
        elif b.kind == "list":
            lines += [f"L\t{item}" for item in b.items]
        elif b.kind == "english":
            lines.append(f"E\t{b.text}")
        elif b.kind == "table":
            lines.append(f"T\t{len(b.rows[0])}")
            lines += ["R\t" + "\t".join(f"{span}\x1e{text}" if span > 1 else text
                                          for text, span in row) for row in _table_rows(b)]
        elif b.kind == "verse":
            lines += [f"V\t{a}\t{v}" for a, v in b.pairs]
        else:
            text = b.text
            for digit in "١٢" if calls else "":
                text = text.replace(digit, f"\x02{digit}\x02")
            lines.append(f"P\t{text}")
    return lines


def make_itext(doc: Document, font: str, out: Path) -> None:
    """iText 5.5 (Debian's ``libitext5-java``), right to left in a ColumnText and in
    PdfPTable cells: its own shaping to presentation forms (ArabicLigaturizer) and its
    own bidi. What the Arabic font lacks is set in DejaVu Sans (iText's FontSelector). No
    footnotes of its own: the notes under a rule after the body, as HTML producers set
    them; columns and the sidebar as cells side by side."""
    file = FONTS[font][1]
    # Its shaping draws presentation forms (a font without them draws boxes); with its
    # ligatures on (AR_LIG), lam-meem and the like too, which a font lacking them leaves
    # out: an author sees letters missing and turns them off.
    ligatures = _presentation_forms(font) >= _ITEXT_LIGATURES
    calls = bool(doc.notes)
    rest = doc.blocks[1:]
    lines = [file, _FALLBACK, ("1" if doc.justify else "0") + (" lig" if ligatures else ""),
             *_itext_lines(doc.blocks[:1], calls)]
    if doc.layout in ("columns2", "columns3"):
        n = 2 if doc.layout == "columns2" else 3
        per = -(-len(rest) // n)
        lines.append("PART\tcolumns")
        for k in range(n):
            lines += [*(["|"] if k else []), *_itext_lines(rest[k * per:(k + 1) * per])]
    elif doc.layout == "sidebar":
        lines += ["PART\tsidebar", *_itext_lines(rest), "|", *_itext_lines(doc.sidebar)]
    elif doc.layout == "turned":
        raise Unsupported("turned: not made with iText")
    else:
        lines += _itext_lines(rest, calls)
    if doc.notes:
        lines += ["PART\tflow", "S", *(f"N\t{note}" for note in doc.notes)]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "Make.java").write_text(_ITEXT_SOURCE, encoding="utf-8")
        (Path(tmp) / "spec.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        done = subprocess.run(["java", "-cp", _ITEXT_JAR, "Make.java", "spec.txt",
                               str(out.resolve())], cwd=tmp, capture_output=True, timeout=120)
        if done.returncode != 0 or not out.exists():
            raise RuntimeError("iText failed: " + done.stderr.decode("utf-8", "replace")[-300:])


# -- Scribus (desktop publishing: frames laid out by hand, as magazines and reports are) -------
_SCRIBUS_SCRIPT = r"""
import json, sys
import scribus

spec = json.load(open(sys.argv[1] if len(sys.argv) > 1 else SPEC))
scribus.newDocument(scribus.PAPER_A4, (50, 50, 50, 50), scribus.PORTRAIT, 1,
                    scribus.UNIT_POINTS, scribus.NOFACINGPAGES, scribus.FIRSTPAGERIGHT, 1)
FONT, LATIN = spec["font"], spec["latin"]


def frame(x, y, w, text, size, rtl=True, align="right", border=False, font=None,
          fallback=None, height=None):
    # One text frame, grown until its text fits (or of the height given); its height.
    f = scribus.createText(x, y, w, height or size * 1.8)
    scribus.setText(text, f)
    scribus.setFont(font or FONT, f)
    scribus.setFontSize(size, f)
    scribus.setLineSpacing(size * 1.45, f)
    scribus.setTextDirection(scribus.DIRECTION_RTL if rtl else scribus.DIRECTION_LTR, f)
    scribus.setTextAlignment({"right": scribus.ALIGN_RIGHT, "left": scribus.ALIGN_LEFT,
                              "block": scribus.ALIGN_BLOCK}[align], f)
    pad = 3 if border else 0
    scribus.setTextDistances(pad, pad, pad, pad, f)
    for start, length in fallback or []:  # words with what the font lacks, in DejaVu
        scribus.selectText(start, length, f)
        scribus.setFont(LATIN, f)
    h = height or size * 1.8
    scribus.layoutText(f)
    while height is None and scribus.textOverflows(f) and h < 900:
        h += size * 0.5
        scribus.sizeObject(w, h, f)
        scribus.layoutText(f)
    if border:
        scribus.setLineColor("Black", f)
        scribus.setLineWidth(0.6, f)
    return f, h


def table(x, y, w, rows, spans, verse=False):
    cols = len(rows[0])
    widths = [w / cols] * cols if not verse else [w * 0.42, w * 0.16, w * 0.42]
    # The first column at the right.
    lefts = [x + w - sum(widths[:c + 1]) for c in range(cols)]
    need = {}
    for r, row in enumerate(rows):  # each cell's height, measured in a frame of its own
        for c, text in enumerate(row):
            if text:
                f, h = frame(lefts[c], y, widths[c], text, 11, border=not verse,
                             fallback=spec["fallback"].get(text))
                scribus.deleteObject(f)
                need[(r, c)] = h
    heights = [max([h for (rr, c), h in need.items()
                    if rr == r and spans.get(f"{r},{c}", 1) == 1] or [15])
               for r in range(len(rows))]
    tops = [y + sum(heights[:r]) for r in range(len(rows))]
    for (r, c) in need:  # drawn where they go, at their size (text moved after it is laid
        span = spans.get(f"{r},{c}", 1)  # out loses its last words, in Nazli)
        f, _h = frame(lefts[c], tops[r], widths[c], rows[r][c], 11, border=not verse,
                      fallback=spec["fallback"].get(rows[r][c]),
                      height=sum(heights[r:r + span]))
    return sum(heights)


objects = []
bottom, top = 50.0, 50.0
for group in spec["groups"]:
    if group["top"] == "same":
        y = top
    else:
        y = top = bottom if group["top"] == "next" else group["top"]
    start = y
    names_before = set(scribus.getAllObjects())
    for item in group["items"]:
        if item["t"] == "table":
            y += table(group["x"], y, group["w"], item["rows"], item["spans"]) + 8
        elif item["t"] == "verse":
            y += table(group["x"], y, group["w"], [[a, "", b] for a, b in item["pairs"]], {},
                       verse=True) + 8
        else:
            f, h = frame(group["x"], y, group["w"], item["text"], item["size"],
                         item.get("rtl", True), item.get("align", "right"),
                         font=item.get("font"), fallback=spec["fallback"].get(item["text"]))
            y += h + item.get("after", 6)
    if group.get("box"):
        r = scribus.createRect(group["x"] - 6, start - 6, group["w"] + 12, y - start + 6)
        scribus.setFillColor("None", r)
        scribus.setLineWidth(0.6, r)
    if group.get("rotate"):
        made = [n for n in scribus.getAllObjects() if n not in names_before]
        g = scribus.groupObjects(made)
        scribus.rotateObjectAbs(group["rotate"], g)
        gw, gh = scribus.getSize(g)
        scribus.moveObjectAbs(group["place"][0], group["place"][1], g)
        y = group["place"][1] + group["w"] + 10
    bottom = max(bottom, y)
for x0, y0, x1 in spec["rules"]:
    scribus.createLine(x0, y0, x1, y0)
if spec.get("stamp"):
    f = scribus.createText(130, 420, 360, 70)
    scribus.setText(spec["stamp"], f)
    scribus.setFont(FONT, f)
    scribus.setFontSize(50, f)
    scribus.setTextDirection(scribus.DIRECTION_RTL, f)
    scribus.setTextShade(20, f)
    scribus.rotateObjectAbs(35, f)
pdf = scribus.PDFfile()
pdf.file = spec["out"]
pdf.save()
"""

# Scribus's names of the corpus's families (its font list: family and style).
_SCRIBUS_FONTS = {"amiri": "Amiri Regular", "scheherazade": "Scheherazade Regular",
                  "noto-naskh": "Noto Naskh Arabic Regular",
                  "noto-kufi": "Noto Kufi Arabic Regular",
                  "noto-sans": "Noto Sans Arabic Regular", "kacst-book": "KacstBook Medium",
                  "nazli": "Nazli Regular", "dejavu": "DejaVu Sans Book", "nice": "Nice Regular",
                  "kacst-naskh": "KacstNaskh Medium", "kacst-office": "KacstOffice Medium",
                  "homa": "Homa Regular", "alarabiya": "AlArabiya Regular",
                  "furat": "Furat Regular", "salem": "Salem Regular"}


def _scribus_items(blocks: list[Block], calls: bool = False) -> list[dict[str, object]]:
    items: list[dict[str, object]] = []
    for b in blocks:
        if b.kind == "heading":
            items.append({"t": "p", "text": b.text, "size": 15, "after": 4})
        elif b.kind == "list":
            items += [{"t": "p", "text": i, "size": 11, "after": 2} for i in b.items]
        elif b.kind == "english":
            items.append({"t": "p", "text": b.text, "size": 11, "rtl": False, "align": "left",
                          "font": "DejaVu Sans Book"})
        elif b.kind == "table":
            items.append({"t": "table", "rows": b.rows,
                          "spans": {f"{r},{c}": n for (r, c), n in b.spans.items()}})
        elif b.kind == "verse":
            items.append({"t": "verse", "pairs": b.pairs})
        else:
            items.append({"t": "p", "text": b.text, "size": 11, "after": 8})
    return items


def make_scribus(doc: Document, font: str, out: Path) -> None:
    """Scribus 1.5 (desktop publishing: HarfBuzz shaping, its own PDF writer), driven by
    its scripter under Xvfb: each block a text frame right to left, laid out by hand as
    a layout artist does (tables a frame a cell, columns and the sidebar frames side by
    side, the turned blocks a group of frames turned a quarter)."""
    import json

    cmap = _cmap(font)
    left, width = 50.0, 495.0
    rest = doc.blocks[1:]
    groups: list[dict[str, object]] = [
        {"top": "next", "x": left, "w": width, "items": _scribus_items(doc.blocks[:1])}]
    if doc.layout in ("columns2", "columns3"):
        n = 2 if doc.layout == "columns2" else 3
        gap = 18.0
        w = (width - gap * (n - 1)) / n
        per = -(-len(rest) // n)
        for k in range(n):  # the first column at the right
            groups.append({"top": "next" if k == 0 else "same",
                           "x": left + width - (k + 1) * w - k * gap, "w": w,
                           "items": _scribus_items(rest[k * per:(k + 1) * per])})
    elif doc.layout == "sidebar":
        groups.append({"top": "next", "x": left + 200, "w": width - 200,
                       "items": _scribus_items(rest)})
        groups.append({"top": "same", "x": left + 6, "w": 170,
                       "items": _scribus_items(doc.sidebar), "box": True})
    elif doc.layout == "turned":
        groups.append({"top": "next", "x": left, "w": width, "items": _scribus_items(rest[:1])})
        groups.append({"top": 0, "x": 0, "w": 300, "items": _scribus_items(doc.turned),
                       "rotate": 90, "place": (150, 560)})
        groups.append({"top": 620, "x": left, "w": width, "items": _scribus_items(rest[1:])})
    else:
        groups.append({"top": "next", "x": left, "w": width,
                       "items": _scribus_items(rest, bool(doc.notes))})
    rules = []
    if doc.notes:
        rules.append((left + width - 150, 735, left + width))
        groups.append({"top": 740, "x": left, "w": width,
                       "items": [{"t": "p", "text": n, "size": 9, "after": 2} for n in doc.notes]})
    if doc.justify:
        for group in groups:
            for item in group["items"]:  # type: ignore[union-attr]
                if item.get("size") == 11 and item.get("rtl", True):
                    item["align"] = "block"
    # Scribus draws nothing for what a font lacks (Latin letters; ASCII digits and "." in
    # KacstBook; ٬ in some): such characters in DejaVu, as an author sets them, with the
    # ASCII beside them (a Latin word or a number in one font).
    texts = [str(item["text"]) for group in groups for item in group["items"]  # type: ignore[attr-defined]
             if "text" in item and "font" not in item]
    texts += [cell for group in groups for item in group["items"]  # type: ignore[attr-defined]
              for row in item.get("rows", []) + [list(p) for p in item.get("pairs", [])]
              for cell in row if cell]
    runs = re.compile(f"[!-~{''.join(ch for ch in '٬٫٪' if ord(ch) not in cmap)}]+")
    fallback = {text: [(m.start(), m.end() - m.start()) for m in runs.finditer(text)
                       if any(ord(ch) not in cmap for ch in m.group())] for text in texts}
    spec = {"font": _SCRIBUS_FONTS[font], "latin": "DejaVu Sans Book",
            "fallback": {t: r for t, r in fallback.items() if r}, "groups": groups,
            "rules": rules, "stamp": doc.watermark, "out": str(out.resolve())}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "make.py"
        script.write_text(_SCRIBUS_SCRIPT.replace(
            "SPEC)", repr(str(Path(tmp) / "spec.json")) + ")"), encoding="utf-8")
        (Path(tmp) / "spec.json").write_text(json.dumps(spec), encoding="utf-8")
        subprocess.run(["xvfb-run", "-a", "scribus", "-g", "-ns", "-py", str(script)],
                       check=True, capture_output=True, timeout=300,
                       env={**os.environ, "HOME": tmp})
        if not out.exists():
            raise RuntimeError("Scribus wrote no PDF")


class Unsupported(Exception):  # noqa: N818 (a skip, not a failure)
    """This producer cannot make this combination (not counted as a failure)."""


# -- rewrites ------------------------------------------------------------------------------------
def rewrite(tool: list[str]) -> Callable[[Path, Path], None]:
    def run(source: Path, out: Path) -> None:
        args = [a.replace("{in}", str(source)).replace("{out}", str(out)) for a in tool]
        subprocess.run(args, check=True, capture_output=True, timeout=120)
    return run


PRODUCERS: dict[str, tuple[Callable[[Document, str, Path], None], str]] = {
    "pymupdf": (make_pymupdf, ""), "qt": (make_qt, ""),
    "weasyprint": (make_weasyprint, "weasyprint"),
    "libreoffice": (make_libreoffice, "soffice"),
    "libreoffice-tagged": (lambda d, f, o: make_libreoffice(d, f, o, tagged=True), "soffice"),
    "xelatex": (make_tex("xelatex"), "xelatex"),
    "lualatex": (make_tex("lualatex"), "lualatex"), "typst": (make_typst, "typst"),
    "reportlab": (make_reportlab, "reportlab"), "chromium": (make_chromium, _CHROMIUM),
    "fpdf2": (make_fpdf2, "fpdf"), "pango": (make_pango, "pango-view"),
    "tcpdf": (make_tcpdf, "/usr/share/php/tcpdf/tcpdf.php"), "scribus": (make_scribus, "scribus"),
    "context": (make_context, "context"), "itext": (make_itext, _ITEXT_JAR),
}
REWRITES = {  # applied to the pymupdf producer's files
    "gs": (rewrite(["gs", "-q", "-dNOPAUSE", "-dBATCH", "-sDEVICE=pdfwrite", "-o", "{out}",
                    "{in}"]), "gs"),
    "qpdf": (rewrite(["qpdf", "--object-streams=generate", "{in}", "{out}"]), "qpdf"),
    "mutool": (rewrite(["mutool", "clean", "-gggg", "-z", "{in}", "{out}"]), "mutool"),
}


def available(requirement: str) -> bool:
    if not requirement:
        return True
    if shutil.which(requirement) or (requirement.startswith("/") and Path(requirement).exists()):
        return True
    try:
        __import__(requirement)
        return True
    except ImportError:
        return False


def generate(out: Path, producers: list[str], fonts: list[str], docs: list[str]) -> list[str]:
    """Write the PDFs; returns a line per failure (a producer that could not make one)."""
    failures = []
    chosen = [d for d in DOCUMENTS if d.name in docs]
    for producer in producers:
        make, need = PRODUCERS.get(producer) or (None, REWRITES[producer][1])
        if not available(need):
            failures.append(f"{producer}: not installed ({need})")
            continue
        for font in fonts:
            folder = out / producer / font
            folder.mkdir(parents=True, exist_ok=True)
            for doc in chosen:
                target = folder / f"{doc.name}.pdf"
                try:
                    if make is not None:
                        make(doc, font, target)
                    else:
                        source = out / "pymupdf" / font / f"{doc.name}.pdf"
                        if not source.exists():
                            make_pymupdf(doc, font, source)
                        REWRITES[producer][0](source, target)
                    # (LuaLaTeX's babel maps the digits of Arabic text: mapdigits)
                    truth = ground_truth(doc, indic_digits=producer == "lualatex")
                    (folder / f"{doc.name}.gt.txt").write_text(truth, encoding="utf-8")
                except Unsupported:
                    target.unlink(missing_ok=True)
                except Exception as exc:  # a producer's failure is a row in the report
                    failures.append(f"{producer}/{font}/{doc.name}: {str(exc)[:200]}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(HERE / "out"))
    parser.add_argument("--producers", default=",".join([*PRODUCERS, *REWRITES]))
    parser.add_argument("--fonts", default=",".join(FONTS))
    parser.add_argument("--docs", default=",".join(d.name for d in DOCUMENTS))
    parser.add_argument("--list", action="store_true", help="which producers are installed")
    parser.add_argument("--held-out", action="store_true",
                        help="the held-out font families instead (HELD_OUT)")
    args = parser.parse_args()
    if args.held_out:
        FONTS.clear()
        FONTS.update(HELD_OUT)
        if args.fonts == parser.get_default("fonts"):
            args.fonts = ",".join(HELD_OUT)
    if args.list:
        for name, (_make, need) in {**PRODUCERS, **REWRITES}.items():
            print(f"{name:12} {'yes' if available(need) else 'no (' + need + ')'}")
        return 0
    failures = generate(Path(args.out), args.producers.split(","), args.fonts.split(","),
                        args.docs.split(","))
    for line in failures:
        print(f"failed: {line}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
