"""1장에만 있는 연습문제 규칙 (모든 장에 공통인 검사는 test_exercises.py).

- 연습문제가 놓인 절과 배점은 책의 본문과 맞는다;
- 옵티마이저 연습문제는 값이 맞아도 dlbook.optim(위젯의 NumPy 구현)을 부르면 숨은 검사에서 떨어진다.
"""
from __future__ import annotations

import json
from pathlib import Path
import re

import pytest
from exercise_harness import chapter, define, libraries, nbgrader_of, source_of

from dlbook.checker import CheckFailure, check

CH = chapter("ch01")
SECTIONS = {"ch01-ex1-rmse": "1-7", "ch01-ex2-gd-step": "1-7", "ch01-ex3-optimizers": "1-9",
            "ch01-ex4-minibatches": "1-13", "ch01-ex5-keras-quadratic": "1-14"}
POINTS = {"ch01-ex1-rmse": 3, "ch01-ex2-gd-step": 3, "ch01-ex3-optimizers": 12,
          "ch01-ex4-minibatches": 3, "ch01-ex5-keras-quadratic": 4}


def test_exercises_sit_in_their_sections_with_their_points():
    nb = json.loads(CH.notebook.read_text(encoding="utf-8"))
    section, points = None, {}
    for cell in nb["cells"]:
        heading = re.search(r"^## (\d+-\d+)\.", source_of(cell), re.M) if cell["cell_type"] == "markdown" else None
        if heading:
            section = heading.group(1)
        meta = nbgrader_of(cell)
        if meta:
            base = re.sub(r"-(prompt|tests-\d+)$", "", meta["grade_id"])
            assert section == SECTIONS[base], f"{meta['grade_id']}는 {SECTIONS[base]}절에 있어야 한다 ({section})"
            points[base] = points.get(base, 0) + (meta.get("points") or 0)
    assert points == POINTS
    assert [ex for ex, _ in CH.checks["ch01-ex3-optimizers"]] == [
        f"ch01-ex3-optimizers/{n}" for n in ("momentum", "nag", "adagrad", "rmsprop", "adadelta", "adam")]


def test_optimizer_source_check_rejects_library_optimizers(monkeypatch):
    pytest.importorskip("tensorflow")
    monkeypatch.setenv("DLBOOK_HIDDEN_DIR", str(CH.hidden_dir))
    reference = define(CH.answers["ch01-ex3-optimizers"], "ch01 reference optimizers", libraries("ch01"))
    # 값은 맞아도 dlbook.optim(위젯의 NumPy 옵티마이저)을 부르면 숨은 검사에서 떨어진다
    source = ('def adam_step(theta, grad, state, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):\n'
              '    if False:\n'
              '        import dlbook.optim\n'
              '    return _adam(theta, grad, state, learning_rate, beta_1, beta_2, epsilon)\n')
    namespace = define(source, "ch01 uses dlbook.optim", libraries("ch01"))
    namespace["_adam"] = reference["adam_step"]
    check("ch01-ex3-optimizers/adam", namespace["adam_step"])  # 공개 검사는 통과한다
    with pytest.raises(CheckFailure, match="dlbook.optim"):
        check("ch01-ex3-optimizers/adam", namespace["adam_step"], hidden=True)


# --- 프롬프트가 경고한 실수는 공개 테스트에서 이미 드러난다 (#14) ---------------------------------------

WARNED = ["ch01-ex1-rmse--asarray-breaks-gradient", "ch01-ex1-rmse--numpy-not-differentiable",
          "ch01-ex3-optimizers--adam-textbook-epsilon", "ch01-ex3-optimizers--rmsprop-epsilon-outside-sqrt"]


@pytest.mark.parametrize("stem", WARNED)
def test_mistakes_the_prompt_warns_about_fail_the_visible_test(stem):
    from exercise_harness import _wrong_namespace

    from dlbook.checker import CheckFailure, check

    path = Path(__file__).resolve().parents[1] / "wrong" / "ch01" / f"{stem}.py"
    _, targets, namespace = _wrong_namespace(path)
    for ex_id, func_name in targets:
        with pytest.raises(CheckFailure):
            check(ex_id, namespace[func_name])          # 숨은 테스트까지 가지 않아도 공개 테스트가 잡는다
