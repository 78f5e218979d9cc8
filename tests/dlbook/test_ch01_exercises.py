"""1장 연습문제의 채점 기준이 답을 가려내는지 본다 (노트북은 실행하지 않는다).

- 기준 답(``solutions/ch01/ch01_tensorflow_basics.ipynb``의 답 셀)은 공개·숨은 검사를 모두 통과하고,
  그동안 stderr에 아무것도 찍지 않는다 (nbgrader는 stderr가 찍힌 테스트 셀을 실패로 본다).
- nbgrader가 배포본에 남기는 빈 답(``raise NotImplementedError()``)은 점수를 잃는다.
- ``tests/wrong/ch01/``의 틀린 답은 저마다 그 연습문제의 공개 또는 숨은 검사에서 떨어진다.
"""
from __future__ import annotations

import copy
import inspect
import json
import linecache
import re
from pathlib import Path

import pytest

from dlbook.checker import CheckFailure, check

ROOT = Path(__file__).parents[2]
HIDDEN_DIR = ROOT / "solutions/ch01"
NOTEBOOK = HIDDEN_DIR / "ch01_tensorflow_basics.ipynb"
WRONG_DIR = ROOT / "tests/wrong/ch01"

STEP_FUNCTIONS = ("momentum", "nag", "adagrad", "rmsprop", "adadelta", "adam")  # <이름>_step
# 답 셀 grade_id → 그 셀이 정의하는 (연습문제 id, 함수 이름)들
ANSWERS: dict[str, list[tuple[str, str]]] = {
    "ch01-ex1-rmse": [("ch01-ex1-rmse", "rmse")],
    "ch01-ex2-gd-step": [("ch01-ex2-gd-step", "gd_step")],
    "ch01-ex3-optimizers": [(f"ch01-ex3-optimizers/{name}", f"{name}_step") for name in STEP_FUNCTIONS],
    "ch01-ex4-minibatches": [("ch01-ex4-minibatches", "minibatches")],
    "ch01-ex5-keras-quadratic": [("ch01-ex5-keras-quadratic", "fit_quadratic")],
}
SECTIONS = {"ch01-ex1-rmse": "1-7", "ch01-ex2-gd-step": "1-7", "ch01-ex3-optimizers": "1-9",
            "ch01-ex4-minibatches": "1-13", "ch01-ex5-keras-quadratic": "1-14"}
EXERCISES = [pytest.param(ex_id, func, id=ex_id) for funcs in ANSWERS.values() for ex_id, func in funcs]
WRONG_FILES = sorted(WRONG_DIR.glob("*.py"))


@pytest.fixture(autouse=True)
def _hidden_dir(monkeypatch):
    monkeypatch.setenv("DLBOOK_HIDDEN_DIR", str(HIDDEN_DIR))


@pytest.fixture(scope="module")
def libs():
    """장의 준비 셀이 만드는 이름들 (np, tf, keras)."""
    pytest.importorskip("tensorflow")
    import dlbook

    dlbook.quiet_tensorflow()
    import keras
    import numpy as np
    import tensorflow as tf

    return {"np": np, "tf": tf, "keras": keras}


def _notebook() -> dict:
    return json.loads(NOTEBOOK.read_text(encoding="utf-8"))


def _source(cell: dict) -> str:
    return "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]


def _answer_sources(nb: dict) -> dict[str, str]:
    return {c["metadata"]["nbgrader"]["grade_id"]: _source(c) for c in nb["cells"]
            if c["metadata"].get("nbgrader", {}).get("solution")}


def _define(source: str, label: str, libs: dict) -> dict:
    """셀 소스를 실행해 정의된 이름들을 돌려준다. inspect.getsource가 되도록 linecache에 올린다
    (노트북에서는 IPython이 같은 일을 한다: 숨은 검사는 함수 소스를 읽는다)."""
    filename = f"<ch01 {label}>"
    linecache.cache[filename] = (len(source), None, source.splitlines(True), filename)
    namespace = dict(libs)
    exec(compile(source, filename, "exec"), namespace)  # noqa: S102 - 시험할 답 셀
    return namespace


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


