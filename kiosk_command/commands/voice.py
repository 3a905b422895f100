"""`kiosk voice script|check|say`: what to record for a prompt pack, whether a pack is
complete and current, and one sentence as the terminal would say it (docs/voice.md)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("voice", help="prompt packs: the recording script, checks, a test say",
                       description="script: every message id and text to record; check PACK: "
                                   "missing, stale and badly formatted prompts; say TEXT: "
                                   "synthesise as the terminal would.")
    p.add_argument("action", choices=("script", "check", "say"))
    p.add_argument("target", nargs="?", help="check: the pack folder; say: the text")
    p.add_argument("--lang", choices=("zh", "en", "bo"), help="default: bo, or the pack's own")
    p.add_argument("--json", action="store_true", help="script: one JSON object per line")
    p.add_argument("--out", type=Path, help="say: write the WAV here")
    p.add_argument("--slow", action="store_true", help="say: slower speech")
    p.set_defaults(handler=run)


def _texts(lang: str) -> dict[str, str]:
    """Every recordable message id with its text in lang, in the flows' order."""
    from kiosk.i18n import Translator
    from kiosk.speech.plan import recordable

    catalog = Translator.load()
    return {key: catalog.text(key, lang) for key in recordable()}


def run(args: argparse.Namespace) -> int:
    from kiosk_command.common import settings_from

    settings_from(args)
    if args.action == "script":
        return _script(args.lang or "bo", args.json)
    if args.action == "check":
        return _check(args.target, args.lang)
    return _say(args.target or "", args.lang or "zh", args.out, args.slow)


def _script(lang: str, as_json: bool) -> int:
    from kiosk.speech.pack import file_name, text_hash

    for key, text in _texts(lang).items():
        if as_json:
            print(json.dumps({"id": key, "hash": text_hash(text), "file": file_name(key, text),
                              "text": text}, ensure_ascii=False))
        else:
            print(f"{key}\t{file_name(key, text)}\t{text}")
    return 0


def _check(target: str | None, lang: str | None) -> int:
    from kiosk.speech.errors import PackError
    from kiosk.speech.pack import MANIFEST, check

    if not target:
        print("kiosk voice check: which pack? (a folder holding manifest.json)", file=sys.stderr)
        return 2
    folder = Path(target)
    try:
        lang = lang or json.loads((folder / MANIFEST).read_text(encoding="utf-8")).get("lang")
        problems = check(folder, _texts(lang or "bo"))
    except (PackError, OSError, ValueError) as exc:
        print(f"kiosk voice check: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(problem.line())
    wanted = len(_texts(lang or "bo"))
    print(f"voice pack {folder} ({lang}): {wanted - len(problems)} of {wanted} prompts good")
    return 1 if problems else 0


def _say(text: str, lang: str, out: Path | None, slow: bool) -> int:
    from devices.audio.pcm import wav_bytes
    from kiosk.speech.errors import SpeechError
    from kiosk.speech.normalise import normalise
    from kiosk.speech.synth import Espeak, Voice, espeak_input

    if lang == "bo":
        print("kiosk voice say: Tibetan has no synthetic voice (record a pack)", file=sys.stderr)
        return 2
    said = normalise(text, lang)
    try:
        clip = Espeak().clip(said, Voice(lang, slow))
    except SpeechError as exc:
        print(f"kiosk voice say: {exc}", file=sys.stderr)
        return 3
    print(f"{said}\n{espeak_input(said, lang)}\n{clip.seconds:.2f} s")
    if out is not None:
        out.write_bytes(wav_bytes(clip))
    return 0
