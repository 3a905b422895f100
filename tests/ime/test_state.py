"""The composing state the on-screen keyboard is a view of."""

from __future__ import annotations

from kiosk.ime import ImeEngine, ImeState


def typed(state: ImeState, keys: str) -> str:
    return "".join(state.type(k) for k in keys)


def test_type_pick_whole_word(engine: ImeEngine) -> None:
    state = ImeState(engine)
    assert typed(state, "fwy") == ""
    assert state.composing == "fwy"
    assert state.candidates[0].text == "服务员"
    assert state.pick(0) == "服务员"
    assert state.composing == "" and state.candidates == []


def test_pick_a_prefix_word_and_continue(engine: ImeEngine) -> None:
    state = ImeState(engine)
    typed(state, "fuwuyuangongzuo")
    first = state.candidates[0]
    assert (first.text, first.consumed) == ("服务员", 8)
    assert state.pick(0) == "服务员"
    assert state.composing == "gongzuo"
    assert state.candidates[0].text == "工作"
    assert state.pick(0) == "工作" and state.composing == ""


def test_apostrophe_after_a_pick_is_dropped(engine: ImeEngine) -> None:
    state = ImeState(engine)
    typed(state, "xi'an")
    index = [c.text for c in state.candidates].index("西")
    assert state.pick(index) == "西"
    assert state.composing == "an"


def test_backspace_edits_the_composition_then_the_field(engine: ImeEngine) -> None:
    state = ImeState(engine)
    typed(state, "xiang")
    assert state.backspace() is True
    assert state.composing == "xian" and state.candidates[0].text == "先"
    for _ in range(4):
        assert state.backspace() is True
    assert state.composing == "" and state.candidates == []
    assert state.backspace() is False  # nothing composed: the field deletes a character


def test_digits_commit_at_once_unless_composing(engine: ImeEngine) -> None:
    state = ImeState(engine)
    assert state.type("3") == "3"
    assert state.composing == ""
    typed(state, "a4")
    assert state.composing == "a4"
    assert state.candidates[-1].text == "a4"
    assert state.commit_raw() == "a4" and state.composing == ""


def test_pick_out_of_range_and_clear(engine: ImeEngine) -> None:
    state = ImeState(engine, limit=5)
    typed(state, "bao")
    assert len(state.candidates) == 5
    assert state.pick(99) == "" and state.composing == "bao"
    state.clear()
    assert state.composing == "" and state.candidates == [] and state.pick(0) == ""
