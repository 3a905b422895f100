"""`kiosk ime PINYIN`: ranked candidates; `kiosk ime build`: (re)build the dictionary."""

from __future__ import annotations

import argparse
import json
import time


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("ime", help="pinyin candidates for PINYIN, or `build` the dictionary",
                       description="Print the ranked candidates for PINYIN (full pinyin, initials "
                                   "or a mix), or build the dictionary with `kiosk ime build`.")
    p.add_argument("pinyin", metavar="PINYIN", help="letters as typed, or `build`")
    p.add_argument("--limit", type=int, default=10, help="how many candidates (default 10)")
    p.add_argument("--json", action="store_true", help="print the candidates as JSON")
    p.add_argument("--cache-dir", help="dictionary cache (default ~/.cache/employment-kiosk/ime)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from kiosk_command.common import settings_from

    settings_from(args)
    if args.pinyin == "build":
        return _build(args.cache_dir)
    return _lookup(args)


def _build(cache_dir: str | None) -> int:
    from kiosk.ime.build import build_index
    from kiosk.ime.index import cache_dir_of, index_path

    started = time.monotonic()
    directory = cache_dir_of(cache_dir)
    index = build_index(directory)
    print(f"pinyin dictionary: {index.words} entries, {len(index.buckets)} initials groups, "
          f"{time.monotonic() - started:.1f} s -> {index_path(directory, index.key)}")
    return 0


def _lookup(args: argparse.Namespace) -> int:
    from kiosk.ime import ImeEngine

    candidates = ImeEngine.load(args.cache_dir).lookup(args.pinyin, args.limit)
    if args.json:
        rows = [{"text": c.text, "pinyin": c.pinyin, "consumed": c.consumed} for c in candidates]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for number, cand in enumerate(candidates, 1):
        print(f"{number:>2}  {cand.text}\t{cand.pinyin or '-'}\t{cand.consumed}")
    return 0