# --- 조각 노트북의 모양 --------------------------------------------------------------------------

def test_exercise_cells_have_nbgrader_metadata_and_sit_in_their_section():
    nb = _notebook()
    section = None
    for cell in nb["cells"]:
        heading = re.search(r"^## (\d+-\d+)\.", _source(cell), re.M) if cell["cell_type"] == "markdown" else None
        if heading:
            section = heading.group(1)
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if gid:
            base = re.sub(r"-(prompt|tests-\d+)$", "", gid)
            assert section == SECTIONS[base], f"{gid}는 {SECTIONS[base]}절에 있어야 한다 (실제 {section})"
    nb = {**nb, "cells": [c for c in nb["cells"] if c["metadata"].get("nbgrader")]}
    assert nb["nbformat"] == 4 and nb["metadata"]["kernelspec"]["name"] == "python3"
    ids = [c["metadata"]["nbgrader"]["grade_id"] for c in nb["cells"]]
    assert len(ids) == len(set(ids)), "grade_id가 겹친다"
    points = {}
    for cell in nb["cells"]:
        meta = cell["metadata"]["nbgrader"]
        gid = meta["grade_id"]
        base = re.sub(r"-(prompt|tests-\d+)$", "", gid)
        assert meta["schema_version"] == 3 and meta["task"] is False
        source = _source(cell)
        if gid.endswith("-prompt"):
            assert cell["cell_type"] == "markdown" and meta["locked"] and not meta["grade"] and not meta["solution"]
            assert source.startswith("### 연습문제 "), gid
        elif "-tests-" in gid:
            assert cell["cell_type"] == "code" and meta["grade"] and meta["locked"] and not meta["solution"]
            assert source.startswith("from dlbook import check\n"), gid
            assert "assert " not in source, "테스트 셀은 check를 부른다"
            points[base] = points.get(base, 0) + meta["points"]
        else:
            assert cell["cell_type"] == "code" and meta["solution"] and not meta["grade"] and not meta["locked"]
            assert gid in ANSWERS
            # 풀이 영역은 함수 본문 안(들여쓰기)에 있어야 배포본의 빈 답도 함수를 정의한다
            assert re.search(r"^    ### BEGIN SOLUTION$", source, re.M), gid
            assert not re.search(r"^### BEGIN SOLUTION", source, re.M), gid
    assert points == {"ch01-ex1-rmse": 3, "ch01-ex2-gd-step": 3, "ch01-ex3-optimizers": 12,
                      "ch01-ex4-minibatches": 3, "ch01-ex5-keras-quadratic": 4}


# --- 기준 답은 통과한다 --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def reference(libs) -> dict:
    namespace = {}
    for gid, source in _answer_sources(_notebook()).items():
        namespace.update(_define(source, f"answer {gid}", libs))
    return namespace


@pytest.mark.parametrize(("ex_id", "func_name"), EXERCISES)
def test_reference_passes_visible_and_hidden_quietly(ex_id, func_name, reference, capfd):
    capfd.readouterr()
    check(ex_id, reference[func_name])
    check(ex_id, reference[func_name], hidden=True)
    out, err = capfd.readouterr()
    assert err == "", f"채점 중 stderr 출력: {err[:500]}"
    assert out.count("통과: ") == 2


# --- 빈 답(배포본의 stub)은 점수를 잃는다 --------------------------------------------------------

@pytest.fixture(scope="module")
def stubs(libs) -> dict:
    """nbgrader의 ClearSolutions로 만든 배포본의 답 셀들."""
    import nbformat
    from nbgrader.preprocessors import ClearSolutions

    nb = nbformat.reads(NOTEBOOK.read_text(encoding="utf-8"), as_version=4)
    released, _ = ClearSolutions().preprocess(copy.deepcopy(nb), {})
    namespace = {}
    for cell in released.cells:
        if cell.metadata.get("nbgrader", {}).get("solution"):
            assert "raise NotImplementedError()" in cell.source
            assert "BEGIN SOLUTION" not in cell.source
            namespace.update(_define(cell.source, f"stub {cell.metadata.nbgrader.grade_id}", libs))
    return namespace


