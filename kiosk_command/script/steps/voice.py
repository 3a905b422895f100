"""Script steps for voice guidance: what was said (message ids, the WAV files the
simulated speaker wrote), its faults, prompt packs, headset and the voice controls.

The simulated speaker writes into the run's workdir (audio/), so a failing run
leaves the clips to listen to. Expectations read the speech service's journal
from where the last one matched, so a script states what is heard, in order.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure

SEEN = "voice_seen"


def setup(ctx: ScriptContext) -> None:
    """The simulated speaker writes into the workdir (a script's config may override)."""
    ctx.config_overrides.setdefault("voice", {}).update(
        {"driver": "sim", "sim_dir": str(ctx.workdir / "audio")})


def _speech(ctx: ScriptContext) -> Any:
    speech = ctx.core.speech if ctx.core else None
    if speech is None:
        raise ScriptFailure("voice guidance is not wired in this run")
    return speech


def _sim(ctx: ScriptContext) -> Any:
    sim = ctx.core.simulators.audio if ctx.core else None
    if sim is None:
        raise ScriptFailure("the speaker is not simulated in this run")
    return sim


def _spec(arg: Any) -> dict[str, Any]:
    return {"ids": arg} if isinstance(arg, list) else {"ids": [arg]} if isinstance(arg, str) \
        else dict(arg)


def _match(heard: list[Any], ids: list[str], start: int) -> int | None:
    """Index after the last of ids heard in order from start, each message with all
    its sentences (None: not all heard yet)."""
    at = start
    for key in ids:
        while at < len(heard) and not (heard[at].key == key and heard[at].part == 0):
            at += 1
        if at >= len(heard):
            return None
        at += 1
        while at < len(heard) and heard[at].part > 0:
            at += 1
    return at


def expect_spoken(ctx: ScriptContext, arg: Any) -> Any:
    """Wait until these message ids are heard in order (since the last match), each as
    a WAV clip of the simulated speaker: ["voice.home"] or {"ids", "contains",
    "not_contains", "no_digits", "source": pack|espeak|fallback, "lang"}."""
    spec, speech, sim = _spec(arg), _speech(ctx), _sim(ctx)
    ids = [str(i) for i in spec["ids"]]

    def heard() -> bool:
        got = list(speech.heard)
        start = ctx.resources.get(SEEN, 0)
        end = _match(got, ids, start)
        heard.detail = (f"heard {[h.key for h in got[start:]]} "  # type: ignore[attr-defined]
                        f"({_said(got[start:], ids)!r}), want {ids} {spec.get('contains', '')}")
        if end is None or len(sim.played) < end or not _contains(spec, got[start:end], ids):
            return False                  # a message's later sentences may still come
        _check(spec, got[start:end], ids)
        _check_wav(sim, got, end)
        ctx.resources[SEEN] = end
        return True
    return heard


def _said(said: list[Any], ids: list[str]) -> str:
    return "".join(h.text for h in said if h.key in ids)


def _contains(spec: dict[str, Any], said: list[Any], ids: list[str]) -> bool:
    text = _said(said, ids)
    return all(want in text for want in _list(spec.get("contains")))


def _check(spec: dict[str, Any], said: list[Any], ids: list[str]) -> None:
    mine = [h for h in said if h.key in ids]
    text = _said(said, ids)
    for unwanted in _list(spec.get("not_contains")):
        if unwanted in text:
            raise ScriptFailure(f"{ids} said {unwanted!r}: {text!r}")
    if spec.get("no_digits") and any(c.isdigit() for c in text):
        raise ScriptFailure(f"{ids} said digits, not words: {text!r}")
    for field in ("source", "lang"):
        if field in spec and any(getattr(h, field) != spec[field] for h in mine):
            raise ScriptFailure(f"{ids} were said by {[getattr(h, field) for h in mine]}, "
                                f"not {spec[field]!r}")


def _check_wav(sim: Any, heard: list[Any], end: int) -> None:
    """The speaker's files follow the journal: one WAV per utterance, in order, timed
    by the clock, each with sound in it."""
    played = sim.played[:end]
    labels = [p.label for p in played]
    if labels != [h.key for h in heard[:end]]:
        raise ScriptFailure(f"the speaker played {labels}, the journal says "
                            f"{[h.key for h in heard[:end]]}")
    for a, b in zip(played, played[1:], strict=False):
        if b.at < a.at:
            raise ScriptFailure(f"clip {b.file} is stamped before {a.file}")
    for p in played:
        if p.seconds <= 0.05 or not (Path(sim.folder) / p.file).is_file():
            raise ScriptFailure(f"clip {p.file} ({p.label}) is empty or missing")


def _list(value: Any) -> list[str]:
    return [] if value is None else [value] if isinstance(value, str) else list(value)


def expect_not_spoken(ctx: ScriptContext, arg: Any) -> None:
    """Nothing heard so far holds these texts or ids: {"ids": [...], "texts": [...]}."""
    spec = _spec(arg)
    for h in _speech(ctx).heard:
        if h.key in _list(spec.get("ids")) or any(t in h.text for t in _list(spec.get("texts"))):
            raise ScriptFailure(f"{h.key} was said aloud: {h.text!r}")


def expect_withheld(ctx: ScriptContext, key: str) -> None:
    """A private message was left out (no headset)."""
    if key not in _speech(ctx).withheld:
        raise ScriptFailure(f"{key} was not withheld; withheld: {_speech(ctx).withheld}")


def expect_voice(ctx: ScriptContext, arg: dict[str, Any]) -> Any:
    """Wait until the app's voice state matches: {"on", "unavailable", "volume",
    "slow", "fault": true|false}."""
    def matches() -> bool:
        app, speech = ctx.app, _speech(ctx)
        now = {"on": app.voice_on, "unavailable": app.voice_unavailable,
               "volume": int(app.voice_volume), "slow": app.voice_slow,
               "fault": bool(speech.fault)}
        matches.detail = f"voice is {now}"               # type: ignore[attr-defined]
        return all(now[k] == v for k, v in arg.items())
    return matches


def voice_fault(ctx: ScriptContext, mode: str) -> None:
    """"unplugged", "busy" or "none" on the simulated speaker."""
    try:
        _sim(ctx).set_fault(mode or "none")
    except ValueError as exc:
        raise ScriptFailure(str(exc)) from exc


def voice_pack(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """A test pack of generated tones for every recordable message of a language, less
    the "missing" ones; "bilingual" sets whether the hall falls back to Chinese."""
    from devices.audio.pcm import Clip
    from kiosk.speech.pack import PromptPack, write_pack
    from kiosk.speech.plan import recordable

    lang, missing = arg.get("lang", "bo"), set(arg.get("missing", ()))
    speech = _speech(ctx)
    clips: dict[str, tuple[str, Clip]] = {}
    for i, key in enumerate(recordable()):
        if key not in missing:
            clips[key] = (speech.catalog.text(key, lang), _tone(300 + 20 * i, key))
    folder = write_pack(ctx.workdir / "packs" / lang, lang, clips)
    speech.chooser.packs[lang] = PromptPack(folder)
    speech.chooser.bilingual = bool(arg.get("bilingual", True))


def _tone(hz: float, label: str, seconds: float = 0.4, rate: int = 16000) -> Any:
    import numpy as np

    from devices.audio.pcm import Clip

    t = np.arange(int(rate * seconds)) / rate
    pcm = (6000 * np.sin(2 * np.pi * hz * t)).astype("<i2").tobytes()
    return Clip(pcm, rate, label)


def voice_headset(ctx: ScriptContext, on: bool) -> None:
    """The technician's headset setting, as if set in the configuration."""
    _speech(ctx).options.headset = bool(on)


def long_press(ctx: ScriptContext, tid: str) -> None:
    """Hold a finger on a control (through the window) while the clock passes the long
    press time, then lift it: its explanation is said, its action does not happen."""
    from kiosk_command.script.finger import Finger
    from screens.app import LONG_PRESS_S
    from screens.tree import find, unreachable

    widget = find(ctx.app, tid)
    if widget is None or unreachable(widget):
        raise ScriptFailure(f"no control {tid!r} to hold on {ctx.app.root.current!r}")
    screen = ctx.app.root.current
    touch = Finger(*widget.to_window(*widget.center))
    touch.down()
    ctx.clock.advance(LONG_PRESS_S)
    ctx.app.tick()
    explained = ctx.app.long_pressed == tid
    touch.up()
    if not explained:
        raise ScriptFailure(f"{tid!r} on {screen!r} says nothing on a long press")
    if ctx.app.root.current != screen:
        raise ScriptFailure(f"holding {tid!r} also acted: {screen!r} became "
                            f"{ctx.app.root.current!r}")


def voice(ctx: ScriptContext, action: str) -> None:
    """The voice controls: "toggle", "repeat", "volume" (next step), "slower"."""
    actions = {"toggle": ctx.app.toggle_voice, "repeat": ctx.app.repeat_voice,
               "volume": ctx.app.set_voice_volume, "slower": ctx.app.toggle_slow_voice}
    if action not in actions:
        raise ScriptFailure(f"voice action {action!r} unknown; known: {', '.join(actions)}")
    actions[action]()


STEPS = {"expect_spoken": expect_spoken, "expect_not_spoken": expect_not_spoken,
         "expect_withheld": expect_withheld, "expect_voice": expect_voice,
         "voice_fault": voice_fault, "voice_pack": voice_pack, "voice_headset": voice_headset,
         "long_press": long_press, "voice": voice}
