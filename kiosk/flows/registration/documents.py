"""What to bring to the desk, said once and in full (一次性告知, B 4.6.1).

Staff check the originals of what a registration relies on (B 5.3.1.1.2 a):
the ID card always, each certificate the visitor said they hold, and the papers
that show the situation they registered (a job that ended, a key group). The
list is derived from the answers, so nobody is sent home for a paper nobody
mentioned, and nobody is asked for one their answers do not need.
"""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.i18n import Text

# in the order they are asked for at the desk
ORDER = ("id_card", "household_register", "education_cert", "graduation_cert",
         "vocational_qualification", "employment_card", "leaving_proof", "hardship_proof")

_GROUP_NEEDS = {
    "registered_unemployed": ("employment_card",),
    "hard_to_employ": ("hardship_proof",),
    "assistance_target": ("hardship_proof",),
    "zero_employment_family": ("household_register",),
    "rural_migrant": ("household_register",),
    "college_graduate": ("graduation_cert",),
    "vocational_graduate": ("graduation_cert",),
}


def to_bring(certificates: Iterable[str], status: str, key_groups: Iterable[str]) -> list[Text]:
    """The papers a registration needs checked, each once, in desk order."""
    needed = {"id_card", *certificates}
    for group in key_groups:
        needed.update(_GROUP_NEEDS.get(group, ()))
    if status == "unemployed":
        needed.add("leaving_proof")
    if "education_cert" in needed:
        needed.discard("graduation_cert")      # a graduate's certificate is the same paper
    return _said(needed)


def for_unemployment(certificates: Iterable[str], left_a_job: bool) -> list[Text]:
    """The papers an unemployment-registration application needs checked: who and where
    (ID card, household register or residence permit), that the last job ended, and
    the employment card when the visitor has one."""
    needed = {"id_card", "household_register"}
    needed.update(c for c in certificates if c == "employment_card")
    if left_a_job:
        needed.add("leaving_proof")
    return _said(needed)


def _said(needed: set[str]) -> list[Text]:
    return [(f"reg.bring.{name}", {}) for name in ORDER if name in needed]
