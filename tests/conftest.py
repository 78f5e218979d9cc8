"""공용 fixture: 저장소 경로, 장 목록, 작은 nbgrader 노트북 만들기."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT

from helpers import make_repo  # noqa: E402


@pytest.fixture
def toy_repo(tmp_path) -> Path:
    return make_repo(tmp_path / "repo")
