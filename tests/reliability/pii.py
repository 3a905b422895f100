"""Scan what the terminal and the platform wrote for the test people's personal data.

Every regular file under the given directories is read as bytes (databases with
their -wal and -shm, logs, caches, keys, uploads) and searched for each person's
name, ID number, phone and address in UTF-8, UTF-16 (both byte orders) and
GB18030, for a birth date followed closely by the number's last four characters
(together they give the number away), and for pieces of the ID-card photo (raw,
hex, base64). Masked forms such as 110105********1234 or 138****8000 contain none
of these and pass.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from devices.idcard.deck import DECK, SAMPLE_PHOTO
from tests.reliability.people import Person

FEW = 200            # up to this many names, search each one directly
NEAR = 64            # characters between a birth date and the last four that still count


@dataclass(frozen=True)
class Hit:
    """One piece of personal data found in a file."""

    path: str
    what: str
    encoding: str
    offset: int

    def __str__(self) -> str:
        return f"{self.path}@{self.offset}: {self.what} ({self.encoding})"


RUNS = re.compile(r"[0-9][0-9Xx-]{7,}")    # digit runs long enough to hold a birth date


class Needles:
    """The people's data as sets, so one pass over a file checks everyone at once."""

    def __init__(self, people: Iterable[Person], photo: bytes) -> None:
        people = list(people)
        self.names = {p.name for p in people if p.name}
        self.name_sizes = sorted({len(n) for n in self.names})
        firsts = "".join(sorted({n[0] for n in self.names}))
        self.name_start = re.compile(f"[{re.escape(firsts)}]" if firsts else "(?!)")
        self.numbers = {p.number.upper() for p in people}
        self.phones = {p.phone for p in people if p.phone}
        self.addresses = {p.address for p in people if p.address}
        self.address_sizes = sorted({len(a) for a in self.addresses})
        heads = sorted({re.escape(a[:3]) for a in self.addresses})
        self.address_start = re.compile("|".join(heads) if heads else "(?!)")
        self.last4: dict[str, set[str]] = {}
        for p in people:
            for birth in (p.birth, p.birth_iso):
                self.last4.setdefault(birth, set()).add(p.number[-4:].upper())
        raw = [photo[at:at + 32] for at in (0, 300, 700)]
        self.photo = [*(("raw", r) for r in raw), ("hex", photo[:48].hex().encode()),
                      ("base64", base64.b64encode(photo)[:64])]

    def in_text(self, text: str) -> Iterator[tuple[str, int]]:
        """(what, offset) of each piece found in one decoding of a file."""
        yield from self._words(text, "name", self.names, self.name_start, self.name_sizes)
        yield from self._words(text, "address", self.addresses, self.address_start,
                               self.address_sizes)
        for m in RUNS.finditer(text):
            run = m.group(0).upper()
            for i in range(len(run) - 7):
                for size in (18, 11, 10, 8):
                    piece = run[i:i + size]
                    if len(piece) == size:
                        yield from self._digits(text, piece, m.start() + i)

    @staticmethod
    def _words(text: str, what: str, words: set[str], start: re.Pattern[str],
               sizes: list[int]) -> Iterator[tuple[str, int]]:
        """Few words: one fast find each; many: candidates from their first characters."""
        if len(words) <= FEW:
            for word in words:
                at = text.find(word)
                if at >= 0:
                    yield what, at
            return
        for m in start.finditer(text):
            at = m.start()
            if any(text[at:at + size] in words for size in sizes):
                yield what, at

    def _digits(self, text: str, run: str, at: int) -> Iterator[tuple[str, int]]:
        if run in self.numbers:
            yield "ID number", at
        elif run in self.phones:
            yield "phone", at
        elif run in self.last4:
            near = text[at + len(run):at + len(run) + NEAR].upper()
            if any(tail in near for tail in self.last4[run]):
                yield "birth date with last four", at


def _decodings(data: bytes) -> Iterator[tuple[str, str]]:
    yield "utf-8", data.decode("utf-8", errors="replace")
    yield "gb18030", data.decode("gb18030", errors="replace")
    for enc in ("utf-16-le", "utf-16-be"):
        for shift in (0, 1):
            yield enc, data[shift:].decode(enc, errors="replace")


PEOPLE_FILE = "people.json"        # the invented people of a run (input, not scanned)
INPUTS = {PEOPLE_FILE, "soak.json"}


def files_under(roots: Iterable[Path]) -> Iterator[Path]:
    """Every regular file the product wrote under roots (a run's own inputs left out)."""
    for root in roots:
        if root.is_file():
            yield root
        elif root.is_dir():
            yield from (p for p in sorted(root.rglob("*"))
                        if p.is_file() and not p.is_symlink() and p.name not in INPUTS)


def written_since(root: Path, since: float) -> list[Path]:
    """Files under root changed since a moment (a shared cache: only what a run wrote)."""
    if not root.is_dir():
        return []
    return [p for p in root.rglob("*")
            if p.is_file() and not p.is_symlink() and p.stat().st_mtime >= since]


def save_people(people: Iterable[Person], workdir: Path) -> Path:
    """Keep a run's invented people next to its files, for a later `pii` scan."""
    path = workdir / PEOPLE_FILE
    path.write_text(json.dumps([asdict(p) for p in people], ensure_ascii=False))
    return path


def people_under(roots: Iterable[Path]) -> list[Person]:
    """The people of every run found under roots, plus the sample deck's card holders."""
    found = [Person(c["name"], c["number"], c["birth"], "", c.get("address", ""))
             for c in DECK.values() if len(c.get("number", "")) == 18]
    for root in roots:
        for path in sorted(root.rglob(PEOPLE_FILE)) if root.is_dir() else []:
            found += [Person(**doc) for doc in json.loads(path.read_text())]
    return found


def scan(roots: Iterable[Path], people: Iterable[Person], photo: bytes = SAMPLE_PHOTO
         ) -> tuple[list[Hit], int]:
    """Every hit (first per file, kind and encoding), and how many files were read."""
    needles = Needles(people, photo)
    hits: dict[tuple[str, str, str], Hit] = {}
    count = 0
    for path in files_under(roots):
        try:
            data = path.read_bytes()
        except OSError:
            continue
        count += 1
        for form, piece in needles.photo:
            if piece in data:
                hits.setdefault((str(path), "card photo", form),
                                Hit(str(path), "card photo", form, data.find(piece)))
        for enc, text in _decodings(data):
            for what, at in needles.in_text(text):
                hits.setdefault((str(path), what, enc), Hit(str(path), what, enc, at))
    return list(hits.values()), count
