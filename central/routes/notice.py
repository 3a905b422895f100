"""The public notice of services (服务公示) as a synced collection."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from central.feeds import page
from central.routes.catalog import Cursor, Limit
from central.routes.common import db, signed_router

router = signed_router()


@router.get("/notices")
def notices(request: Request, cursor: Cursor = "", limit: Limit = 500) -> Response:
    """Service notices and the centre's channels and hours changed after the cursor."""
    return Response(page(db(request), "notices", cursor, limit), media_type="application/json")
