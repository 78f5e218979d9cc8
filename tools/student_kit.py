"""학생 키트: 학생에게 주는 배포본을 만들고, 비밀이 없는지 검사한다.

    python tools/student_kit.py build [--out _build/student-kit]   # 폴더 dlbook-student/ 와 dlbook-student.zip
    python tools/student_kit.py audit 폴더또는zip                   # 새어 나간 것이 있으면 목록을 찍고 종료 코드 1

키트에 드는 것은 배포된 장(chapters/), 라이브러리 dlbook/, 학생용 pyproject.toml(dlbook만, 강사용 의존성 없음)과
README.md(tools/kit/README.md)뿐이다. 공개 저장소로 그대로 올릴 수 있는 폴더이고, 같은 내용의 zip도 만든다.

키트의 노트북은 JupyterLab과 Colab에서 읽는다: 책(MyST)만 알아듣는 절 이름표 줄 ``(ch01:graph)=``은 빼고,
키트에 없는 책 쪽(``../../book/glossary.md``)으로 가는 링크는 "책 웹사이트의 「용어집」" 같은 글로 바꾼다
(``student_notebook``). 채점기는 답 셀만 학생 노트북에서 가져오므로 마크다운 셀을 바꾸어도 채점은 같다.

검사(audit)는 저장소의 강사용 원본과 대조한다. 키트에 있으면 안 되는 것:
- 풀이: solutions/의 ``### BEGIN SOLUTION`` … ``### END SOLUTION`` 안의 줄 가운데 학생용 노트북에 없는 줄
- 숨은 테스트: ``BEGIN HIDDEN TESTS`` 표시, 그 블록의 줄, ``*_hidden.py`` 파일과 그 내용(숨은 사례, 기준, 숨은 나누기의 시드)
- 강사용 판의 페이지: HTML 파일, 풀이 블록 표시(``data-grade-id``), ``_build/instructor``
- 채점기의 비밀: grader/ 패키지, nbgrader_config.py, gradebook.db, grading/ 폴더, tests/(틀린 답 예시 tests/wrong 포함)
"""
from __future__ import annotations

import argparse
import functools
import json
import re
import shutil
import sys
import tomllib
import zipfile
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
KIT_NAME = "dlbook-student"

SOLUTION = re.compile(r"### BEGIN SOLUTION[^\n]*\n(.*?)### END SOLUTION", re.S)
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS(.*?)### END HIDDEN TESTS", re.S)
MARKERS = ("BEGIN HIDDEN TESTS", "END HIDDEN TESTS", "### BEGIN SOLUTION", "data-grade-id", "DLBOOK_HIDDEN_DIR=")
FORBIDDEN_PARTS = {"solutions", "grader", "tests", "grading", "_build", "instructor", ".jupyter_cache", ".venv"}
FORBIDDEN_NAMES = {"nbgrader_config.py", "gradebook.db", "Makefile", "requirements.txt"}
FORBIDDEN_SUFFIXES = (".html", ".db", ".sqlite")


# ---------------------------------------------------------------------------------------------- build

