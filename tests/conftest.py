"""공용 fixture: 저장소 경로, 장 목록, 작은 nbgrader 노트북 만들기, 빌드한 책."""
from __future__ import annotations

import os
import subprocess
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


@pytest.fixture(scope="session")
def built() -> Path:
    """책을 한 번 빌드한 _build/html (test_book.py, test_ko_search.py가 함께 쓴다).

    이것을 쓰는 테스트는 `pytest.mark.xdist_group("book")`을 달아 한 작업자에서만 빌드되게 한다.
    이미 빌드했다면 `DLBOOK_BOOK_BUILT=1`로 `_build/html`을 그대로 쓴다.
    """
    html = ROOT / "_build" / "html"
    if os.environ.get("DLBOOK_BOOK_BUILT") == "1":
        if not (html / "index.html").exists():
            pytest.fail("DLBOOK_BOOK_BUILT=1인데 _build/html이 없다: `make book`을 먼저 실행하라")
        return html
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "book.py"), "build"],
                            cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, (
        f"책 빌드가 실패했다 (종료 코드 {result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )
    return html
