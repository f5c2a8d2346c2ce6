"""The Markdown summary parses as CommonMark, renders Arabic right to left, and nothing a
user typed can break its structure or inject HTML."""

from __future__ import annotations

from markdown_it import MarkdownIt

from reader.annotations.markdown import (
    FSI,
    PDI,
    RLI,
    BilingualPage,
    DocumentFacts,
    escape_markdown,
    summary,
)
from reader.annotations.model import ORPHAN, document_note, sticky_note, text_annotation

TEXT = "قرية العين الباردة على سفح الجبل، وفيها نبع (WHO) صغير"
NASTY = ("# not a heading\n\n- not a list\n    not code\n"
         "<script>alert(1)</script> *x* [l](http://x) `c` | t |\n1. n")
FACTS = DocumentFacts("تقرير المياه", "report.pdf", "ab12", 5, "مبادرة نبع",
                      {"subject": "مياه <b>", "keywords": "قرى"})


def annotations():
    a = text_annotation("highlight", "green", 0, TEXT, 5, 18, [], "e").edited(
        comment=NASTY, tags=("water", "<i>tag</i>"))
    b = text_annotation("strike", "red", 2, TEXT, 23, 31, [], "e")
    c = text_annotation("underline", "green", 2, TEXT, 0, 4, [], "e").edited(status=ORPHAN)
    return [document_note("عن الوثيقة كلها"), a, sticky_note(1, 1, 2, "yellow", "note"), b, c]


def tokens(md: str):
    return MarkdownIt("commonmark").parse(md)


def test_structure_is_exactly_what_the_exporter_wrote():
    md = summary(FACTS, annotations(), english=lambda a: "The village of Ein al-Barida",
                 group="page", exported="2026-11-24")
    toks = tokens(md)
    headings = [toks[i + 1].content for i, t in enumerate(toks) if t.type == "heading_open"]
    assert headings[0] == f"{FSI}تقرير المياه{PDI}"  # isolated: keeps its order anywhere
    assert "Notes on the document" in headings and "p. 1" in headings
    assert "Could not be placed" in headings
    # HTML appears only in the exporter's own right-to-left blocks.
    html = [t.content for t in toks if t.type in ("html_block", "html_inline")]
    assert html and all(h.startswith('<blockquote dir="rtl" lang="ar">') for h in html)
    # One list (the metadata); no other markup came from what users typed.
    assert [t.type for t in toks].count("bullet_list_open") == 1
    inline = [c.type for t in toks if t.children for c in t.children]
    assert not {"link_open", "em_open", "code_inline", "html_inline"} & set(inline)
    assert not {"ordered_list_open", "code_block", "fence", "table_open"} & {
        t.type for t in toks}
    rendered = MarkdownIt("commonmark").render(md)
    assert "<script>" not in rendered and "&lt;script&gt;" in rendered
    assert "<i>tag</i>" not in rendered
    assert f"{RLI}العين الباردة" in md and f"{PDI}</p>" in md


def test_a_comment_cannot_become_markup():
    rendered = MarkdownIt("commonmark").render(escape_markdown(NASTY))
    for tag in ("<h1", "<ul", "<ol", "<pre", "<code", "<em", "<a ", "<script", "<table"):
        assert tag not in rendered
    assert rendered.startswith("<p>") and rendered.count("<p>") == 1
    assert "# not a heading" in rendered and "alert(1)" in rendered


def test_grouping_by_colour_and_by_tag():
    by_colour = summary(FACTS, annotations(), group="colour")
    heads = [t for t in tokens(by_colour) if t.type == "inline" and t.content in (
        "Green", "Red", "Yellow")]
    assert [h.content for h in heads] == ["Yellow", "Red", "Green"]  # the palette's order
    by_tag = summary(FACTS, annotations(), group="tag")
    assert "## water" in by_tag and "## No tag" in by_tag  # English needs no direction marks


def test_bilingual_pages_pair_each_paragraph_with_its_translation():
    md = summary(FACTS, [], bilingual=[BilingualPage(1, [("فقرة أولى", "First paragraph"),
                                                          ("فقرة ثانية", "")])])
    assert "## Full text, p. 2" in md
    assert md.index("فقرة أولى") < md.index("First paragraph") < md.index("فقرة ثانية")


def test_plain_values_stay_plain_and_machine_english_is_labelled():
    """Issue 15: the summary escaped every . - : (qari\\-sample\\-report\\.pdf) and wrapped
    every value in invisible direction marks; machine output read like the translator's."""
    facts = DocumentFacts("Water report", "qari-sample-report.pdf", "ab12", 5, "",
                          {"creationDate": "D:20261124043600"})
    a, b = (text_annotation("highlight", "yellow", 0, TEXT, 0, 4, [], "e"),
            text_annotation("highlight", "green", 0, TEXT, 5, 9, [], "e"))
    md = summary(facts, [a, b], english=lambda x: "The village.",
                 machine=lambda x: x is a, exported="2026-11-24 04:36")
    assert "- **File:** qari-sample-report.pdf" in md
    assert "- **Created:** 2026-11-24 04:36" in md and "- **Pages:** 5" in md
    assert FSI not in md.split("##")[0]  # no Arabic in the head: no marks
    assert "**English (Machine translation, not checked):** The village." in md
    assert "**English:** The village." in md
    rendered = MarkdownIt("commonmark").render(md)
    assert "qari-sample-report.pdf" in rendered
    with_arabic = summary(DocumentFacts("تقرير", "x.pdf", "ab", 1), [])
    assert f"# {FSI}تقرير{PDI}" in with_arabic