def _kit_pyproject() -> str:
    """저장소의 pyproject.toml에서 학생용: 패키지는 dlbook만, extras는 lab만 (채점기·책·테스트 의존성 없음)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    q = json.dumps  # TOML의 기본 문자열은 JSON 문자열과 같은 꼴이다 (한글은 그대로)

    def array(items):
        return "[\n" + "".join(f"    {q(i, ensure_ascii=False)},\n" for i in items) + "]"

    lines = [
        "# 학생 키트의 패키지 정의 (tools/student_kit.py가 저장소의 pyproject.toml에서 만든다)",
        "[build-system]", 'requires = ["setuptools>=64"]', 'build-backend = "setuptools.build_meta"', "",
        "[project]", f"name = {q(project['name'])}", f"version = {q(project['version'])}",
        f"description = {q(project['description'], ensure_ascii=False)}", 'readme = "README.md"',
        f"requires-python = {q(project['requires-python'])}", 'license = { text = "MIT" }',
        f"dependencies = {array(project['dependencies'])}", "",
        "[project.optional-dependencies]",
        f"lab = {array(project['optional-dependencies']['lab'])}", "",
        "[tool.setuptools.packages.find]", 'include = ["dlbook*"]', "",
    ]
    return "\n".join(lines)


LABEL_LINE = re.compile(r"^\([A-Za-z0-9_.:-]+\)=[ \t]*\n?", re.M)
BOOK_LINK = re.compile(r"\[([^\]]+)\]\((?:\.\./)+book/[^)]+\.md\)")


def student_markdown(text: str) -> str:
    """마크다운 셀 하나를 JupyterLab·Colab용으로: MyST 이름표 줄을 빼고, 키트에 없는 책 쪽 링크를 글로 바꾼다."""
    text = LABEL_LINE.sub("", text)
    return BOOK_LINK.sub(lambda m: f"책 웹사이트의 「{m.group(1)}」", text)


def student_notebook(path: Path) -> str:
    """배포된 장 노트북을 키트용으로 고친 JSON 글 (마크다운 셀의 source만 바뀐다; 메타데이터와 코드 셀은 그대로)."""
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown":
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            new = student_markdown(source)
            if new != source:
                cell["source"] = new.splitlines(keepends=True)
    return json.dumps(nb, ensure_ascii=False, indent=1) + "\n"


def _kit_files() -> dict[str, Path]:
    """키트 안의 경로 → 저장소의 원본 파일."""
    files = {}
    for path in sorted((ROOT / "chapters").rglob("*.ipynb")):
        if ".ipynb_checkpoints" not in path.parts:
            files[path.relative_to(ROOT).as_posix()] = path
    for path in sorted((ROOT / "dlbook").rglob("*.py")):
        if "__pycache__" not in path.parts:
            files[path.relative_to(ROOT).as_posix()] = path
    files["README.md"] = ROOT / "tools" / "kit" / "README.md"
    return files


def build(out: Path) -> tuple[Path, Path]:
    """out/dlbook-student/ 폴더와 out/dlbook-student.zip을 새로 만들고 검사한다. 비밀이 보이면 SystemExit."""
    folder, archive = out / KIT_NAME, out / f"{KIT_NAME}.zip"
    if folder.exists():
        shutil.rmtree(folder)
    archive.unlink(missing_ok=True)
    folder.mkdir(parents=True)
    for rel, src in _kit_files().items():
        dst = folder / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix == ".ipynb":
            dst.write_text(student_notebook(src), encoding="utf-8")
        else:
            shutil.copyfile(src, dst)
    (folder / "pyproject.toml").write_text(_kit_pyproject(), encoding="utf-8")
    (folder / ".gitignore").write_text(".ipynb_checkpoints/\n__pycache__/\n*.egg-info/\nbuild/\n", encoding="utf-8")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                zf.write(path, f"{KIT_NAME}/{path.relative_to(folder).as_posix()}")
    problems = audit(folder) + audit(archive)
    if problems:
        raise SystemExit("학생 키트에 비밀이 있다 / secrets in the student kit:\n" + "\n".join(problems))
    return folder, archive


# ---------------------------------------------------------------------------------------------- audit

def _source(path: Path) -> str:
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) if isinstance(c["source"], list) else c["source"] for c in cells)
    return path.read_text(encoding="utf-8")


def _telling(block: str, allowed: str) -> set[str]:
    """블록의 줄 가운데 학생이 원래 받는 글(allowed)에 없는, 길이 있는 줄: 키트에 있으면 새어 나간 것이다."""
    lines = {line.strip() for line in block.splitlines()}
    return {line for line in lines if len(line) >= 8 and not line.startswith("#") and line not in allowed}


@functools.lru_cache(maxsize=4)
def solution_blocks(root: Path = ROOT) -> list[set[str]]:
    """답안 셀마다 풀이 줄의 집합 (학생용 노트북에 있는 줄은 뺀다)."""
    student = "\n".join(_source(p) for p in sorted((root / "chapters").rglob("*.ipynb")))
    return [_telling(block, student) for nb in sorted((root / "solutions").rglob("*.ipynb"))
            for block in SOLUTION.findall(_source(nb))]


@functools.lru_cache(maxsize=4)
def secrets(root: Path = ROOT) -> dict[str, set[str]]:
    """저장소의 비밀 줄: {"solution": …, "hidden": …, "grader": …}.

    풀이 줄 가운데 dlbook에도 있는 흔한 줄(``return out``)은 여기서 빠지고, 대신 audit이 한 파일에 같은 풀이의
    줄이 두 개 이상 있는지 따로 본다 (풀이 하나를 통째로 옮긴 것은 그렇게 잡힌다).
    """
    student = "\n".join(_source(p) for p in sorted((root / "chapters").rglob("*.ipynb")))
    library = "\n".join(_source(p) for p in sorted((root / "dlbook").rglob("*.py")))
    allowed = student + "\n" + library
    found = {"solution": set(), "hidden": set(), "grader": set()}
    for nb in sorted((root / "solutions").rglob("*.ipynb")):
        text = _source(nb)
        for block in SOLUTION.findall(text):
            found["solution"] |= _telling(block, allowed)
        for block in HIDDEN.findall(text):
            found["hidden"] |= _telling(block, allowed)
    for hidden in sorted((root / "solutions").rglob("*_hidden.py")):
        found["hidden"] |= _telling(hidden.read_text(encoding="utf-8"), allowed)
    for path in [*sorted((root / "grader").rglob("*.py")), root / "nbgrader_config.py"]:
        if path.exists():
            found["grader"] |= _telling(path.read_text(encoding="utf-8"), allowed)
    return found


def _members(kit: Path):
    """(키트 안의 경로, 글 또는 None) — 폴더든 zip이든."""
    if kit.is_file() and zipfile.is_zipfile(kit):
        with zipfile.ZipFile(kit) as zf:
            for name in zf.namelist():
                if not name.endswith("/"):
                    data = zf.read(name)
                    yield PurePosixPath(*PurePosixPath(name).parts[1:]) if name.startswith(f"{KIT_NAME}/") \
                        else PurePosixPath(name), data
    else:
        for path in sorted(kit.rglob("*")):
            if path.is_file():
                yield PurePosixPath(path.relative_to(kit).as_posix()), path.read_bytes()


def audit(kit: Path, root: Path = ROOT) -> list[str]:
    """키트(폴더 또는 zip)에서 새어 나간 것의 목록. 빈 목록이면 깨끗하다."""
    table = secrets(root)
    blocks = solution_blocks(root)
    problems = []
    for rel, data in _members(kit):
        where = f"{kit.name}:{rel}"
        if FORBIDDEN_PARTS & set(rel.parts[:-1]) or rel.name in FORBIDDEN_NAMES \
                or rel.name.endswith("_hidden.py") or rel.suffix in FORBIDDEN_SUFFIXES:
            problems.append(f"{where}: 강사용 파일 / instructor-only file")
        text = data.decode("utf-8", errors="replace")
        if rel.suffix == ".ipynb":
            try:
                cells = json.loads(text)["cells"]
                text = "\n".join("".join(c["source"]) for c in cells) + "\n" + text
            except (ValueError, KeyError, TypeError):
                pass
        for marker in MARKERS:
            if marker in text:
                problems.append(f"{where}: 표시 {marker!r}")
        lines = {line.strip() for line in text.splitlines()}
        for kind, secret in table.items():
            leaked = sorted(secret & lines)
            if leaked:
                problems.append(f"{where}: {kind} 줄 {len(leaked)}개, 예: {leaked[0]!r}")
        for block in blocks:
            hits = sorted(block & lines)
            if len(hits) >= 2:
                problems.append(f"{where}: 한 풀이의 줄 {len(hits)}개: {hits[:3]!r}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", type=Path, default=ROOT / "_build" / "student-kit")
    a = sub.add_parser("audit")
    a.add_argument("kit", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        folder, archive = build(args.out)
        files = sum(1 for p in folder.rglob("*") if p.is_file())
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(f"{folder} ({files}개 파일, {size / 1e6:.1f} MB), {archive} ({archive.stat().st_size / 1e6:.1f} MB): 비밀 없음")
        return 0
    problems = audit(args.kit)
    print("\n".join(problems) or "비밀 없음 / clean")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
