"""The console's pages under /console, and the one signed call terminals make to it
(a help request from the "call staff" button). install() puts them on the platform."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, FastAPI, Path, Request
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from central.console import accounts, audit, fleetview
from central.console.errors import BadForm, ConsoleError, Forbidden, SignInRefused
from central.console.web import (
    COOKIE,
    HERE,
    LANG_COOKIE,
    PRE_COOKIE,
    NeedSignIn,
    conn_of,
    form,
    headers,
    now,
    redirect,
    render,
    session,
    set_session_cookie,
    set_sign_in_cookie,
    sign_in_token,
    source,
)

router = APIRouter(prefix="/console", include_in_schema=False)
DeviceId = Annotated[str, Path(pattern=r"^[\x21-\x7e]{1,64}$")]


def install(app: FastAPI) -> None:
    """The console's routes, static files and error pages on the platform's app."""
    from central.console import routes_fleet, routes_guidance, routes_staff

    app.state.console_refresh_ms = getattr(app.state, "console_refresh_ms", 5000)
    app.state.console_secure = getattr(app.state, "console_secure", True)
    app.include_router(router)
    app.include_router(routes_fleet.router)
    app.include_router(routes_staff.router)
    app.include_router(routes_staff.api)
    app.include_router(routes_guidance.router)
    app.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")

    @app.exception_handler(NeedSignIn)
    async def to_sign_in(request: Request, _exc: NeedSignIn) -> Response:
        return redirect("/console/sign-in")

    @app.exception_handler(ConsoleError)
    async def refused(request: Request, exc: ConsoleError) -> Response:
        status = 403 if isinstance(exc, Forbidden | BadForm) else 400
        try:
            user = session(request)
        except NeedSignIn:
            user = None
        return render(request, "refused.html", user, status=status, reason=str(exc))


@router.get("")
def root() -> Response:
    return redirect("/console/overview")


@router.get("/sign-in")
def sign_in_page(request: Request) -> Response:
    return _sign_in_form(request, None)


def _sign_in_form(request: Request, error: str | None, status: int = 200) -> Response:
    token = sign_in_token(request)
    response = render(request, "sign_in.html", None, status=status, csrf=token, error=error)
    set_sign_in_cookie(request, response, token)
    return response


@router.post("/sign-in")
async def sign_in(request: Request) -> Response:
    from starlette.concurrency import run_in_threadpool

    fields = await form(request)
    name, conn, at = fields.get("name", "").strip(), conn_of(request), now(request)
    try:
        token, user = await run_in_threadpool(accounts.sign_in, conn, name,
                                              fields.get("password", ""), at)
    except SignInRefused as exc:
        audit.record(conn, at, name[:32] or None, "sign_in_refused", None, str(exc),
                     source(request))
        return _sign_in_form(request, str(exc), status=401)
    audit.record(conn, at, user.user, "sign_in", None, user.role, source(request))
    response = redirect("/console/overview")
    set_session_cookie(request, response, token, user.expires_at)
    response.delete_cookie(PRE_COOKIE, path="/console")
    return response


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    user = session(request)
    await form(request, user)
    accounts.sign_out(conn_of(request), request.cookies.get(COOKIE, ""))
    audit.record(conn_of(request), now(request), user.user, "sign_out", None, None,
                 source(request))
    response = redirect("/console/sign-in")
    response.delete_cookie(COOKIE, path="/console")
    return response


@router.get("/lang")
def language(request: Request, to: str = "zh", back: str = "/console/overview") -> Response:
    response = redirect(back if back.startswith("/console") and "//" not in back
                        else "/console/overview")
    response.set_cookie(LANG_COOKIE, "en" if to == "en" else "zh", max_age=365 * 86400,
                        path="/console", samesite="strict", httponly=True,
                        secure=request.app.state.console_secure)
    return response


@router.get("/audit")
def audit_page(request: Request, action: str = "") -> Response:
    user = session(request)
    if not user.may("audit"):
        raise Forbidden("forbidden")
    return render(request, "audit.html", user, entries=audit.entries(conn_of(request),
                                                                     action=action or None),
                  action=action, title_count=fleetview.open_alert_count(conn_of(request)))


@router.get("/users")
def users_page(request: Request) -> Response:
    user = session(request)
    if not user.may("accounts"):
        raise Forbidden("forbidden")
    return render(request, "users.html", user, users=accounts.users(conn_of(request)),
                  roles=accounts.ROLES,
                  title_count=fleetview.open_alert_count(conn_of(request)))


@router.post("/users")
async def change_user(request: Request) -> Response:
    """Admins add an account (with a first password to hand over) or change a role."""
    user = session(request)
    fields = await form(request, user)
    if not user.may("accounts"):
        audit.record(conn_of(request), now(request), user.user, "refused", "accounts",
                     f"accounts needs another role than {user.role}", source(request))
        raise Forbidden("forbidden")
    conn, name = conn_of(request), fields.get("name", "").strip()
    role = fields.get("role", "")
    if fields.get("action") == "add":
        accounts.add_user(conn, name, fields.get("password", ""), role, now(request))
        said = f"account added ({role})"
    else:
        said = f"{accounts.set_role(conn, name, role)} -> {role}"
    audit.record(conn, now(request), user.user, "user_" + (
        "add" if fields.get("action") == "add" else "role"), name, said, source(request))
    return redirect("/console/users")


@router.get("/complaints")
@router.get("/ratings")
def coming(request: Request) -> Response:
    return render(request, "coming.html", session(request))


def json_text(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True)


__all__ = ["router", "install", "headers", "json_text", "DeviceId"]
