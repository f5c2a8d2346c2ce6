"""Pause Python's cyclic garbage collector around allocation-heavy work that makes no cycles.

Reading a page creates a few thousand small objects (a glyph each, their lists), all freed
by reference counting. Each 700 allocations the collector would walk every young object
still alive, then walk the survivors again as they age: about a tenth of a page's time,
spent finding no garbage. Collection resumes when the work ends (then with little left
alive to walk). The collector's switch is process-wide: with two threads at such work, the
first to finish turns it back on, which only shortens the other's pause.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


def gc_paused(func: Callable[P, T]) -> Callable[P, T]:
    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        if not gc.isenabled():
            return func(*args, **kwargs)
        gc.disable()
        try:
            return func(*args, **kwargs)
        finally:
            gc.enable()

    return wrapper
