"""The handbook: categories and search, and the list a category, a search or "for you" makes.

The categories come first, each with how many policies it holds today; a
search (pinyin keyboard) runs over titles and full texts. A card holder also
gets "for you": the policies meant for the key groups they registered under.
While the platform is away the screens say how old the policies are.
"""

from __future__ import annotations

from typing import Any

from kivy.clock import Clock
from kivy.properties import BooleanProperty, ObjectProperty, StringProperty
from kivy.uix.behaviors import ButtonBehavior
from kivy.uix.boxlayout import BoxLayout

from kiosk.flows.policies.flow import PoliciesFlow
from screens.base import KioskScreen
from screens.keyboard import KeyField  # noqa: F401 - kv rules use it
from screens.widgets import KButton, Painted

WATCH_S = 1.0


class PolicyCard(ButtonBehavior, Painted, BoxLayout):
    """One policy in a list: its title, its one-line summary, issuer and date."""

    tid = StringProperty("")
    title = StringProperty("")
    summary = StringProperty("")
    meta = StringProperty("")
    opener = ObjectProperty(None, allownone=True)
    policy_id = StringProperty("")

    def on_release(self) -> None:
        if self.opener is not None:
            self.opener(self.tid, self.policy_id)


class _AsOf:
    """The "as of" line of a handbook screen, kept current while it is shown."""

    as_of: str
    flow: PoliciesFlow
    shell: Any

    def watch(self) -> None:
        self._update_as_of()
        self._watch = Clock.schedule_interval(lambda _dt: self._update_as_of(), WATCH_S)

    def unwatch(self) -> None:
        if getattr(self, "_watch", None) is not None:
            self._watch.cancel()

    def _update_as_of(self) -> None:
        note = self.flow.note()
        text = self.shell.say(note) if note is not None else ""
        if text != self.as_of:
            self.as_of = text


class PoliciesScreen(_AsOf, KioskScreen):
    """Search, categories, "for you", ask and look up."""

    flow: PoliciesFlow
    as_of = StringProperty("")
    card = BooleanProperty(False)
    for_you_note = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh()

    def on_enter(self, *_: Any) -> None:
        self.watch()

    def on_leave(self, *_: Any) -> None:
        self.unwatch()

    def refresh(self) -> None:
        app = self.shell
        self.card = self.flow.has_card()
        self.for_you_note = ""
        box = self.ids.categories
        box.clear_widgets()
        for code, n in self.flow.categories():
            button = KButton(tid=f"pol.cat.{code}",
                             raw=app.tr("pol.cat_n", app.lang,
                                        name=app.tr(f"pol.cat.{code}", app.lang), n=n),
                             bg=app.theme.palette.surface, color=app.theme.palette.primary)
            button.bind(on_action=lambda _w, c=code: self.open_category(c))
            box.add_widget(button)
        self._update_as_of()

    def _update_as_of(self) -> None:
        """Also offer "for me" as soon as a card is read on this screen."""
        super()._update_as_of()
        card = self.flow.has_card()
        if card != self.card:
            self.card = card

    def open_category(self, code: str) -> None:
        self.flow.show_category(code)
        self.shell.go("policy_list")

    def search(self, text: str) -> None:
        if text.strip():
            self.flow.show_search(text)
            self.shell.go("policy_list")

    def for_you(self) -> None:
        """Read the card holder's key groups from the platform, then list their policies."""
        self.for_you_note = self.shell.tr("pol.home.for_you_loading", self.shell.lang)
        self.flow.load_groups(self._groups_loaded)

    def _groups_loaded(self, ok: bool) -> None:
        if not ok:
            self.for_you_note = self.shell.say(("pol.home.for_you_unreachable",
                                                {"desk": self.shell.staff_desk}))
            return
        self.for_you_note = ""
        self.flow.show_for_you()
        self.shell.go("policy_list")

    def reset(self) -> None:
        super().reset()
        self.for_you_note = ""
        self.card = False


class PolicyListScreen(_AsOf, KioskScreen):
    """The policies of a category, a search or "for you"."""

    flow: PoliciesFlow
    as_of = StringProperty("")
    heading = StringProperty("")
    count = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh()

    def on_enter(self, *_: Any) -> None:
        self.watch()

    def on_leave(self, *_: Any) -> None:
        self.unwatch()

    def refresh(self) -> None:
        app = self.shell
        self.heading = app.say(self.flow.list_title())
        found = self.flow.listed()
        self.count = app.say(self.flow.list_note(len(found)))
        box = self.ids.cards
        box.clear_widgets()
        for i, policy in enumerate(found):
            box.add_widget(PolicyCard(
                tid=f"pol.card.{i}", policy_id=str(policy.get("id", "")),
                title=str(policy.get("title", "")), summary=str(policy.get("summary", "")),
                meta=f"{policy.get('issued_by', '')} · {policy.get('issued_at', '')}",
                opener=self._open))
        self.ids.scroll.scroll_y = 1
        self._update_as_of()

    def _open(self, tid: str, policy_id: str) -> None:
        if self.shell.tap_allowed(tid) and self.flow.open(policy_id):
            self.shell.go("policy")

    def reset(self) -> None:
        super().reset()
        self.heading = self.count = ""
        if "cards" in self.ids:
            self.ids.cards.clear_widgets()
