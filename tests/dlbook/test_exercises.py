"""모든 장의 연습문제: 채점 기준이 답을 가려내는지 본다 (노트북은 실행하지 않는다).

장마다 강사용 노트북에서 답 셀과 ``check(...)`` 호출을 읽어 (``tests/exercise_harness.py``):

- 노트북의 연습문제 셀들이 nbgrader 계약을 지킨다 (프롬프트, 답 셀의 풀이 영역, check만 부르는 테스트 셀);
- 기준 답은 공개·숨은 검사를 모두 통과하고, 그동안 stderr에 아무것도 찍지 않는다
  (nbgrader는 stderr가 찍힌 테스트 셀을 실패로 본다);
- nbgrader가 배포본에 남기는 빈 답(``raise NotImplementedError()``)은 두 검사에서 모두 떨어진다;
- ``tests/wrong/<장>/``의 틀린 답은 기준 답 셀 뒤에 덧붙이면 그 연습문제의 공개 또는 숨은 검사에서 떨어진다;
- 연습문제마다 틀린 답이 적어도 하나 있다.
"""
from __future__ import annotations

import copy
import re

import pytest
from exercise_harness import (
    _wrong_namespace,
    chapter,
    chapters,
    define,
    libraries,
    nbgrader_of,
    source_of,
    wrong_files,
    wrong_target,
)

from dlbook.checker import CheckFailure, check

EXERCISES = [pytest.param(ch, gid, ex_id, func, id=ex_id)
             for ch in chapters() for gid, ex_id, func in chapter(ch).exercises()]
WRONG = [pytest.param(path, id=path.stem) for ch in chapters() for path in wrong_files(ch)]


@pytest.fixture(autouse=True)
def _quiet_tf():
    pytest.importorskip("tensorflow")
    import dlbook

    dlbook.quiet_tensorflow()


def _hidden(monkeypatch, name: str) -> None:
    monkeypatch.setenv("DLBOOK_HIDDEN_DIR", str(chapter(name).hidden_dir))


def _fails(ex_id: str, func, *, stop_at_first: bool = False) -> list[str]:
    """공개·숨은 검사 중 실패한 것들의 메시지 (둘 다 통과하면 빈 목록)."""
    failures = []
    for hidden in (False, True):
        try:
            check(ex_id, func, hidden=hidden)
        except CheckFailure as exc:
            failures.append(f"{'숨은' if hidden else '공개'}: {exc}")
            if stop_at_first:
                break
    return failures


# --- 노트북의 연습문제 셀 ------------------------------------------------------------------------

@pytest.mark.parametrize("name", chapters())
def test_exercise_cells_follow_the_contract(name):
    import json

    nb = json.loads(chapter(name).notebook.read_text(encoding="utf-8"))
    assert nb["nbformat"] == 4 and nb["metadata"]["kernelspec"]["name"] == "python3"
    assert chapter(name).setup_source, f"{name}: 'setup' 태그가 붙은 준비 셀이 없다"
    section, sections, ids = None, {}, []
    for cell in nb["cells"]:
        source = source_of(cell)
        heading = re.search(r"^## (\d+-\d+)\.", source, re.M) if cell["cell_type"] == "markdown" else None
        if heading:
            section = heading.group(1)
        meta = nbgrader_of(cell)
        if not meta:
            continue
        gid = meta["grade_id"]
        ids.append(gid)
        base = re.sub(r"-(prompt|tests-\d+)$", "", gid)
        assert re.fullmatch(rf"{name}-ex\d+-[a-z0-9-]+", base), f"grade_id 형식: {gid}"
        # 한 연습문제의 셀(프롬프트, 답, 테스트)은 모두 같은 절 안에 있다
        assert sections.setdefault(base, section) == section, f"{gid}가 다른 절({section})에 있다"
        assert meta["schema_version"] == 3 and meta["task"] is False, gid
        if gid.endswith("-prompt"):
            assert cell["cell_type"] == "markdown" and meta["locked"] and not meta["grade"] \
                and not meta["solution"], gid
            assert source.startswith("### 연습문제 "), gid
        elif "-tests-" in gid:
            assert cell["cell_type"] == "code" and meta["grade"] and meta["locked"] and not meta["solution"], gid
            assert meta["points"] > 0, gid
            assert source.startswith("from dlbook import check\n"), gid
            assert "assert " not in source, f"{gid}: 테스트 셀은 check를 부른다"
            calls = re.findall(r"^check\(", source, re.M)
            assert calls and len(calls) == len(re.findall(r"^check\(.*\)$", source, re.M)), gid
            if "### BEGIN HIDDEN TESTS" in source:
                hidden = source.split("### BEGIN HIDDEN TESTS", 1)[1].split("### END HIDDEN TESTS", 1)[0]
                assert "hidden=True" in hidden, f"{gid}: 숨은 테스트는 check(..., hidden=True)를 부른다"
        else:
            assert cell["cell_type"] == "code" and meta["solution"] and not meta["grade"] \
                and not meta["locked"], gid
            # 풀이 영역은 함수 본문 안(들여쓰기)에 있어야 배포본의 빈 답도 함수를 정의한다
            assert re.search(r"^    ### BEGIN SOLUTION$", source, re.M), gid
            assert not re.search(r"^### BEGIN SOLUTION", source, re.M), gid
            assert gid in chapter(name).checks, f"{gid}: 이 답을 검사하는 테스트 셀이 없다"
    assert len(ids) == len(set(ids)), f"{name}: grade_id가 겹친다"
    assert chapter(name).answers, f"{name}: 연습문제가 없다"


