"""The reference platform's HTTP application (FastAPI over SQLite)."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi import FastAPI

from central.db import connect


def create_app(db_path: Path) -> FastAPI:
    """The application serving the kiosk API under /api/v1."""
    app = FastAPI(title="Employment platform (reference)", version="1")
    app.state.db = connect(db_path)

    @app.get("/api/v1/health")
    def health() -> dict[str, object]:
        """Unsigned liveness check with the server's clock."""
        return {"status": "ok", "server_time": round(time.time(), 3)}

    return app
