"""Wiring from settings, session end, and the camera script steps."""

from __future__ import annotations

import contextlib

import pytest

from devices.camera.service import Camera
from devices.camera.simulator import SimulatedCamera
from devices.camera.source import OpenCVSource
from kiosk.clock import FakeClock
from kiosk.config import load_settings
from kiosk.core import KioskCore
from kiosk.session import VisitorSession
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps import camera as steps
from kiosk_command.wiring import camera as wiring


def _core(tmp_path, driver: str = "sim") -> KioskCore:
    site = tmp_path / "site.toml"
    site.write_text(f'[camera]\ndriver = "{driver}"\nqr_repeat_s = 5.0\n')
    clock = FakeClock()
    core = KioskCore(settings=load_settings(site), clock=clock, session=VisitorSession(clock))
    with contextlib.ExitStack() as stack:
        wiring.attach(core, stack)
        stack.pop_all()
    if core.camera is not None:
        core.camera.autostart = False      # the test drives the worker's rounds itself
    return core


@pytest.fixture
def ctx(tmp_path):
    core = _core(tmp_path)
    yield ScriptContext(workdir=tmp_path, clock=core.clock, core=core)
    core.camera.close()


def test_sim_driver_wires_camera_and_simulator(ctx):
    assert isinstance(ctx.core.camera, Camera)
    assert isinstance(ctx.core.simulators.camera, SimulatedCamera)
    assert ctx.core.camera.scanner().repeat_s == 5.0
    assert ctx.core.camera.status().state.value == "stopped"   # nothing asked for frames yet


def test_other_drivers(tmp_path):
    assert _core(tmp_path, "none").camera is None
    real = _core(tmp_path, "opencv")
    assert isinstance(real.camera.source, OpenCVSource) and real.simulators.camera is None


def test_show_qr_reaches_the_scanner(ctx):
    camera = ctx.core.camera
    steps.show_qr(ctx, {"payload": "EKIOSK:APPT:42", "angle": 30, "blur": 1.0})
    camera.step()
    assert camera.scanner().feed(camera.latest()[0]) == "EKIOSK:APPT:42"
    steps.show_qr(ctx, "EKIOSK:APPT:43")
    camera.step()
    assert camera.scanner().feed(camera.latest()[0]) == "EKIOSK:APPT:43"


def test_show_qr_from_a_picture(ctx, qr_path):
    steps.show_qr(ctx, str(qr_path))
    ctx.core.camera.step()
    assert ctx.core.camera.scanner().feed(ctx.core.camera.latest()[0]) == "EKIOSK:APPT:T-7"


def test_show_qr_rejects_bad_arguments(ctx):
    with pytest.raises(ScriptFailure, match="unknown QR look"):
        steps.show_qr(ctx, {"payload": "X", "spin": 3})
    with pytest.raises(ScriptFailure, match="needs a payload"):
        steps.show_qr(ctx, {})


def test_show_face_and_clear(ctx, face_path):
    camera = ctx.core.camera
    steps.show_face(ctx, {"image": str(face_path), "size": 0.3})
    camera.step()
    assert camera.face_guide().feed(camera.latest()[0]).key == "face.hold_still"
    steps.camera_clear(ctx, None)
    camera.step()
    assert camera.face_guide().feed(camera.latest()[0]).key == "face.no_face"


def test_camera_fault_and_recovery(ctx):
    camera = ctx.core.camera
    assert camera.step()
    steps.camera_fault(ctx, {"mode": "disconnect", "after": 1})
    assert camera.step() and not camera.step()
    assert steps.expect_camera(ctx, "reconnecting")()
    steps.camera_fault(ctx, "none")
    assert camera.step()
    assert steps.expect_camera(ctx, "running")()
    with pytest.raises(ScriptFailure, match="unknown camera fault"):
        steps.camera_fault(ctx, "smoke")


def test_session_end_drops_the_last_frame(ctx):
    session, camera = ctx.core.session, ctx.core.camera
    session.touch()
    camera.step()
    assert camera.latest()[0] is not None
    guide = camera.face_guide()
    guide.photo = b"\xff\xd8 a visitor's photo"
    session.end("done")
    assert camera.latest()[0] is None
    assert guide.photo is None
    assert camera.status().state.value == "stopped"
