"""Open postings scored against a registered visitor's intentions (B 5.3.1.1.2 c, L 5.3.1).

Each open posting earns points for what it has of what the visitor asked for:
the same sub-group 40, the same major group 15, a district on their list 20, top
pay at least their minimum 15, the kind of work they want 10, asking no more
education than they have 10. A wish not stated is met by every posting, so a
visitor who names no district ranks on the rest. Best first, ties newest first.

A posting *matches* when it is in the line of work asked for (sub-group or major
group), pays what was asked and asks no more education than the visitor has.
Up to ten matches are recommended; when fewer than five match, the list is
filled up to five with the closest open postings (key groups are owed five,
L 5.3.1, and five is the floor for everyone) and the answer says "fewer", so
the kiosk can say honestly that only a few fit.

The scan is over the catalog, never over visitors: the open postings are read
once per catalog change and day into compact tuples (memory about 200 bytes a
posting), and a lookup scores those in memory, then reads the few documents it
recommends by primary key.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
import threading
from dataclasses import dataclass
from typing import Any, Literal

from central.classification import EDUCATION_RANK, MAJOR_OF, posting_rank

SUBGROUP, MAJOR, DISTRICT, PAY, WORK_TYPE, EDUCATION = 40, 15, 20, 15, 10, 10
MOST = 10            # recommendations at most
FLOOR = 5            # recommendations at least, when that many postings are open
Note = Literal["enough", "fewer"]


@dataclass(frozen=True, slots=True)
class Posting:
    """What scoring needs of one open posting."""

    id: str
    subgroup: str
    major: str | None
    district: str
    pay_max: int
    employment_type: str
    education: int           # rank asked for, 0..4
    posted_at: str


@dataclass(frozen=True)
class Wishes:
    """A visitor's intentions and education, ready for scoring.

    A major group named without any of its sub-groups means the whole group
    (the visitor chose 生产制造及有关人员 and no narrower line); with some of its
    sub-groups named, only those earn the sub-group points.
    """

    subgroups: frozenset[str]
    majors: frozenset[str]          # named, plus those of the named sub-groups
    whole_majors: frozenset[str]    # named with none of their sub-groups
    districts: frozenset[str]
    pay_min: int
    employment_type: str
    education: int | None

    @classmethod
    def of(cls, registration: dict[str, Any]) -> Wishes:
        wants = registration.get("intentions") or {}
        subgroups = frozenset(wants.get("occupation_groups") or ())
        named = frozenset(wants.get("major_groups") or ())
        of_subgroups = frozenset(MAJOR_OF[s] for s in subgroups if s in MAJOR_OF)
        return cls(subgroups=subgroups, majors=named | of_subgroups,
                   whole_majors=named - of_subgroups,
                   districts=frozenset(wants.get("districts") or ()),
                   pay_min=int(wants.get("pay_min") or 0),
                   employment_type=wants.get("employment_type") or "",
                   education=EDUCATION_RANK.get(registration.get("education") or ""))

    @property
    def names_occupation(self) -> bool:
        return bool(self.subgroups or self.majors)


def assess(posting: Posting, wishes: Wishes) -> tuple[int, bool]:
    """(score 0..110, matched) of one posting for one visitor."""
    if wishes.names_occupation:
        in_major = posting.major is not None and posting.major in wishes.majors
        in_subgroup = posting.subgroup in wishes.subgroups or (
            posting.major is not None and posting.major in wishes.whole_majors)
    else:
        in_major = in_subgroup = True
    pay_ok = posting.pay_max >= wishes.pay_min
    education_ok = wishes.education is None or posting.education <= wishes.education
    score = (SUBGROUP * in_subgroup + MAJOR * in_major + PAY * pay_ok
             + EDUCATION * education_ok
             + DISTRICT * (not wishes.districts or posting.district in wishes.districts)
             + WORK_TYPE * (not wishes.employment_type
                            or posting.employment_type == wishes.employment_type))
    return score, (in_subgroup or in_major) and pay_ok and education_ok


_OPEN_SQL = (
    "SELECT id, json_extract(doc, '$.occupation_group'), json_extract(doc, '$.district'), "
    "json_extract(doc, '$.pay_max'), json_extract(doc, '$.employment_type'), "
    "json_extract(doc, '$.education'), json_extract(doc, '$.posted_at') "
    "FROM feed_items WHERE kind = 'jobs' AND deleted = 0 "
    "AND json_extract(doc, '$.valid_until') >= ? "
    "AND coalesce(json_extract(doc, '$.valid_from'), '') <= ?")


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _number(value: object) -> float:
    """A JSON number as SQLite's json_extract gives it, or as PostgreSQL's text."""
    if isinstance(value, int | float):
        return value
    try:
        return float(value) if isinstance(value, str) else 0
    except ValueError:
        return 0


def _posting(row: tuple[Any, ...]) -> Posting:
    subgroup = _text(row[1])
    pay = _number(row[3])
    return Posting(id=row[0], subgroup=subgroup, major=MAJOR_OF.get(subgroup),
                   district=_text(row[2]), pay_max=int(pay), employment_type=_text(row[4]),
                   education=posting_rank(row[5]), posted_at=_text(row[6]))


class OpenPostings:
    """The open postings as Posting tuples, reread when the catalog or the day changes.

    A job's change stamp only grows (central/db.py next_stamp) and a withdrawal is a
    change too, so the newest stamp of the jobs feed (one index probe) says whether
    the copy is current.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._copy: tuple[tuple[str | None, str], tuple[Posting, ...]] = (("", ""), ())

    def current(self, conn: sqlite3.Connection, today: str) -> tuple[Posting, ...]:
        stamp = conn.execute("SELECT max(updated_at) FROM feed_items "
                             "WHERE kind = 'jobs'").fetchone()[0]
        key = (stamp, today)
        with self._lock:
            if self._copy[0] != key:
                rows = conn.execute(_OPEN_SQL, (today, today)).fetchall()
                self._copy = (key, tuple(_posting(row) for row in rows))
            return self._copy[1]