@pytest.mark.parametrize(("ex_id", "func_name"), EXERCISES)
def test_released_stub_fails_both(ex_id, func_name, stubs):
    failures = _fails(ex_id, stubs[func_name])
    assert len(failures) == 2
    assert all("NotImplementedError" in f for f in failures), failures


# --- 틀린 답은 점수를 잃는다 ---------------------------------------------------------------------

def _wrong_target(path: Path) -> tuple[str, list[tuple[str, str]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    match = re.fullmatch(r"# overrides: (\S+)", lines[0])
    assert match, f"{path.name}: 첫 줄은 '# overrides: <grade_id>'"
    assert lines[1].startswith("# why: "), f"{path.name}: 둘째 줄은 '# why: ...'"
    gid = match.group(1)
    assert path.name.startswith(f"{gid}--"), path.name
    targets = ANSWERS[gid]
    if gid == "ch01-ex3-optimizers":  # 파일 이름의 첫 낱말이 틀린 옵티마이저다
        name = path.stem.split("--", 1)[1].split("-", 1)[0]
        targets = [t for t in targets if t[0].endswith(f"/{name}")]
        assert targets, f"{path.name}: 옵티마이저 이름으로 시작해야 한다"
    return gid, targets


def test_every_exercise_has_wrong_answers():
    covered = {}
    for path in WRONG_FILES:
        gid, targets = _wrong_target(path)
        for ex_id, _ in targets:
            covered[ex_id] = covered.get(ex_id, 0) + 1
    assert set(covered) == {ex_id for funcs in ANSWERS.values() for ex_id, _ in funcs}


@pytest.mark.parametrize("path", [pytest.param(p, id=p.stem) for p in WRONG_FILES])
def test_wrong_answer_loses_points(path, libs):
    """틀린 답 파일은 기준 답 셀 뒤에 덧붙여 실행한다: 파일이 정의한 함수만 틀린 것으로 바뀐다."""
    gid, targets = _wrong_target(path)
    wrong = path.read_text(encoding="utf-8")
    namespace = _define(_answer_sources(_notebook())[gid] + "\n\n" + wrong, f"wrong {path.stem}", libs)
    for ex_id, func_name in targets:
        assert _fails(ex_id, namespace[func_name], stop_at_first=True), \
            f"{path.name}: {ex_id}의 공개·숨은 검사를 모두 통과했다"
    # 파일은 틀린 함수만 담는다: 나머지는 기준 답 그대로여서 틀린 문제 하나만 점수를 잃는다
    defined = set(re.findall(r"^def (\w+)\(", wrong, re.M))
    assert defined == {f for _, f in targets}, f"{path.name}: 틀린 함수만 정의해야 한다 ({sorted(defined)})"


def test_optimizer_source_check_rejects_library_optimizers(libs, reference):
    # 값은 맞아도 dlbook.optim(위젯의 NumPy 옵티마이저)을 부르면 숨은 검사에서 떨어진다
    source = ('def adam_step(theta, grad, state, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):\n'
              '    if False:\n'
              '        import dlbook.optim\n'
              '    return _adam(theta, grad, state, learning_rate, beta_1, beta_2, epsilon)\n')
    namespace = _define(source, "uses dlbook.optim", libs)
    namespace["_adam"] = reference["adam_step"]
    check("ch01-ex3-optimizers/adam", namespace["adam_step"])  # 공개 검사는 통과한다
    with pytest.raises(CheckFailure, match="dlbook.optim"):
        check("ch01-ex3-optimizers/adam", namespace["adam_step"], hidden=True)
