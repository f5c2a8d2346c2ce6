from __future__ import annotations

import pytest

from reader.pages import parse_page_ranges


def test_ranges():
    assert parse_page_ranges(None, 5) == [0, 1, 2, 3, 4]
    assert parse_page_ranges("1-3,5", 5) == [0, 1, 2, 4]
    assert parse_page_ranges("4-", 5) == [3, 4]
    assert parse_page_ranges("2,2,1", 5) == [1, 0]


@pytest.mark.parametrize("spec", ["0", "6", "3-2", "a", "1-x", ","])
def test_bad_ranges(spec):
    with pytest.raises(ValueError):
        parse_page_ranges(spec, 5)