def rank(postings: tuple[Posting, ...], wishes: Wishes
         ) -> tuple[list[tuple[int, bool, Posting]], Note]:
    """The postings to recommend, best first, and whether enough of them match."""
    matched: list[tuple[int, str, str, Posting]] = []
    others: list[tuple[int, str, str, Posting]] = []
    for posting in postings:
        score, fits = assess(posting, wishes)
        (matched if fits else others).append((score, posting.posted_at, posting.id, posting))
    best = heapq.nlargest(MOST, matched)
    chosen = [(score, True, p) for score, _, _, p in best]
    if len(best) < FLOOR:
        chosen += [(score, False, p) for score, _, _, p in
                   heapq.nlargest(FLOOR - len(best), others)]
    return chosen, "enough" if len(best) >= FLOOR else "fewer"


def recommend(conn: sqlite3.Connection, postings: OpenPostings, registration: dict[str, Any],
              today: str) -> tuple[list[dict[str, Any]], Note]:
    """The recommended postings as the contract shows them (RecommendedJob) and the note."""
    chosen, note = rank(postings.current(conn, today), Wishes.of(registration))
    if not chosen:
        return [], note
    ids = [p.id for _, _, p in chosen]
    rows = conn.execute(f"SELECT id, doc, updated_at FROM feed_items WHERE kind = 'jobs' "
                        f"AND id IN ({','.join('?' * len(ids))})", ids).fetchall()
    docs = {job_id: (doc, stamp) for job_id, doc, stamp in rows}
    out = []
    for score, fits, posting in chosen:
        if posting.id in docs:
            doc, stamp = docs[posting.id]
            out.append({**json.loads(doc), "updated_at": stamp, "score": score,
                        "matched": fits})
    return out, note
