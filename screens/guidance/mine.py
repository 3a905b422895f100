"""My appointments: the card holder's booked sessions, each with its cancel button
(the seat goes back at once, or the cancel is saved and sent when the link is back)."""

from __future__ import annotations

from typing import Any

from kivy.factory import Factory
from kivy.properties import StringProperty
from kivy.uix.gridlayout import GridLayout

from kiosk.flows.guidance.booking import time_values
from kiosk.flows.guidance.flow import GuidanceFlow
from kiosk.flows.guidance.visit import Booked
from screens.base import KioskScreen
from screens.widgets import KButton, KLabel


class GuidanceMineScreen(KioskScreen):
    """Looked up by the ID card on entry; drawn again after each cancel."""

    flow: GuidanceFlow
    message = StringProperty("")

    def on_kv_post(self, base_widget: object) -> None:
        self.redraw_on_switch(self.show)
        self.poll_while_shown(self._card_laid_down, 0.5)

    def on_pre_enter(self, *_: Any) -> None:
        visit = self.flow.visit
        visit.mine_message = None
        if visit.mine_state == "shown":      # looked up in this visit (a booking clears it)
            self.show()
            return
        self.load()

    def _card_laid_down(self) -> None:
        visit = self.flow.visit
        if visit.mine_state == "idle" and self.flow.session.visit.card is not None:
            self.load()

    def load(self) -> None:
        refused = self.flow.load_mine(self.show)
        if refused is not None:           # kept, so a switch of language redraws it
            self.flow.visit.mine_message = refused
        self.show()

    def show(self) -> None:
        app, visit = self.shell, self.flow.visit
        box = self.ids.appts
        box.clear_widgets()
        self._lost(box)
        for i, booked in enumerate(visit.mine):
            self._item(box, booked, f"gd.mine.item{i}", f"gd.mine.cancel{i}",
                       f"gd.mine.move{i}")
        self._by_ticket(box)
        if visit.mine_message is not None:
            self.message = app.say(visit.mine_message)
        elif visit.mine_state == "loading":
            self.message = app.tr("gd.mine.loading", app.lang)
        elif visit.mine_state == "shown" and not visit.mine:
            self.message = app.tr("gd.mine.none", app.lang)
        else:
            self.message = ""

    def _item(self, box: Any, booked: Booked, tid: str, cancel_tid: str,
              move_tid: str = "") -> None:
        app = self.shell
        box.add_widget(self._line(tid, app.tr(
            "gd.mine.item", app.lang, service=booked.service, room=booked.room,
            **time_values(booked.starts, booked.ends))))
        row = GridLayout(cols=1 if app.elder or not move_tid else 2, size_hint_y=None,
                         spacing=app.theme.gap * 0.5)
        row.bind(minimum_height=row.setter("height"))
        button = KButton(tid=cancel_tid, raw=app.tr("gd.mine.cancel", app.lang))
        button.bind(on_action=lambda _w, ref=booked.id: self.flow.cancel(ref, self.show))
        row.add_widget(button)
        if move_tid:
            move = Factory.QuietButton(tid=move_tid, raw=app.tr("gd.mine.move", app.lang))
            move.bind(on_action=lambda _w, ref=booked.id: self._move(ref))
            row.add_widget(move)
        box.add_widget(row)

    def _move(self, appointment_id: str) -> None:
        """Another time for this appointment: its service's free slots to choose from."""
        if self.flow.start_move(appointment_id, self._slots_loaded):
            self.shell.go("guidance_book")

    def _slots_loaded(self) -> None:
        if self.shell.has_screen("guidance_book") and self.shell.screen("guidance_book").shown:
            self.shell.screen("guidance_book").refresh()

    def _by_ticket(self, box: Any) -> None:
        """Without a card: the ticket's code held up to the camera finds the appointment
        to cancel."""
        app, visit = self.shell, self.flow.visit
        if visit.ticket is not None:
            self._item(box, visit.ticket, "gd.mine.ticket", "gd.mine.ticket_cancel")
        elif visit.ticket_state == "looking":
            box.add_widget(self._line("gd.mine.scan_looking",
                                      app.tr("gd.mine.scan_looking", app.lang)))
        elif self.flow.session.visit.card is None:
            button = Factory.QuietButton(tid="gd.mine.scan", raw=app.tr("gd.mine.scan", app.lang))
            button.bind(on_action=lambda _w: self.scan())
            box.add_widget(button)

    def scan(self) -> None:
        self.flow.scan_ticket(self.show)
        self.show()

    def on_leave(self, *_: Any) -> None:
        self.flow.stop_scan()
        visit = self.flow.visit
        if visit.ticket_state == "looking":
            visit.ticket_state = "idle"

    def _line(self, tid: str, words: str) -> KLabel:
        line = KLabel(tid=tid, size_hint_y=None, raw=words)
        line.bind(texture_size=lambda w, size: setattr(w, "height", size[1]))
        return line

    def _lost(self, box: Any) -> None:
        """A booking saved offline and refused when sent: said, and the next slot offered."""
        app, lost = self.shell, self.flow.visit.lost
        if lost is None:
            return
        when = time_values(lost.starts, lost.ends) if lost.starts and lost.ends else None
        words = (app.tr("gd.mine.lost", app.lang, service=lost.service, **when) if when
                 else app.tr("gd.mine.lost_plain", app.lang))
        box.add_widget(self._line("gd.mine.lost", words))
        offer = lost.offer
        if offer is not None:
            box.add_widget(self._line("gd.mine.offer", app.tr(
                "gd.mine.offer", app.lang, counsellor=offer.counsellor, room=offer.room,
                **time_values(offer.starts, offer.ends))))
            button = KButton(tid="gd.mine.rebook", raw=app.tr("gd.mine.rebook", app.lang))
            button.bind(on_action=lambda _w: self.flow.rebook(self.show))
            box.add_widget(button)
        else:
            box.add_widget(self._line("gd.mine.no_offer", app.tr(
                "gd.mine.no_offer", app.lang, desk=self.flow.staff_desk)))
        forget = Factory.QuietButton(tid="gd.mine.forget", raw=app.tr("gd.mine.forget", app.lang))
        forget.bind(on_action=lambda _w: (self.flow.forget_lost(), self.show()))
        box.add_widget(forget)

    def reset(self) -> None:
        super().reset()
        self.message = ""
        self.ids.appts.clear_widgets()
