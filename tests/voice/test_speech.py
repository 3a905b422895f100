"""The speech service: declared messages, interruption, cache, privacy, packs, faults."""

from __future__ import annotations

import pytest

from devices.audio.simulator import SimulatedAudio
from kiosk.clock import FakeClock
from kiosk.speech.normalise import normalise
from kiosk.speech.pack import check, text_hash, write_pack
from kiosk.speech.pinyin import to_pinyin
from kiosk.speech.service import Options, SpeechService
from kiosk.speech.synth import Espeak
from kiosk.speech.voices import VoiceChooser
from tests.voice.helpers import tone, translator, wait_for


def opened(speech) -> list[str]:
    """The messages begun, in order (each is said sentence by sentence)."""
    return [h.key for h in speech.heard if h.part == 0]


def said(speech, key: str) -> str:
    return "".join(h.text for h in speech.heard if h.key == key)


@pytest.mark.parametrize("text, said", [
    ("4100-5600元/月", "每月四千一百到五千六百元"),
    ("200元/天", "每天二百元"),
    ("2026-03-02", "二〇二六年三月二日"),
    ("电话13812345678", "电话幺三八幺二三四五六七八"),
    ("3-5年", "三到五年"),
    ("10005人", "一万零五人"),
    ("25秒", "二十五秒"),
])
def test_chinese_numbers_are_words(text: str, said: str) -> None:
    assert normalise(text, "zh") == said


def test_english_money_and_phone() -> None:
    assert normalise("4100-5600元/月", "en") == "4100 to 5600 yuan a month"
    assert normalise("13812345678", "en") == "1 3 8 1 2 3 4 5 6 7 8"


def test_pinyin_has_tone_numbers_and_resolves_polyphones() -> None:
    assert to_pinyin("银行行长") == "yin2 hang2 hang2 zhang3"
    assert to_pinyin("您还在吗？") == "nin2 hai2 zai4 ma5 ?"


class _Flows:
    """A stand-in flow object with the values a declaration names."""

    def __init__(self) -> None:
        self.job = {"title": "仓库管理员", "company": "顺达物流", "pay": "4100-5600元/月"}
        self.who = {"name": "张三丰", "id": "110101199003071234"}

    def voice_job(self):
        return self.job

    def voice_identity(self):
        return self.who


@pytest.fixture
def made(tmp_path):
    clock = FakeClock()
    audio = SimulatedAudio(tmp_path / "out", clock)
    catalog = translator(tmp_path)
    espeak = Espeak()

    def build(packs=None, bilingual=True, headset=False):
        chooser = VoiceChooser(espeak, packs or {}, catalog, bilingual)
        flows = {"jobs": _Flows(), "registration": _Flows()}
        return SpeechService(audio, chooser, catalog, flows, clock,
                             Options(headset=headset)).start()
    yield build, audio, espeak, catalog


def test_job_detail_says_pay_as_words_once_synthesised(made) -> None:
    build, audio, espeak, _ = made
    speech = build()
    speech.screen("job_detail", "zh")
    wait_for(lambda: len(speech.heard) == 3)
    assert opened(speech) == ["voice.job", "voice.job_actions"]
    assert "工资每月四千一百到五千六百元" in said(speech, "voice.job")
    wait_for(lambda: len(audio.played) == 3)
    assert audio.played[0].seconds > 1
    runs = espeak.made
    speech.repeat()
    wait_for(lambda: len(audio.played) == 6)
    assert espeak.made == runs            # cached: each text once per voice
    speech.close()


def test_private_data_needs_a_headset(made) -> None:
    build, _audio, _, _ = made
    speech = build()
    plan = speech.screen("reg_review", "zh")
    assert [u.key for u in plan.utterances] == ["voice.reg_review", "voice.withheld"]
    assert plan.withheld == ["voice.reg_identity"]
    wait_for(lambda: opened(speech) == ["voice.reg_review", "voice.withheld"])
    assert not any("张三丰" in h.text or "幺幺零" in h.text for h in speech.heard)
    speech.close()
    with_headset = build(headset=True)
    plan = with_headset.screen("reg_review", "zh")
    assert [u.key for u in plan.utterances] == ["voice.reg_review", "voice.reg_identity"]
    wait_for(lambda: "voice.reg_identity" in opened(with_headset))
    wait_for(lambda: "号码" in said(with_headset, "voice.reg_identity"))
    assert "张三丰" in said(with_headset, "voice.reg_identity")
    with_headset.close()


