"""Booking: the services by kind with the next free slots by day (seats left for a
group session, the key-group mark), then the short registration form, the ID card
and a phone for reminders. A seat taken meanwhile is said plainly and the next free
slot is chosen instead, for the visitor to confirm."""

from __future__ import annotations

from typing import Any

from kivy.properties import BooleanProperty, StringProperty

from kiosk.flows.guidance import booking
from kiosk.flows.guidance.booking import Service, Slot, time_values
from kiosk.flows.guidance.flow import GuidanceFlow
from screens.base import KioskScreen
from screens.guidance.parts import fill
from screens.keyboard import KeyField
from screens.widgets import ChoiceButton, KLabel, choices


class GuidanceBookScreen(KioskScreen):
    """The services, then the chosen one's free slots by day."""

    flow: GuidanceFlow
    message = StringProperty("")
    moving = BooleanProperty(False)     # another time for a booked appointment

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.refresh)

    def on_pre_enter(self, *_: Any) -> None:
        self.refresh()

    def on_leave(self, *_: Any) -> None:
        if self.flow.visit.moving is not None:      # left without moving it
            self.flow.stop_move()

    def _service_words(self, s: Service) -> str:
        app = self.shell
        words = f"{s.name} · {app.tr(f'gd.kind.{s.kind}', app.lang)}"
        if s.kind != "one_to_one":
            words += " · " + app.tr("gd.kind.seats", app.lang, n=s.capacity)
        return words

    def refresh(self) -> None:
        app, flow, visit = self.shell, self.flow, self.flow.visit
        found = {s.id: s for s in flow.services()}

        def pick(sid: str) -> None:
            if sid == visit.service_id:             # the chosen one again: all of them
                flow.clear_service()
            else:
                flow.choose_service(sid, self.refresh)
            self.refresh()
        # once one is chosen only it stays, so its free times come up on the glass
        codes = [visit.service_id] if visit.service_id in found else list(found)
        fill(self.ids.services, [choices(
            app, "gd.service", codes, lambda c: self._service_words(found[c]),
            lambda c: visit.service_id == c, pick, cols=1)] if found else [])
        self.ids.slots.clear_widgets()
        for day, slots in flow.days():
            head = KLabel(tid=f"gd.day.{day.isoformat()}", size_hint_y=None, role="heading",
                          bold=True, raw=app.tr("gd.book.day", app.lang, m=day.month,
                                                d=day.day))
            head.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
            self.ids.slots.add_widget(head)
            for slot in slots:
                self.ids.slots.add_widget(self._slot_button(slot))
        self.moving = visit.moving is not None
        self.message = self._status()

    def _slot_button(self, slot: Slot) -> ChoiceButton:
        app = self.shell
        words = app.tr("gd.book.slot", app.lang, counsellor=slot.counsellor, room=slot.room,
                       **time_values(slot.starts, slot.ends))
        if slot.capacity > 1:
            words += " · " + app.tr("gd.book.free", app.lang, n=slot.free)
        if slot.priority:
            words += " · " + app.tr("gd.book.priority", app.lang)
        button = ChoiceButton(tid=f"gd.slot.{slot.id}", raw=words,
                              selected=slot.id == self.flow.visit.slot_id)
        button.bind(on_action=lambda _w: (self.flow.choose_slot(slot.id), self.refresh()))
        return button

    def _status(self) -> str:
        app, visit = self.shell, self.flow.visit
        if visit.message is not None:
            return app.say(visit.message)
        if visit.moving is not None and visit.slots_state == "shown" and self.flow.days():
            m = visit.moving
            return app.tr("gd.move.choose", app.lang, **time_values(m.starts, m.ends))
        if not visit.service_id:
            return app.tr("gd.book.choose_service", app.lang)
        if visit.slots_state == "loading":
            return app.tr("gd.book.loading", app.lang)
        if visit.slots_state == "unreachable":
            return app.tr("gd.book.unreachable", app.lang, desk=self.flow.staff_desk)
        if not self.flow.days():
            return app.tr("gd.book.none", app.lang, desk=self.flow.staff_desk)
        return ""

    def next(self) -> None:
        if self.flow.slot() is None:
            self.message = self.shell.tr("gd.form.need_slot", self.shell.lang)
            return
        if self.flow.visit.moving is not None:
            self.message = self.shell.tr("gd.form.sending", self.shell.lang)
            self.flow.move(self._moved)
            return
        self.shell.go("guidance_form")

    def _moved(self) -> None:
        if self.flow.visit.state == "sent":
            self.shell.go("guidance_ticket")
        else:
            self.refresh()

    def reset(self) -> None:
        super().reset()
        self.message = ""
        self.ids.slots.clear_widgets()


