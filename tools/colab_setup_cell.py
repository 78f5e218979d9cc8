"""모든 장의 준비 셀(태그 ``setup``)에 Colab용 부트스트랩을 넣는다: dlbook이 없으면 학생 키트와 데이터 패키지를 설치한다.

    python tools/colab_setup_cell.py [--root 저장소] [--kit-url URL | --ref refs/tags/v0.1.0]   # solutions/chNN/*.ipynb를 고친다
    python tools/colab_setup_cell.py --check                                                 # 고칠 것이 있으면 종료 코드 1

고친 뒤에는 ``python -m grader release``로 chapters/를 다시 만든다. 두 번 실행해도 결과가 같다 (idempotent):
이미 들어 있는 부트스트랩은 지우고 새로 넣는다 (키트 주소가 바뀌었으면 그것만 바뀐다).

키트 주소는 --kit-url, 없으면 _config.yml의 repository.url(공개 학생 저장소, GitHub)에서
``{url}/archive/{ref}.zip``으로 만든다 (ref 기본값 ``refs/heads/{repository.branch}``; 고정하려면 태그를 준다).
둘 다 없으면 셀은 주소 없이 들어가고, dlbook이 없는 곳에서는 한국어 안내와 함께 멈춘다. 환경 변수
``DLBOOK_KIT``는 언제나 주소를 덮어쓴다 (시험용 로컬 서버, 다른 판).

The rewrite touches only the cell tagged ``setup``: a ``try: import dlbook / except ImportError:`` block
replaces the first ``import dlbook`` line, and ``dlbook.report_versions(info)`` follows ``print(info)``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent

BEGIN = "try:\n    import dlbook\nexcept ImportError:"
BOOTSTRAP = '''try:
    import dlbook
except ImportError:  # Colab처럼 dlbook이 없는 곳: 학생 키트와 데이터 패키지를 설치한다
    import os, subprocess, sys
    kit = os.environ.get("DLBOOK_KIT", {url})
    if not kit:
        raise ModuleNotFoundError("dlbook이 없다: 학생 키트의 README대로 설치한다 (pip install 키트폴더)")
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", kit], check=True)
    import dlbook
    dlbook.install_data()
'''
OLD_BOOTSTRAP = re.compile(r"try:\n    import dlbook\nexcept ImportError:.*?\n    dlbook\.install_data\(\)\n", re.S)
REPORT = "dlbook.report_versions(info)  # TensorFlow/Keras 버전이 이 책과 같은지 알린다\n"


def kit_url(root: Path, ref: str | None = None) -> str:
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8")) or {}
    repo = config.get("repository") or {}
    url = (repo.get("url") or "").strip().rstrip("/")
    if not url:
        return ""
    return f"{url}/archive/{ref or 'refs/heads/' + (repo.get('branch') or 'main')}.zip"


def rewrite_source(source: str, url: str) -> str:
    """준비 셀 소스 하나를 고친다 (이미 고친 것에 다시 해도 같은 결과)."""
    if not source.endswith("\n"):
        source += "\n"
    source = OLD_BOOTSTRAP.sub("import dlbook\n", source, count=1)
    source = re.sub(r"^dlbook\.report_versions\(info\).*\n", "", source, flags=re.M)
    if not re.search(r"^import dlbook\n", source, re.M):
        raise ValueError("준비 셀에 'import dlbook' 줄이 없다")
    source = re.sub(r"^import dlbook\n", lambda _m: BOOTSTRAP.format(url=json.dumps(url)), source, count=1, flags=re.M)
    if not re.search(r"^print\(info\)\n", source, re.M):
        raise ValueError("준비 셀에 'print(info)' 줄이 없다")
    return source + REPORT if source.endswith("print(info)\n") else \
        re.sub(r"^print\(info\)\n", lambda _m: "print(info)\n" + REPORT, source, count=1, flags=re.M)


def rewrite_notebook(path: Path, url: str, *, write: bool) -> bool:
    """노트북 하나의 준비 셀을 고친다. 바뀌는 것이 있으면 True (write=False면 쓰지 않는다)."""
    text = path.read_text(encoding="utf-8")
    nb = json.loads(text)
    cells = [c for c in nb["cells"] if c["cell_type"] == "code" and "setup" in c["metadata"].get("tags", [])]
    if len(cells) != 1:
        raise ValueError(f"{path}: 'setup' 태그가 붙은 코드 셀이 {len(cells)}개다 (하나여야 한다)")
    cell = cells[0]
    old = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
    new = rewrite_source(old, url).rstrip("\n")  # 노트북 셀은 끝 줄바꿈 없이 저장한다
    if new == old:
        return False
    cell["source"] = new.splitlines(keepends=True) if isinstance(cell["source"], list) else new
    if write:
        path.write_text(json.dumps(nb, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return True


def notebooks(root: Path) -> list[Path]:
    return sorted(p for p in (root / "solutions").glob("ch[0-9][0-9]/ch[0-9][0-9]_*.ipynb"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="저장소 (기본: 이 파일의 저장소)")
    parser.add_argument("--kit-url", help="학생 키트의 pip 주소 (기본: _config.yml의 repository.url에서)")
    parser.add_argument("--ref", help="GitHub 주소의 ref (기본 refs/heads/<branch>; 예: refs/tags/v0.1.0)")
    parser.add_argument("--check", action="store_true", help="고치지 않고, 고칠 것이 있으면 1로 끝난다")
    args = parser.parse_args(argv)
    url = args.kit_url if args.kit_url is not None else kit_url(args.root, args.ref)
    changed = [p for p in notebooks(args.root) if rewrite_notebook(p, url, write=not args.check)]
    for path in changed:
        print(("고칠 것: " if args.check else "고침: ") + str(path.relative_to(args.root)))
    if not changed:
        print(f"준비 셀 {len(notebooks(args.root))}개가 모두 최신이다 (키트 주소 {url!r})")
    elif not args.check:
        print("이제 `python -m grader release`로 chapters/를 다시 만든다")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
