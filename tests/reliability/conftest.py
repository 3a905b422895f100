"""The short runs, once per test session; each test judges one figure of them.

KIOSK_RELIABILITY_SESSIONS and KIOSK_RELIABILITY_SEED change the short fault run
(the long forms are `python -m tests.reliability ...`, see docs/reliability.md).
"""

from __future__ import annotations

import json
import os

import pytest

from tests.reliability import faults, soak
from tests.reliability.pii import save_people

SHORT_SESSIONS = len(faults.FAULTS)            # every fault at least once
SHORT_SOAK_SESSIONS = 1


@pytest.fixture(scope="session")
def fault_run(tmp_path_factory: pytest.TempPathFactory) -> faults.Figures:
    sessions = int(os.environ.get("KIOSK_RELIABILITY_SESSIONS", SHORT_SESSIONS))
    seed = int(os.environ.get("KIOSK_RELIABILITY_SEED", "1"))
    workdir = tmp_path_factory.mktemp("faults") / "run"
    fig = faults.run(sessions, seed, workdir)
    save_people(fig.people, workdir)
    (workdir.parent / "figures.json").write_text(json.dumps(fig.summary(), ensure_ascii=False))
    return fig


@pytest.fixture(scope="session")
def soak_run(tmp_path_factory: pytest.TempPathFactory) -> soak.SoakFigures:
    workdir = tmp_path_factory.mktemp("soak") / "run"
    fig = soak.run(workdir, SHORT_SOAK_SESSIONS, seed=1)
    save_people(fig.people, workdir)
    (workdir.parent / "figures.json").write_text(json.dumps(fig.summary(), ensure_ascii=False))
    return fig
