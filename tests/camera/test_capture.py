"""The capture worker: latest frame only, unplug and reopen with back-off, status."""

from __future__ import annotations

import json
import logging
import threading
import time

from devices.camera import synth
from devices.camera.capture import CaptureService
from devices.camera.errors import CameraUnavailable
from devices.camera.simulator import SimulatedCamera
from devices.camera.source import OpenCVSource
from devices.camera.status import CameraState
from kiosk.clock import FakeClock
from kiosk.logs import JsonFormatter


def _service(sim: SimulatedCamera, clock: FakeClock) -> CaptureService:
    return CaptureService(sim, clock, fps=15, backoff_s=0.5, backoff_max_s=4.0, autostart=False)


def test_keeps_only_the_newest_frame():
    sim, clock = SimulatedCamera(), FakeClock()
    cap = _service(sim, clock)
    assert cap.latest() == (None, 0)
    for _ in range(50):
        assert cap.step()
    sim.show_qr("NEWEST")
    cap.step()
    frame, seq = cap.latest()
    assert seq == 51
    assert frame is sim._scene   # the frame itself, not a backlog or a copy


def test_unplug_then_reopen_with_backoff():
    sim, clock = SimulatedCamera(), FakeClock()
    cap = _service(sim, clock)
    assert cap.step() and cap.status().state is CameraState.RUNNING
    sim.set_fault("disconnect", after=2)
    assert cap.step() and cap.step()
    assert not cap.step()                         # cable pulled
    status = cap.status()
    assert status.state is CameraState.RECONNECTING and status.retry_in_s == 0.5
    opens = sim.open_attempts
    assert not cap.step()                         # back-off not over: no attempt
    assert sim.open_attempts == opens
    clock.advance(0.5)
    assert not cap.step()                         # still unplugged: attempt fails
    assert sim.open_attempts == opens + 1 and cap.status().retry_in_s == 1.0
    clock.advance(1.0)
    cap.step()
    assert cap.status().retry_in_s == 2.0         # the wait doubles ...
    for _ in range(5):
        clock.advance(cap.status().retry_in_s)
        cap.step()
    assert cap.status().retry_in_s == 4.0         # ... up to the limit
    sim.set_fault("none")                         # plugged back in
    clock.advance(4.0)
    assert cap.step()
    status = cap.status()
    assert status.state is CameraState.RUNNING and status.reconnects == 1
    assert status.last_error is None and status.ok


def test_no_camera_at_start_is_reported_not_raised():
    sim, clock = SimulatedCamera(), FakeClock()
    sim.set_fault("no_camera")
    cap = _service(sim, clock)
    assert not cap.step()
    status = cap.status()
    assert status.state is CameraState.RECONNECTING and not status.ok
    assert "no camera" in status.last_error
    sim.set_fault("none")
    cap.retry_now()
    assert cap.step()


def test_black_frames_mark_the_camera_dark():
    sim, clock = SimulatedCamera(), FakeClock()
    cap = _service(sim, clock)
    cap.step()
    assert not cap.status().dark
    sim.set_fault("black")
    cap.step()
    status = cap.status()
    assert status.dark and not status.ok
    assert status.as_dict()["state"] == "running" and status.as_dict()["ok"] is False


def test_worker_thread_delivers_frames_and_stop_forgets_them():
    sim = SimulatedCamera()
    cap = CaptureService(sim, FakeClock(), fps=60)
    seen: list[int] = []
    got = threading.Event()

    def analyser(_frame, seq):
        seen.append(seq)
        if seq >= 3:
            got.set()

    cap.add_analyser(analyser)
    assert cap.latest()[1] >= 0                  # first use starts the worker
    assert got.wait(5.0)
    assert cap._thread is not None and cap._thread.name == "camera-capture"
    frame, seq = cap.wait_frame(0, 5.0)
    assert frame is not None and seq >= 1
    cap.autostart = False
    cap.stop()
    assert cap._thread is None
    assert cap.latest()[0] is None                # the last picture is not kept
    assert cap.status().state is CameraState.STOPPED
    assert seen == sorted(seen)


def test_missing_device_cannot_be_opened(tmp_path):
    source = OpenCVSource(str(tmp_path / "no-such-camera"))
    try:
        source.open()
    except CameraUnavailable as exc:
        assert exc.exit_code == 3
    else:
        raise AssertionError("opened a camera that does not exist")


def test_playlist_ends():
    from devices.camera.frames import playlist

    frames = iter([synth.blank_frame(10), synth.blank_frame(20)])
    sim = SimulatedCamera(frames=frames)
    cap = _service(sim, FakeClock())
    assert cap.step() and cap.step()
    assert not cap.step()
    assert cap.status().state is CameraState.ENDED
    assert list(playlist([], repeat=3)) == []


def test_preview_is_small_and_mirrored():
    from devices.camera.preview import preview

    frame = synth.blank_frame(0)
    frame[:, :10] = 255                            # a bright strip on the left
    data, (w, h) = preview(frame, max_width=320, flip_vertical=False)
    assert (w, h) == (320, 240) and len(data) == 320 * 240 * 3
    row = __import__("numpy").frombuffer(data, "uint8").reshape(h, w, 3)[0]
    assert row[-1].max() == 255 and row[0].max() == 0   # now on the right


def _until(pred, timeout_s: float = 5.0) -> None:
    """Poll (not sleep out a time-out) until pred() holds."""
    deadline = time.monotonic() + timeout_s
    while not pred():
        assert time.monotonic() < deadline, "condition never held"
        time.sleep(0.002)


def test_an_analyser_bug_is_supervised_and_capture_goes_on(caplog):
    sim, clock = SimulatedCamera(), FakeClock()
    cap = CaptureService(sim, clock, fps=60, backoff_s=0.5, backoff_max_s=4.0)
    calls = []

    def buggy(_frame, _seq):
        calls.append(_seq)
        if len(calls) == 1:
            raise RuntimeError("李晓梅 110105198503123620")    # personal data in a message

    caplog.set_level(logging.ERROR, logger="devices.camera.capture")
    cap.add_analyser(buggy)
    cap.start()
    try:
        _until(lambda: cap.status().state is CameraState.RECONNECTING)
        status = cap.status()
        assert status.last_error.startswith("unexpected RuntimeError at test_capture.py:")
        assert status.retry_in_s == 0.5 and not status.ok
        [record] = [r for r in caplog.records if r.msg.startswith("device worker fault")]
        line = JsonFormatter().format(record)
        assert json.loads(line)["device"] == "camera" and "李晓梅" not in line
        clock.advance(0.5)                        # the back-off passes on the injected clock
        _until(lambda: len(calls) >= 3)
        assert cap.status().state is CameraState.RUNNING and cap._thread.is_alive()
        assert cap.supervisor.faults == 1
    finally:
        cap.stop()
