"""The glossary: Arabic-aware term finding, the missing-translation warning, files in and
out (TSV, CSV, TBX v2 and v3, read back by translate-toolkit), bad files."""

from __future__ import annotations

import pytest

from reader.translation.glossary import GLOBAL, Glossary, GlossaryError

SENTENCE = "وقال صندوقُ النقدِ الدولي إن التضخم سيتراجع، وإن والتضخم في القرى أعلى."


def test_terms_are_found_through_harakat_clitics_and_spelling_variants(tmp_path):
    glossary = Glossary(tmp_path / "g.sqlite")
    fund = glossary.add("صندوق النقد الدولي", "International Monetary Fund; IMF")
    inflation = glossary.add("تضخم", "inflation")
    glossary.add("مياه الشرب", "drinking water", scope="doc-b")
    found = glossary.find(SENTENCE)
    assert [f.term.id for f in found] == [fund.id, inflation.id, inflation.id]
    first = found[0]
    assert SENTENCE[first.start:first.end] == "صندوقُ النقدِ الدولي"
    assert [SENTENCE[f.start:f.end] for f in found[1:]] == ["التضخم", "والتضخم"]
    # A document's own terms are found only in that document.
    assert glossary.find("نقص مياه الشرب") == []
    assert [f.term.source for f in glossary.find("نقص لمياه الشرب", "doc-b")] == ["مياه الشرب"]
    # Hamza and ta marbuta forms fold together.
    glossary.add("الأسرة", "household")
    assert [f.term.target for f in glossary.find("عدد الاسره في القرية")] == ["household"]


def test_english_that_lacks_a_terms_translation_is_flagged(tmp_path):
    glossary = Glossary(tmp_path / "g.sqlite")
    glossary.add("صندوق النقد الدولي", "International Monetary Fund; IMF")
    glossary.add("تضخم", "inflation")
    missing = glossary.missing(SENTENCE, "The Fund said that price growth would slow.")
    assert sorted(t.source for t in missing) == ["تضخم", "صندوق النقد الدولي"]
    assert glossary.missing(SENTENCE, "The IMF said inflation would slow; inflation ...") == []
    # Word boundaries: "inflationary" is not "inflation".
    assert [t.source for t in glossary.missing("التضخم", "inflationary pressure")] == ["تضخم"]


def test_files_in_and_out(tmp_path):
    from translate.storage import tbx

    glossary = Glossary(tmp_path / "g.sqlite")
    tsv = tmp_path / "terms.txt"
    tsv.write_text("# Glossary in tab-separated format -*- coding: utf-8 -*-\n"
                   "تضخم\tinflation\teconomics\nسطر ناقص\n\nمياه الشرب\tdrinking water\n",
                   encoding="utf-8")
    assert glossary.import_file(tsv) == 2
    csv_file = tmp_path / "terms.csv"
    csv_file.write_text('source,target,comment\n"شركة ""الأمل""","Al-Amal, Inc.",firm\n',
                        encoding="utf-8-sig")
    assert glossary.import_file(csv_file, scope="doc") == 1
    assert [t.target for t in glossary.terms("doc")][-1] == "Al-Amal, Inc."
    v3 = tmp_path / "v3.tbx"
    v3.write_text(
        '<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">'
        "<text><body><conceptEntry id='c1'><langSec xml:lang='ar'><termSec><term>صندوق النقد"
        " الدولي</term></termSec></langSec><langSec xml:lang='en'><termSec><term>"
        "International Monetary Fund</term></termSec><termSec><term>IMF</term></termSec>"
        "</langSec></conceptEntry></body></text></tbx>", encoding="utf-8")
    assert glossary.import_file(v3) == 1
    assert glossary.terms()[-1].targets() == ["International Monetary Fund", "IMF"]
    out = tmp_path / "out.tbx"
    assert glossary.export_tbx(out) == 4
    pairs = [(u.source, u.target) for u in tbx.tbxfile.parsefile(str(out)).units]
    assert ("تضخم", "inflation") in pairs
    again = Glossary(tmp_path / "again.sqlite")
    assert again.import_file(out) == 4
    assert glossary.export_csv(tmp_path / "out.csv") == 4
    assert Glossary(tmp_path / "third.sqlite").import_file(tmp_path / "out.csv") == 4


def test_a_glossary_of_100000_terms_is_taken_and_searched(tmp_path):
    glossary = Glossary(tmp_path / "g.sqlite")
    big = tmp_path / "big.tsv"
    letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
    rows = []
    for n in range(100_000):
        word = "".join(letters[(n // 28 ** k) % 28] for k in range(4))
        rows.append(f"كلمة{word}\tterm {n}")
    big.write_text("\n".join(rows), encoding="utf-8")
    assert glossary.import_file(big) == 100_000
    assert len(glossary.find("نص فيه كلمةاببب وكلمات أخرى")) == 1
    assert Glossary(tmp_path / "g.sqlite").count() == 100_000


@pytest.mark.parametrize("name, content, message", [
    ("junk.tbx", b"<martif><text><body><termEntry>", "not a readable TBX"),
    ("page.xml", b"<html><body>glossary</body></html>", "not a TBX file"),
    ("latin.csv", b"one,two\nthree,four\n", "no Arabic term"),
    ("binary.csv", b"\xff\xfe\x00\x00junk", "not UTF-8"),
    ("bomb.tbx", b'<?xml version="1.0"?><!DOCTYPE m [<!ENTITY a "aaaaaaaaaaaaaaaaa">'
                 b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><martif><text><body>'
                 b'<termEntry><langSet xml:lang="ar"><tig><term>&b;</term></tig></langSet>'
                 b'</termEntry></body></text></martif>', "no Arabic term"),
])
def test_bad_glossary_files_get_one_clear_message_and_change_nothing(tmp_path, name,
                                                                     content, message):
    glossary = Glossary(tmp_path / "g.sqlite")
    glossary.add("تضخم", "inflation")
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(GlossaryError, match=message):
        glossary.import_file(path)
    assert [t.source for t in glossary.terms()] == ["تضخم"]
    with pytest.raises(GlossaryError):
        glossary.import_file(tmp_path)  # a folder
    assert GLOBAL == ""
