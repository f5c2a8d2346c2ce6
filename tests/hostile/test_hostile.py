"""The quick subset of the hostile-input matrix (the whole one: python -m tests.hostile.run).

Every command on inputs that once hung, crashed or lost data: exit 0 or 2, one line on
stderr, within time and memory limits, the data folder's work untouched."""

from __future__ import annotations

from tests.hostile import generate, run


def test_the_quick_hostile_matrix_holds_the_contract():
    results = run.run(generate.QUICK, jobs=2)
    assert len(results) >= 60
    failed = [f"{r.input} × {r.command}: {r.problem} ({r.line})" for r in results if r.problem]
    assert failed == []
    # Each family was really exercised: errors said, and successes where input allows.
    assert any(r.code == 2 for r in results) and any(r.code == 0 for r in results)
