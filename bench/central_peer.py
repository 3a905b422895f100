"""The textbook catalog endpoint the reference platform is compared with.

OFFSET/LIMIT paging, each stored document decoded and handed to FastAPI to
serialise (what a response model or a plain dict return does), no signing.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from fastapi import FastAPI


def peer_app(db_path: Path) -> FastAPI:
    app = FastAPI(openapi_url=None)
    conn = sqlite3.connect(db_path, check_same_thread=False)

    @app.get("/jobs")
    def jobs(offset: int = 0, limit: int = 500) -> dict[str, Any]:
        rows = conn.execute("SELECT doc, updated_at FROM feed_items WHERE kind = 'jobs' "
                            "ORDER BY updated_at, id LIMIT ? OFFSET ?",
                            (limit, offset)).fetchall()
        items = [{**json.loads(doc), "updated_at": stamp} for doc, stamp in rows]
        return {"items": items, "next_offset": offset + len(items),
                "has_more": len(items) == limit}

    return app
