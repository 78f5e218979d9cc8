"""공용 fixture: 저장소 경로, 빌드한 책, 작은 nbgrader 노트북 만들기."""
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


def _build_book(edition: str) -> Path:
    """책의 한 판을 빌드하고 HTML 폴더를 돌려준다. DLBOOK_BOOK_BUILT=1이면 이미 있는 결과를 쓴다.

    두 판은 노트북 실행 캐시(.jupyter_cache)를 함께 쓰므로, 먼저 빌드한 판이 노트북을 실행하면 다음 판은 다시
    실행하지 않는다. 책 테스트는 xdist_group("book")으로 한 작업자에서 돌아 두 빌드가 겹치지 않는다.
    """
    html = ROOT / "_build" / "html" if edition == "student" else ROOT / "_build" / edition / "html"
    if os.environ.get("DLBOOK_BOOK_BUILT") == "1":
        if not (html / "index.html").exists():
            pytest.fail(f"DLBOOK_BOOK_BUILT=1인데 {html.relative_to(ROOT)}가 없다: "
                        f"`make book EDITION={edition}`을 먼저 실행하라")
        return html
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "book.py"), "build", "--edition", edition],
                            cwd=ROOT, capture_output=True, text=True, timeout=2700)  # 안전 장치: CI(90분) 안에서 멈춘다
    assert result.returncode == 0, (
        f"책({edition}) 빌드가 실패했다 (종료 코드 {result.returncode}):\n"
        f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}"
    )
    return html


@pytest.fixture(scope="session")
def built() -> Path:
    """학생용 판 (_build/html). 한 세션에 한 번 빌드한다: test_book, test_browser, test_editions가 함께 쓴다.

    이 fixture를 쓰는 테스트는 `pytest.mark.xdist_group("book")`을 달아 한 작업자에 모인다 (빌드가 두 번 돌지 않게).
    """
    return _build_book("student")


@pytest.fixture(scope="session")
def built_instructor(built) -> Path:
    """강사용 판 (_build/instructor/html). 학생용 판을 먼저 빌드해 실행 캐시를 채운다."""
    return _build_book("instructor")
