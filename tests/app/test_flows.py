"""Every flow's declaration matches what is built: screens, scenes, tiles, outbox kinds."""

from __future__ import annotations

import os

os.environ.setdefault("KIVY_NO_ARGS", "1")
os.environ.setdefault("KIVY_NO_CONSOLELOG", "1")

from kiosk.flows import discover, outbox_kinds, scene_screens, tiles  # noqa: E402


def _registry():
    from screens import registry

    return registry


def test_every_declared_screen_is_built_and_every_built_screen_declared() -> None:
    reg = _registry()
    declared = {(s.name, s.overlay) for f in discover() for s in f.screens}
    built = {(n, False) for n in reg.screens()} | {(n, True) for n in reg.overlays()}
    assert declared == built


def test_every_screen_has_a_scene_and_every_scene_an_implementation() -> None:
    from kiosk_command.script.steps.scenes import all_scenes

    for flow in discover():
        for screen in flow.screens:
            assert screen.scenes, f"{flow.name}/{screen.name} has no scene"
    assert set(scene_screens()) == set(all_scenes())


def test_screens_belong_to_the_flow_that_declares_them() -> None:
    reg = _registry()
    owner = {s.name: f.name for f in discover() for s in f.screens}
    entries = {**reg.screens(), **reg.overlays()}
    assert {name: e.flow for name, e in entries.items()} == owner


def test_every_tile_leads_somewhere() -> None:
    reg = _registry()
    for flow in tiles():
        assert flow.entry is None or flow.entry in reg.screens(), flow.name
    orders = [f.tile.order for f in tiles() if f.tile]
    assert len(orders) == len(set(orders)) == 7


def test_outbox_kinds_come_from_the_flows() -> None:
    kinds = outbox_kinds()
    assert kinds["job_interest"].path == "/job-interests"
    assert {k for k, v in kinds.items() if v.group == "appointments"} == {
        "appointment", "appointment_cancel", "checkin"}


def test_receipts_come_from_the_flows() -> None:
    from kiosk.receipts import templates

    assert sorted(templates()) == ["appointment", "complaint", "job", "registration", "report"]
    for name, module in templates().items():
        assert module.__name__.startswith("kiosk.flows."), name