class GuidanceFormScreen(KioskScreen):
    """The appointment registration form: short choices, optional words, phone, card."""

    flow: GuidanceFlow
    slot_line = StringProperty("")
    card_line = StringProperty("")
    message = StringProperty("")
    seeker = BooleanProperty(True)      # False: an employer's representative, no card

    def on_kv_post(self, base_widget: object) -> None:
        # an employer's representative types the organisation and a name (pinyin)
        self.org = KeyField(tid="gd.form.org", max_length=booking.MAX_ORG)
        self.name_field = KeyField(tid="gd.form.name", max_length=20)
        self.redraw_on_switch(self.refresh)
        self.poll_while_shown(self._check_card, 0.5)   # the card may be laid down now

    def on_pre_enter(self, *_: Any) -> None:
        self.message = ""
        self.refresh()
        self.ids.scroll.scroll_y = 1

    def _check_card(self) -> None:
        line = self._card_words()
        if line != self.card_line:
            self.card_line = line

    def _card_words(self) -> str:
        app, name = self.shell, self.flow.card_name()
        if not self.flow.needs_card():
            return app.tr("gd.form.no_card", app.lang)
        return (app.tr("gd.form.card_read", app.lang, name=name) if name
                else app.tr("gd.form.card_needed", app.lang))

    def refresh(self) -> None:
        app, flow, form = self.shell, self.flow, self.flow.visit.form
        tr = app.tr
        slot = flow.slot()
        self.slot_line = (tr("gd.form.slot", app.lang, counsellor=slot.counsellor,
                             room=slot.room, **time_values(slot.starts, slot.ends))
                          if slot else "")
        self.card_line = self._card_words()
        self.seeker = flow.needs_card()
        self._employer_fields()

        def single(name: str) -> list[Any]:
            codes = flow.form_choices(name)
            return [choices(app, f"gd.{name}", codes, lambda c: tr(f"gd.{name}.{c}", app.lang),
                            lambda c: getattr(form, name) == c,
                            lambda c: (flow.choose(name, c), self.refresh()))] if codes else []
        for name in ("situation", "experience", "wants", "topic"):
            fill(self.ids[name], single(name))
        fill(self.ids.difficulty, [choices(
            app, "gd.difficulty", flow.form_choices("difficulty"),
            lambda c: tr(f"gd.difficulty.{c}", app.lang), lambda c: c in form.difficulty,
            lambda c: (flow.toggle_difficulty(c), self.refresh()))])

    def _employer_fields(self) -> None:
        app = self.shell
        for field, key in ((self.org, "org"), (self.name_field, "name")):
            field.title = app.tr(f"gd.form.{key}_title", app.lang)
            field.hint = app.tr(f"gd.form.{key}_hint", app.lang)
        fill(self.ids.employer, [] if self.seeker else [self.org, self.name_field])

    def send(self) -> None:
        refused = self.flow.book(self.ids.phone.text, self.ids.note.text, self._answered,
                                 self.org.text, self.name_field.text)
        if refused is not None:
            self.message = self.shell.say(refused)
            return
        self.message = self.shell.tr("gd.form.sending", self.shell.lang)

    def _answered(self) -> None:
        visit = self.flow.visit
        if visit.state in ("sent", "queued"):
            for field in (self.ids.phone, self.ids.note, self.org, self.name_field):
                field.forget()
            self.shell.go("guidance_ticket")
            return
        self.shell.go("guidance_book")           # refused: the next free slot is chosen

    def reset(self) -> None:
        super().reset()
        self.slot_line = self.card_line = self.message = ""
        for field in (self.org, self.name_field):
            field.forget()
