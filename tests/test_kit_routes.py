"""학생 길의 끝에서 끝까지 (선택: make test에 들지 않는다). 새 가상환경에 TensorFlow를 pip로 설치하고 장을 실행하므로
부하가 없는 2코어에서도 장마다 몇 분 걸린다. 켜려면:

    DLBOOK_KIT_ROUTES=1 DLBOOK_KIT_PYTHON=~/.pyenv/versions/3.12.1/bin/python \\
        .venv/bin/python -m pytest -p no:cacheprovider tests/test_kit_routes.py

가상환경은 DLBOOK_KIT_VENVS(기본 /tmp/dlbook-kit-venvs) 아래에 남겨 다음 실행이 다시 쓴다. 같은 일을 하는 명령은
tools/kit_smoke.py (colab, nbval, nomake).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("kit-routes"),
    pytest.mark.skipif(os.environ.get("DLBOOK_KIT_ROUTES") != "1", reason="선택 시험: DLBOOK_KIT_ROUTES=1로 켠다"),
]
PYTHON = os.path.expanduser(os.environ.get("DLBOOK_KIT_PYTHON", sys.executable))
VENVS = Path(os.environ.get("DLBOOK_KIT_VENVS", "/tmp/dlbook-kit-venvs"))


def _smoke(route: str, venv: str, *extra: str) -> None:
    result = subprocess.run([sys.executable, str(ROOT / "tools" / "kit_smoke.py"), route, "--venv", str(VENVS / venv),
                             "--python", PYTHON, *extra], capture_output=True, text=True, timeout=3600)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-6000:]


def test_colab_like_route_runs_chapters_1_and_6_from_the_setup_cell():
    _smoke("colab", "colab", "--chapters", "ch01,ch06")


def test_kit_install_runs_chapter_1_under_nbval():
    _smoke("nbval", "kit", "--chapters", "ch01")


def test_kit_route_needs_neither_make_nor_bash():
    _smoke("nomake", "kit")
