"""장(chapter) 노트북의 연습문제를 노트북 실행 없이 채점기(check)로 시험하는 도우미.

모든 것은 강사용 노트북에서 읽는다:

- 답 셀(``nbgrader.solution``)의 grade_id와 소스,
- 테스트 셀의 ``check("<연습문제 id>", <함수 이름>)`` 호출 → 답 셀마다 (연습문제 id, 함수 이름) 목록,
- ``setup`` 태그가 붙은 준비 셀 → 답 셀이 쓰는 이름들 (np, tf, keras …).

그래서 새 장은 노트북과 ``tests/wrong/<장>/``만 더하면 ``tests/dlbook/test_exercises.py``가 시험한다.
"""
from __future__ import annotations

import contextlib
import functools
import io
import json
import linecache
import re
from dataclasses import dataclass
from pathlib import Path

from grader import _paths

ROOT = Path(__file__).resolve().parents[1]
WRONG = ROOT / "tests" / "wrong"
CHECK_CALL = re.compile(r'^check\("([^"]+)",\s*([A-Za-z_]\w*)\s*(,\s*hidden=True\s*)?\)\s*$', re.M)
TEST_SUFFIX = re.compile(r"-tests-\d+$")


def source_of(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def nbgrader_of(cell: dict) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {})


@dataclass(frozen=True)
class Chapter:
    name: str
    notebook: Path
    answers: dict          # 답 셀 grade_id → 소스
    checks: dict           # 답 셀 grade_id → [(연습문제 id, 함수 이름), …] (공개 검사 순서)
    setup_source: str      # setup 태그 셀들을 이은 소스

    @property
    def hidden_dir(self) -> Path:
        return self.notebook.parent

    def exercises(self) -> list[tuple[str, str, str]]:
        """(답 셀 grade_id, 연습문제 id, 함수 이름) 전부."""
        return [(gid, ex_id, func) for gid, pairs in self.checks.items() for ex_id, func in pairs]


@functools.cache
def chapter(name: str) -> Chapter:
    path = _paths.source_notebook(name, ROOT)
    nb = json.loads(path.read_text(encoding="utf-8"))
    answers, checks, setup = {}, {}, []
    for cell in nb["cells"]:
        meta = nbgrader_of(cell)
        if "setup" in cell.get("metadata", {}).get("tags", []):
            setup.append(source_of(cell))
        if meta.get("solution") and cell["cell_type"] == "code":
            answers[meta["grade_id"]] = source_of(cell)
        elif meta.get("grade"):
            base = TEST_SUFFIX.sub("", meta["grade_id"])
            for ex_id, func, hidden in CHECK_CALL.findall(source_of(cell)):
                pair = (ex_id, func)
                if not hidden and pair not in checks.setdefault(base, []):
                    checks[base].append(pair)
    return Chapter(name, path, answers, checks, "\n\n".join(setup))


def chapters() -> list[str]:
    return _paths.all_chapters(ROOT)


@functools.cache
def libraries(name: str) -> dict:
    """준비 셀(setup 태그)을 실행한 이름 공간: 답 셀은 이 이름들만 쓸 수 있다 (채점기도 같다)."""
    ch = chapter(name)
    namespace: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(ch.setup_source, f"<{name} setup>", "exec"), namespace)  # noqa: S102
    return namespace


def define(source: str, label: str, base: dict) -> dict:
    """셀 소스를 실행해 이름 공간을 돌려준다. inspect.getsource가 되도록 linecache에 올린다
    (노트북에서는 IPython이 같은 일을 한다: 숨은 검사가 함수 소스를 읽기도 한다)."""
    filename = f"<{label}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = dict(base)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - 시험할 답 셀
    return namespace


def wrong_files(name: str) -> list[Path]:
    return sorted((WRONG / name).glob("*.py"))


def wrong_target(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """틀린 구현 파일이 덮어쓰는 답 셀 grade_id와, 그 파일이 틀리게 만든 (연습문제 id, 함수 이름)들.

    파일 형식: 첫 줄 ``# overrides: <grade_id>``, 둘째 줄 ``# why: …``, 그다음 틀린 함수만.
    파일 이름은 ``<grade_id>--<무엇이 틀렸나>.py``.
    """
    name = path.parent.name
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    match = re.fullmatch(r"# overrides: (\S+)", lines[0]) if lines else None
    assert match, f"{path.name}: 첫 줄은 '# overrides: <grade_id>'"
    assert len(lines) > 1 and lines[1].startswith("# why: "), f"{path.name}: 둘째 줄은 '# why: ...'"
    gid = match.group(1)
    assert path.name.startswith(f"{gid}--"), f"{path.name}: 이름은 '{gid}--…'로 시작해야 한다"
    checks = chapter(name).checks
    assert gid in checks, f"{path.name}: {name}에 답 셀 {gid}가 없다"
    defined = set(re.findall(r"^def (\w+)\(", text, re.M))
    targets = [pair for pair in checks[gid] if pair[1] in defined]
    assert targets and defined == {f for _, f in targets}, \
        f"{path.name}: 이 답 셀의 채점 대상 함수만 정의해야 한다 (정의: {sorted(defined)})"
    return gid, targets


def _wrong_namespace(path: Path, kind: str = "wrong") -> tuple[str, list[tuple[str, str]], dict]:
    """틀린 답 파일을 기준 답 셀 뒤에 덧붙여 실행한다: 파일이 정의한 함수만 틀린 것으로 바뀐다.

    (덮어쓰는 답 셀 grade_id, 틀린 (연습문제 id, 함수 이름)들, 실행한 이름 공간)을 돌려준다.
    ``kind``는 linecache에 올리는 가짜 파일 이름(``<장 kind 파일 이름>``)에만 쓰인다.
    """
    name = path.parent.name
    gid, targets = wrong_target(path)
    source = chapter(name).answers[gid] + "\n\n" + path.read_text(encoding="utf-8")
    return gid, targets, define(source, f"{name} {kind} {path.stem}", libraries(name))
