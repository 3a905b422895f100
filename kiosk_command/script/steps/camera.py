"""Script steps for the camera simulator: hold up a QR code or a face, break the camera."""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from kiosk_command.script.context import ScriptContext, ScriptFailure

IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".bmp", ".webp"}


def _sim(ctx: ScriptContext) -> Any:
    sim = ctx.core.simulators.camera if ctx.core else None
    if sim is None:
        raise ScriptFailure("the camera is not simulated in this run")
    return sim


def _path(ctx: ScriptContext, name: str) -> Path:
    path = Path(name)
    return path if path.is_absolute() else ctx.workdir / path


def _is_image(ctx: ScriptContext, text: str) -> bool:
    return Path(text).suffix.lower() in IMAGE_SUFFIXES and _path(ctx, text).is_file()


def show_qr(ctx: ScriptContext, arg: Any) -> None:
    """Hold up a code: "payload", a picture path, or {"payload": ..., "angle": 30, "blur": 1}.

    Look keys: size, angle, tilt, blur, noise, contrast, glare, dx, dy
    (devices.camera.synth.QrLook).
    """
    from devices.camera.synth import QrLook

    sim = _sim(ctx)
    if isinstance(arg, str) and _is_image(ctx, arg):
        sim.show_image(_path(ctx, arg))
        return
    spec = {"payload": arg} if isinstance(arg, str) else dict(arg or {})
    payload = spec.pop("payload", None)
    if not payload:
        raise ScriptFailure('show_qr needs a payload: "text" or {"payload": "text", ...}')
    known = {f.name for f in fields(QrLook)}
    unknown = set(spec) - known
    if unknown:
        raise ScriptFailure(f"unknown QR look {sorted(unknown)}; known: {sorted(known)}")
    sim.show_qr(str(payload), QrLook(**spec))


def show_face(ctx: ScriptContext, arg: Any) -> None:
    """Stand in front of the camera: "photo.jpg" or {"image": ..., "size": 0.3, "dx": 0}."""
    spec = {"image": arg} if isinstance(arg, str) else dict(arg or {})
    image = spec.pop("image", None)
    if not image:
        raise ScriptFailure('show_face needs an image: "face.jpg" or {"image": "face.jpg"}')
    _sim(ctx).show_face(_path(ctx, image), **spec)


def camera_clear(ctx: ScriptContext, _arg: Any) -> None:
    """Nobody in front of the camera."""
    _sim(ctx).clear()


def camera_fault(ctx: ScriptContext, arg: Any) -> None:
    """"no_camera", "black", "disconnect" (or {"mode": "disconnect", "after": 5}), or "none"."""
    spec = {"mode": arg} if isinstance(arg, str) or arg is None else dict(arg)
    mode = spec.get("mode") or "none"
    try:
        _sim(ctx).set_fault(mode, int(spec.get("after", 0)))
    except ValueError as exc:
        raise ScriptFailure(str(exc)) from exc
    if mode == "none" and ctx.core.camera is not None:
        ctx.core.camera.retry_now()   # plugged back in: no need to wait for the back-off


def expect_camera(ctx: ScriptContext, state: str) -> Any:
    """Wait until the camera status is this state (running, reconnecting, stopped)."""
    camera = ctx.core.camera
    if camera is None:
        raise ScriptFailure("no camera in this run")
    return lambda: camera.status().state.value == state


STEPS = {"show_qr": show_qr, "show_face": show_face, "camera_clear": camera_clear,
         "camera_fault": camera_fault, "expect_camera": expect_camera}
