"""About you and what you want: two long forms of option sets and a few typed fields.

The option sets come from the flow (kiosk/flows/registration/options.py) and
their words from the catalogs; a tap changes the flow's state at once and the
form redraws from it, so leaving and coming back (or "change" on the review)
shows what was chosen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kivy.properties import StringProperty

from kiosk.flows.registration import options
from kiosk.flows.registration.flow import RegistrationFlow
from screens.base import KioskScreen
from screens.keyboard import KeyField  # noqa: F401 - kv rules use it
from screens.registration.form import choices, heading, note, toggle

YEARS = (0, 1, 3, 5, 10)          # experience: none, 1-2, 3-4, 5-9, 10 or more


class _FormScreen(KioskScreen):
    """A scrolling form whose option sections are drawn from the flow's state."""

    flow: RegistrationFlow
    problem = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.redraw)

    def on_pre_enter(self, *_: Any) -> None:
        self.problem = ""
        self.fill_fields()
        self.redraw()

    def fill_fields(self) -> None:
        """Put the flow's typed values back into the fields."""

    def sections(self) -> list[tuple[str, Any]]:
        """(heading key, grid maker) per section, in order."""
        return []

    def redraw(self) -> None:
        box = self.ids.sections
        box.clear_widgets()
        for key, make in self.sections():
            tid = key.replace("reg.ui.", "reg.")
            box.add_widget(heading(self.shell, self.shell.tr(key), tid))
            if key.endswith("_multi"):
                box.add_widget(note(self.shell, self.shell.tr("reg.ui.any_number"),
                                    tid + ".note"))
            box.add_widget(make())

    def reset(self) -> None:
        """The visitor's choices (key groups among them) leave the screen with the visit."""
        super().reset()
        self.problem = ""
        self.ids.sections.clear_widgets()

    def _set(self, apply: Callable[[], None]) -> None:
        apply()
        self.redraw()

    def words(self, set_name: str) -> Callable[[str], str]:
        """A code's words: the catalog key reg.<set>.<code> (options.label)."""
        return lambda code: self.shell.say(options.label(set_name, code))


class RegAboutScreen(_FormScreen):
    """Phone, education, experience, certificates, employment status, key groups."""

    def fill_fields(self) -> None:
        about = self.flow.visit.about
        self.ids.phone.text, self.ids.major.text = about.phone, about.major
        self.ids.last_occupation.text = about.last_occupation

    def sections(self) -> list[tuple[str, Any]]:
        about = self.flow.visit.about

        def one(attr: str, codes: Any, prefix: str) -> Any:
            return lambda: choices(self.shell, f"reg.{attr}", codes, self.words(prefix),
                                   lambda c: getattr(about, attr) == c,
                                   lambda c: self._set(lambda: setattr(about, attr, c)))

        def many(attr: str, codes: Any, prefix: str) -> Any:
            return lambda: choices(self.shell, f"reg.{attr}", codes, self.words(prefix),
                                   lambda c: c in getattr(about, attr),
                                   lambda c: self._set(lambda: toggle(getattr(about, attr),
                                                                      c)))

        years = [str(y) for y in YEARS]
        return [
            ("reg.ui.education", one("education", options.EDUCATION, "education")),
            ("reg.ui.years", lambda: choices(
                self.shell, "reg.years", years, lambda c: self.shell.tr(f"reg.years.{c}"),
                lambda c: about.experience_years == int(c),
                lambda c: self._set(lambda: setattr(about, "experience_years", int(c))))),
            ("reg.ui.certificates_multi", many("certificates", options.CERTIFICATES,
                                               "certificates")),
            ("reg.ui.status", one("status", options.STATUS, "status")),
            ("reg.ui.key_groups_multi", many("key_groups", options.KEY_GROUPS, "key_groups")),
            ("reg.ui.difficulties_multi", many("difficulties", options.DIFFICULTIES,
                                               "difficulties")),
        ]

    def go_on(self) -> None:
        about = self.flow.visit.about
        about.major = self.ids.major.text.strip()
        about.last_occupation = self.ids.last_occupation.text.strip()
        problem = self.flow.set_phone(self.ids.phone.text.strip())
        if problem is not None:
            self.problem = self.shell.say(problem)
            self.ids.scroll.scroll_y = 1
            return
        self.shell.go("reg_wants")


class RegWantsScreen(_FormScreen):
    """Occupation groups (major, then their common sub-groups), districts, pay, work type."""

    def sections(self) -> list[tuple[str, Any]]:
        wants = self.flow.visit.wants

        def many(attr: str, codes: Any, words: Callable[[str], str]) -> Any:
            return lambda: choices(self.shell, f"reg.{attr}", codes, words,
                                   lambda c: c in getattr(wants, attr),
                                   lambda c: self._set(lambda: toggle(getattr(wants, attr),
                                                                      c)))

        def one(attr: str, codes: Any, words: Callable[[str], str]) -> Any:
            return lambda: choices(self.shell, f"reg.{attr}", codes, words,
                                   lambda c: str(getattr(wants, attr)) == str(c),
                                   lambda c: self._set(lambda: setattr(wants, attr, c)))

        subgroups = [s for major in options.MAJOR_GROUPS if major in wants.major_groups
                     for s in options.OCCUPATIONS[major]]
        out: list[tuple[str, Any]] = [
            ("reg.ui.major_groups_multi", many("major_groups", options.MAJOR_GROUPS,
                                               self.words("occupations"))),
        ]
        if subgroups:
            out.append(("reg.ui.occupations_multi", many("occupations", subgroups,
                                                         self.words("occupations"))))
        districts = self.flow.district_choices()
        if districts:
            out.append(("reg.ui.districts_multi", many("districts", districts,
                                                       lambda code: code)))
        out.append(("reg.ui.industries_multi", many("industries", options.INDUSTRIES,
                                                    self.words("industries"))))
        starts = dict(self.flow.start_choices())
        out += [
            ("reg.ui.pay", lambda: choices(
                self.shell, "reg.pay", [str(p) for p in options.PAY_BANDS],
                lambda c: self.shell.say(options.label("pay_bands", int(c))),
                lambda c: wants.pay_min == int(c),
                lambda c: self._set(lambda: setattr(wants, "pay_min", int(c))))),
            ("reg.ui.work_type", one("work_type", options.WORK_TYPES,
                                     self.words("work_types"))),
            ("reg.ui.start", lambda: choices(
                self.shell, "reg.start", [c or "now" for c in starts],
                lambda c: self.shell.say(starts["" if c == "now" else c]),
                lambda c: wants.start_by == ("" if c == "now" else c),
                lambda c: self._set(lambda: setattr(wants, "start_by",
                                                    "" if c == "now" else c)))),
        ]
        return out

    def go_on(self) -> None:
        self.shell.go("reg_review")
