from __future__ import annotations

import json

import pytest

from reader.annotations.model import Annotation, document_note, sticky_note, text_annotation
from reader.annotations.w3c import W3CError, from_w3c, to_w3c

TEXT = "قرية العين الباردة على سفح الجبل"


def sample() -> list[Annotation]:
    a = text_annotation("underline", "blue", 2, TEXT, 5, 18, [(10.0, 20.0, 110.0, 35.0)],
                        "arabic-repair/1").edited(comment="check <this>", tags=("water", "قرى"))
    return [a, sticky_note(1, 40.0, 50.0, "red", "here"), document_note("overall")]


def test_round_trip_keeps_everything():
    items = sample()
    data = to_w3c(items, "abc123", "Report")
    assert data["type"] == "AnnotationCollection" and data["total"] == 3
    first = data["first"]["items"][0]
    assert first["target"]["source"] == "urn:sha256:abc123"
    kinds = {s["type"] for s in first["target"]["selector"]}
    assert {"TextQuoteSelector", "TextPositionSelector", "PageSelector",
            "FragmentSelector"} <= kinds
    back = from_w3c(json.dumps(data), "abc123")
    assert back.skipped == [] and back.other_document == 0
    assert [(a.id, a.kind, a.colour, a.page, a.exact, a.comment, a.tags, a.rects, a.point)
            for a in back.annotations] == [
        (a.id, a.kind, a.colour, a.page, a.exact, a.comment, a.tags,
         tuple((round(x, 2) for x in r) for r in a.rects) and a.rects, a.point) for a in items]


def test_annotations_from_other_tools_with_fewer_selectors():
    other = {"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
             "body": {"type": "TextualBody", "value": "a remark"},
             "target": {"source": "urn:x-pdf:whatever", "selector": [
                 {"type": "TextQuoteSelector", "exact": "العين الباردة"},
                 {"type": "FragmentSelector", "value": "page=3"}]}}
    found = from_w3c(json.dumps([other]))
    [a] = found.annotations
    assert (a.kind, a.page, a.exact, a.comment) == ("highlight", 2, "العين الباردة", "a remark")


def test_junk_items_are_reported_and_the_rest_kept():
    good = to_w3c(sample()[:1], "abc")["first"]["items"][0]
    junk = [good, 42, {"type": "Annotation", "target": "http://example.org/page"},
            {"type": "Annotation", "target": {"selector": [{"type": "FragmentSelector",
                                                           "value": "page=2"}]},
             "qari": {"kind": "highlight"}},
            {"type": "Annotation", "target": {"selector": [{"type": "TextPositionSelector",
                                                           "start": "x"}]}}]
    found = from_w3c(json.dumps(junk))
    assert len(found.annotations) == 1 and len(found.skipped) == 4


@pytest.mark.parametrize("text", ["", "{", "[1, 2", '{"type": "Nothing"}', "\"just a string\""])
def test_not_annotation_json_is_an_error(text):
    with pytest.raises(W3CError):
        from_w3c(text)


def test_annotations_for_another_document_are_counted():
    data = to_w3c(sample(), "abc")
    found = from_w3c(json.dumps(data), "another-hash")
    assert found.other_document == 3