# --- 기준 답은 통과한다 --------------------------------------------------------------------------

def _reference(name: str) -> dict:
    namespace = {}
    for gid, source in chapter(name).answers.items():
        namespace.update(define(source, f"{name} answer {gid}", libraries(name)))
    return namespace


@pytest.mark.parametrize(("name", "gid", "ex_id", "func_name"), EXERCISES)
def test_reference_passes_visible_and_hidden_quietly(name, gid, ex_id, func_name, monkeypatch, capfd):
    _hidden(monkeypatch, name)
    func = _reference(name)[func_name]
    capfd.readouterr()
    check(ex_id, func)
    check(ex_id, func, hidden=True)
    out, err = capfd.readouterr()
    assert err == "", f"채점 중 stderr 출력: {err[:500]}"
    assert out.count("통과: ") == 2, out


# --- 빈 답(배포본의 stub)은 점수를 잃는다 --------------------------------------------------------

def _stubs(name: str) -> dict:
    """nbgrader의 ClearSolutions로 만든 배포본의 답 셀들."""
    import nbformat
    from nbgrader.preprocessors import ClearSolutions

    nb = nbformat.read(chapter(name).notebook, as_version=4)
    released, _ = ClearSolutions().preprocess(copy.deepcopy(nb), {})
    namespace = {}
    for cell in released.cells:
        if cell.metadata.get("nbgrader", {}).get("solution") and cell.cell_type == "code":
            assert "raise NotImplementedError()" in cell.source
            assert "BEGIN SOLUTION" not in cell.source
            namespace.update(define(cell.source, f"{name} stub {cell.metadata.nbgrader.grade_id}", libraries(name)))
    return namespace


@pytest.mark.parametrize(("name", "gid", "ex_id", "func_name"), EXERCISES)
def test_released_stub_fails_both(name, gid, ex_id, func_name, monkeypatch):
    _hidden(monkeypatch, name)
    failures = _fails(ex_id, _stubs(name)[func_name])
    assert len(failures) == 2
    assert all("NotImplementedError" in f for f in failures), failures


# --- 틀린 답은 점수를 잃는다 ---------------------------------------------------------------------

@pytest.mark.parametrize("name", chapters())
def test_every_exercise_has_wrong_answers(name):
    covered = {ex_id for path in wrong_files(name) for ex_id, _ in wrong_target(path)[1]}
    expected = {ex_id for _, ex_id, _ in chapter(name).exercises()}
    assert covered == expected, f"틀린 답이 없는 연습문제: {sorted(expected - covered)}"


@pytest.mark.parametrize("path", WRONG)
def test_wrong_answer_loses_points(path, monkeypatch):
    """틀린 답 파일은 기준 답 셀 뒤에 덧붙여 실행한다: 파일이 정의한 함수만 틀린 것으로 바뀐다."""
    name = path.parent.name
    _hidden(monkeypatch, name)
    _, targets, namespace = _wrong_namespace(path)
    for ex_id, func_name in targets:
        assert _fails(ex_id, namespace[func_name], stop_at_first=True), \
            f"{path.name}: {ex_id}의 공개·숨은 검사를 모두 통과했다"


# --- 기준 구현을 부르는 답 ----------------------------------------------------------------------

CALLS = [pytest.param(path, id=path.stem) for ch in chapters() for path in wrong_files(ch) if "--calls-" in path.name]


@pytest.mark.parametrize("path", CALLS)
def test_answer_calling_the_reference_is_refused_for_that_reason(path, monkeypatch):
    """``--calls-`` 답은 기준 구현을 부른다는 이유로 공개·숨은 검사에서 모두 떨어진다 (우연히 틀려서가 아니다)."""
    name = path.parent.name
    _hidden(monkeypatch, name)
    _, targets, namespace = _wrong_namespace(path, "calls")
    for ex_id, func_name in targets:
        messages = _fails(ex_id, namespace[func_name])
        assert len(messages) == 2, f"{path.name}: {ex_id}의 검사 하나를 통과했다: {messages}"
        assert all("부를 수 없습니다" in m or "검사 장치" in m for m in messages), messages


@pytest.mark.parametrize("name", chapters())
def test_every_forbidding_exercise_has_an_answer_that_calls_the_reference(name):
    from dlbook.checker import load_exercise

    forbidding = {ex_id for _, ex_id, _ in chapter(name).exercises() if load_exercise(ex_id).forbidden}
    calling = {ex_id for path in wrong_files(name) if "--calls-" in path.name for ex_id, _ in wrong_target(path)[1]}
    prefixes = {ex_id.split("/")[0] for ex_id in calling}
    missing = {ex_id for ex_id in forbidding if ex_id not in calling and ex_id.split("/")[0] not in prefixes}
    assert not missing, f"기준 구현을 부르는 답(--calls-)이 없는 연습문제: {sorted(missing)}"
