import contextlib
import gc

from reader.gcpause import gc_paused


def test_collector_is_off_during_the_call_and_back_on_after():
    seen = []

    @gc_paused
    def work() -> int:
        seen.append(gc.isenabled())
        return 7

    assert gc.isenabled()
    assert work() == 7
    assert seen == [False] and gc.isenabled()


def test_an_error_still_turns_it_back_on_and_a_caller_s_pause_is_kept():
    @gc_paused
    def fails() -> None:
        raise ValueError("boom")

    with contextlib.suppress(ValueError):
        fails()
    assert gc.isenabled()
    gc.disable()
    with contextlib.suppress(ValueError):
        fails()
    assert not gc.isenabled()  # it was off before: left off
    gc.enable()
