"""Scenes and steps of the public notice (公示公告) and the attract screen's notice cards."""

from __future__ import annotations

from typing import Any

from kiosk.flows.notice.flow import NoticeFlow
from kiosk_command.script.context import ScriptContext, ScriptFailure
from kiosk_command.script.steps.scenes import catalog, home

REGISTRATION = "N01"           # the demo notice of job-seeker registration


def _flow(ctx: ScriptContext) -> NoticeFlow:
    return ctx.core.flow("notice", NoticeFlow)


def _synced(ctx: ScriptContext) -> None:
    """The catalog with the platform's notices (synced once per run, like the others)."""
    catalog(ctx)
    service = ctx.core.platform
    if service is not None and service.catalog.data_as_of("notices") is None:
        service.sync()


def _list(ctx: ScriptContext) -> None:
    home(ctx)
    _synced(ctx)
    ctx.app.go("notice")


def _service(ctx: ScriptContext, end: bool = False) -> None:
    home(ctx)
    _synced(ctx)
    _flow(ctx).choose(REGISTRATION)
    ctx.app.go("notice_service")
    if end:
        ctx.app.screen("notice_service").ids.scroll.scroll_y = 0


def _centre(ctx: ScriptContext) -> None:
    home(ctx)
    _synced(ctx)
    ctx.app.go("notice_centre")


def _attract(ctx: ScriptContext) -> None:
    """The idle terminal showing its first notice card."""
    _synced(ctx)
    ctx.app.go("attract")
    ctx.app.screen("attract").show_card()


def notice_set(ctx: ScriptContext, arg: dict[str, Any]) -> None:
    """{"id", "field", "value"}: staff change a notice on the platform (as
    `kiosk central notice set` does); terminals see it after their next sync."""
    if ctx.platform is None:
        raise ScriptFailure("this script runs without the platform (\"platform\": false)")
    from central.db import connect
    from central.notices import NoticeError, parse_value, set_field

    value = arg["value"]
    conn = connect(ctx.platform.store)
    try:
        set_field(conn, arg["id"], arg["field"],
                  parse_value(arg["field"], value) if isinstance(value, str) else value)
    except NoticeError as exc:
        raise ScriptFailure(f"notice_set: {exc}") from None
    finally:
        conn.close()


SCENES = {"notice": _list, "notice_service": _service,
          "notice_service_end": lambda ctx: _service(ctx, end=True),
          "notice_centre": _centre, "attract_notice": _attract}
STEPS = {"notice_set": notice_set}