def test_tibetan_from_a_pack_with_a_missing_prompt(made, tmp_path) -> None:
    build, _audio, _, catalog = made
    from kiosk.speech.pack import PromptPack

    home = catalog.text("voice.home", "bo")
    pack = write_pack(tmp_path / "bo", "bo", {"voice.home": (home, tone(440, 0.3))})
    speech = build({"bo": PromptPack(pack)}, bilingual=True)
    speech.screen("home", "bo")
    speech.screen("attract", "bo")            # not recorded: said in Chinese
    wait_for(lambda: any(h.key == "voice.attract" for h in speech.heard))
    sources = {h.key: (h.source, h.lang) for h in speech.heard}
    assert sources["voice.attract"] == ("fallback", "zh")
    speech.close()
    states: list[bool] = []
    alone = build({"bo": PromptPack(pack)}, bilingual=False)
    alone.on_unavailable = states.append
    alone.screen("home", "bo")
    wait_for(lambda: states == [False])
    assert alone.heard[-1].source == "pack"
    alone.screen("attract", "bo")
    wait_for(lambda: states == [False, True])
    assert alone.missing == ["voice.attract"]
    alone.close()


def test_pack_check_names_missing_stale_and_format(tmp_path) -> None:
    pack = write_pack(tmp_path / "p", "bo", {"a": ("one", tone(440, 0.1)),
                                               "b": ("old words", tone(440, 0.1)),
                                               "c": ("three", tone(440, 0.1, rate=96000))})
    problems = check(pack, {"a": "one", "b": "new words", "c": "three", "d": "four"})
    assert [(p.kind, p.key) for p in problems] == [("stale", "b"), ("format", "c"),
                                                   ("missing", "d")]
    assert text_hash("one") == text_hash("one") != text_hash("two")


def test_a_new_screen_interrupts_and_faults_keep_it_silent(made, caplog) -> None:
    build, audio, _, _ = made
    speech = build()
    speech.screen("job_detail", "zh")
    speech.screen("home", "zh")               # at once: the job's words are cut off
    wait_for(lambda: any(h.key == "voice.home" for h in speech.heard))
    assert speech.heard[-1].key == "voice.home"
    audio.set_fault("unplugged")
    for _ in range(3):
        speech.screen("home", "zh")
    wait_for(lambda: speech.fault != "")
    speech.message("voice.on", "zh")
    speech.close()
    silent = [r for r in caplog.records if "silent" in r.getMessage()]
    assert len(silent) == 1


def test_countdown_speaks_the_sentence_then_the_marks(made) -> None:
    build, _audio, _, _ = made
    speech = build()
    speech.warn(25, "zh")
    wait_for(lambda: "二十五秒" in said(speech, "voice.timeout"))
    for n in (24, 23, 22, 21):
        speech.warn(n, "zh")                  # between the marks: nothing new
    speech.warn(20, "zh")
    wait_for(lambda: opened(speech)[-1] == "voice.count")
    assert opened(speech)[0] == "voice.timeout" and opened(speech).count("voice.count") == 1
    assert said(speech, "voice.count") == "二十秒"
    speech.warn_over()
    speech.warn(25, "zh")                     # the next warning starts with the sentence
    wait_for(lambda: opened(speech)[-1] == "voice.timeout")
    speech.close()


def test_a_message_is_said_sentence_by_sentence() -> None:
    from kiosk.speech.voices import sentences

    assert sentences("您还在吗？二十秒后结束。请点屏幕。") == ["您还在吗？", "二十秒后结束。",
                                                        "请点屏幕。"]
    assert sentences("Pay: 4100 to 5600 yuan. Touch.") == ["Pay: 4100 to 5600 yuan.", "Touch."]


def test_an_assessment_result_is_private(made, tmp_path) -> None:
    from kiosk.flows import Say
    from kiosk.speech.plan import resolve

    class Done:
        def voice_result(self):
            return {"types": [("as.type.R", {}), ("as.type.I", {})]}

    _build, _audio, _, catalog = made
    says = (Say("as.ui.report_title"), Say("voice.as_result", values="voice_result",
                                           private=True))
    plan = resolve(says, Done(), catalog, "zh", headset=False)
    assert [u.key for u in plan.utterances] == ["as.ui.report_title", "voice.withheld"]
    plan = resolve(says, Done(), catalog, "zh", headset=True)
    said = plan.utterances[1].text
    assert catalog.text("as.type.R", "zh") in said and "、" in said


def test_never_two_voices_at_once_whoever_asks(made) -> None:
    import threading

    build, audio, _, _ = made
    speech = build()

    def asker(screen: str) -> None:
        for _ in range(20):
            speech.screen(screen, "zh")
    threads = [threading.Thread(target=asker, args=(s,)) for s in ("home", "attract", "job_detail")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    speech.screen("home", "zh")
    wait_for(lambda: speech.heard and speech.heard[-1].key == "voice.home"
             and speech._queue.empty())
    speech.close()
    assert audio.overlaps == 0
