"""What every console page needs: the templates, the signed-in session, CSRF, the
language, and answers with the console's security headers.

Forms are read from the urlencoded body here (no multipart parser is needed); every
POST must carry the session's CSRF token (the sign-in form a token of its own in a
short cookie), and a POST whose Origin is another site is refused before that.
"""

from __future__ import annotations

import datetime as dt
import hmac
import secrets
import sqlite3
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from central.console import accounts, audit
from central.console.accounts import Session
from central.console.errors import BadForm, Forbidden
from central.console.texts import text

HERE = Path(__file__).parent
COOKIE = "console_session"
PRE_COOKIE = "console_signin"
LANG_COOKIE = "console_lang"
MAX_FORM = 64 * 1024
CSP = ("default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
       "frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


class NeedSignIn(Exception):
    """No live session: the page sends the browser to the sign-in form."""


@lru_cache(maxsize=1)
def templates() -> Any:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(HERE / "templates"),
                      autoescape=select_autoescape(["html", "svg"]), trim_blocks=True,
                      lstrip_blocks=True)
    env.filters["local"] = local_time
    return env


def local_time(stamp: str) -> str:
    """A stored UTC time as the halls read it (China time, to the second)."""
    from central.db import CHINA

    try:
        moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except ValueError:
        return stamp
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(CHINA).strftime("%Y-%m-%d %H:%M:%S")


def conn_of(request: Request) -> sqlite3.Connection:
    return request.app.state.db


def now(request: Request) -> dt.datetime:
    return request.app.state.clock()


def lang_of(request: Request) -> str:
    return "en" if request.cookies.get(LANG_COOKIE) == "en" else "zh"


def source(request: Request) -> str:
    return request.client.host if request.client else "-"


def session(request: Request) -> Session:
    found = accounts.session_of(conn_of(request), request.cookies.get(COOKIE), now(request))
    if found is None:
        raise NeedSignIn()
    return found


def require(request: Request, user: Session, action: str, target: str | None = None) -> None:
    """Forbidden (and audited) unless the user's role may do action."""
    if not user.may(action):
        audit.record(conn_of(request), now(request), user.user, "refused", target,
                     f"{action} needs another role than {user.role}", source(request))
        raise Forbidden("forbidden")


async def form(request: Request, user: Session | None = None) -> dict[str, str]:
    """The POST's fields, after the Origin and CSRF checks."""
    origin = request.headers.get("origin")
    if origin and origin != f"{request.url.scheme}://{request.url.netloc}":
        raise BadForm("csrf")
    raw = await request.body()
    if len(raw) > MAX_FORM:
        raise BadForm("csrf")
    fields = {k: v[0] for k, v in parse_qs(raw.decode("utf-8", "replace"),
                                          keep_blank_values=True).items()}
    expected = user.csrf if user else request.cookies.get(PRE_COOKIE, "")
    given = fields.get("csrf", "")
    if not expected or not hmac.compare_digest(given.encode(), expected.encode()):
        audit.record(conn_of(request), now(request), user.user if user else None,
                     "refused", request.url.path, "form without its CSRF token",
                     source(request))
        raise BadForm("csrf")
    return fields


def headers(response: Response) -> Response:
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cache-Control"] = "no-store"
    return response


def render(request: Request, name: str, user: Session | None, status: int = 200,
           title_count: int | None = None, **context: Any) -> HTMLResponse:
    lang = lang_of(request)
    html = templates().get_template(name).render(
        t=lambda key: text(key, lang), lang=lang, user=user, path=request.url.path,
        query=request.url.query, refresh_ms=request.app.state.console_refresh_ms,
        title_count=title_count, **context)
    return headers(HTMLResponse(html, status_code=status))


def redirect(to: str) -> Response:
    return headers(RedirectResponse(to, status_code=303))


def set_session_cookie(request: Request, response: Response, token: str,
                       expires_at: str) -> None:
    expires = dt.datetime.strptime(expires_at, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)
    response.set_cookie(COOKIE, token, max_age=accounts.SESSION_S, expires=expires,
                        path="/console", secure=request.app.state.console_secure,
                        httponly=True, samesite="strict")


def sign_in_token(request: Request) -> str:
    """The sign-in form's CSRF token: the one its cookie holds, else a new one."""
    return request.cookies.get(PRE_COOKIE) or secrets.token_urlsafe(24)


def set_sign_in_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(PRE_COOKIE, token, max_age=1800, path="/console",
                        secure=request.app.state.console_secure, httponly=True,
                        samesite="strict")
