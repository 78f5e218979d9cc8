"""dlbook._forbid: 기준 구현을 부르는 답을 어떤 길로 부르든 잡는가, 정당한 답은 그대로 두는가."""
from __future__ import annotations

import sys

import numpy as np
import pytest

from dlbook import _forbid
from dlbook.checker import CheckFailure, Exercise, Case, check


def _run(names, func, *args):
    with _forbid.watch(tuple(names), func):
        return func(*args)


def test_a_call_through_a_helper_function_is_caught_at_run_time():
    import numpy.linalg as la

    solver = la.lstsq                      # 다른 이름으로, 다른 함수 안에서 부른다: 소스 검사로는 안 보인다

    def helper(a, b):
        return solver(a, b, rcond=None)[0]

    def answer(a, b):
        return helper(a, b)

    with pytest.raises(_forbid.ForbiddenCall, match="numpy.linalg.lstsq"):
        _run(["numpy.linalg.lstsq"], answer, np.eye(2), np.ones(2))


def test_a_forbidden_module_covers_its_classes_and_functions():
    def answer(x):
        from sklearn import preprocessing as pp
        scaler = getattr(pp, "Standard" + "Scaler")()   # 소스에는 이름이 없다
        return scaler.fit_transform(x)

    with pytest.raises(_forbid.ForbiddenCall, match="sklearn.preprocessing"):
        _run(["sklearn.preprocessing"], answer, np.ones((3, 2)))


def test_decorated_tensorflow_ops_are_caught_without_catching_every_op():
    tf = pytest.importorskip("tensorflow")

    def conv(x, k):
        return getattr(tf.nn, "conv" + "2d")(x, k, strides=1, padding="VALID")

    x = np.ones((1, 4, 4, 1), np.float32)
    k = np.ones((2, 2, 1, 1), np.float32)
    with pytest.raises(_forbid.ForbiddenCall, match="tensorflow.nn.conv2d"):
        _run(["tensorflow.nn.conv2d"], conv, x, k)

    def other_ops(x):
        return tf.reduce_sum(tf.square(x)).numpy()   # 같은 dispatch 장식을 지나는 다른 연산은 괜찮다

    assert _run(["tensorflow.nn.conv2d"], other_ops, x) == 16.0


def test_source_check_catches_ufuncs_the_profiler_cannot_see():
    def answer(p, q):
        import scipy.special
        return scipy.special.rel_entr(p, q).sum()

    with pytest.raises(_forbid.ForbiddenCall, match="rel_entr"):
        _run(["scipy.special.rel_entr"], answer, np.ones(2) / 2, np.ones(2) / 2)


def test_own_names_that_merely_match_are_allowed():
    def conv2d(x):                          # 학생 함수의 이름이 금지된 함수의 이름과 같아도 된다
        rel_entr = x * 2                    # 변수 이름도
        return rel_entr.sum()

    assert _run(["tensorflow.nn.conv2d", "scipy.special.rel_entr"], conv2d, np.ones(3)) == 6.0


def test_a_module_ban_does_not_refuse_same_named_attributes_of_other_objects():
    """`dlbook.data`를 막아도 `tf.data`는 되고, `keras.losses`를 막아도 모델의 `.losses` 속성은 된다."""
    import tensorflow as tf

    def answer(x):
        dataset = tf.data.Dataset.from_tensor_slices(x).batch(2)
        model = type("M", (), {"losses": []})()
        return float(sum(float(tf.reduce_sum(b)) for b in dataset)) + len(model.losses)

    assert _run(["dlbook.data", "keras.losses"], answer, np.ones(4, np.float32)) == 4.0

    def importing(x):
        from dlbook import data
        return x

    def dotted(x):
        import keras
        return keras.losses.mean_squared_error(x, x)

    def from_import(x):
        from sklearn.linear_model import LinearRegression  # noqa: F401  (부르기 전에 소스에서 잡힌다)
        return x

    with pytest.raises(_forbid.ForbiddenCall, match="dlbook.data"):
        _run(["dlbook.data"], importing, 1.0)
    with pytest.raises(_forbid.ForbiddenCall, match="sklearn.linear_model"):
        _run(["sklearn.linear_model"], from_import, 1.0)
    with pytest.raises(_forbid.ForbiddenCall, match="sklearn"):
        _run(["sklearn"], from_import, 1.0)
    with pytest.raises(_forbid.ForbiddenCall, match="keras.losses"):
        _run(["keras.losses"], dotted, np.ones(2, np.float32))


def test_switching_the_monitor_off_is_reported():
    def answer(x):
        sys.setprofile(None)
        return x

    before = sys.getprofile()
    with pytest.raises(_forbid.ForbiddenCall, match="sys.setprofile"):
        _run(["numpy.polyfit"], answer, 1)
    assert sys.getprofile() is before        # 검사 뒤 원래 상태로 돌아온다


def test_unknown_names_are_skipped_and_an_empty_list_costs_nothing():
    assert _run(["no_such_package.f", "numpy.no_such_function"], lambda: 3) == 3
    assert _run([], lambda: 4) == 4


def test_check_reports_the_ban_in_korean_and_hidden_exercises_inherit_it(monkeypatch):
    import dlbook.exercises.ch03 as ch03

    def standardize(X_train, X_test):
        from sklearn.preprocessing import StandardScaler as S
        s = S().fit(X_train)
        return s.transform(X_train), s.transform(X_test)

    with pytest.raises(CheckFailure, match="부를 수 없습니다"):
        check("ch03-ex2-standardize", standardize)
    assert ch03.VISIBLE["ch03-ex2-standardize"].forbidden

    from pathlib import Path
    from dlbook.checker import load_exercise
    monkeypatch.setenv("DLBOOK_HIDDEN_DIR", str(Path(__file__).resolve().parents[2] / "solutions" / "ch03"))
    assert load_exercise("ch03-ex2-standardize", hidden=True).forbidden == ch03.VISIBLE["ch03-ex2-standardize"].forbidden


def test_an_exercise_without_bans_runs_unwatched():
    ex = Exercise(id="x", cases=lambda: [Case(args=(2,), expected=4)])
    assert ex.forbidden == ()


def test_a_module_ban_does_not_cover_what_the_module_merely_reexports():
    # sklearn.naive_bayes는 abc.ABCMeta와 numbers.Real을 다시 내보낸다: isinstance(x, Real) 같은 호출은 괜찮다
    from numbers import Real

    def answer(x):
        return isinstance(x, Real)

    assert _run(["sklearn.naive_bayes"], answer, 1.5) is True


def test_a_passing_check_shows_the_exercise_report(capsys, monkeypatch):
    import dlbook.checker as checker

    ex = Exercise(id="x-ex1", cases=lambda: [Case(args=(2,), expected=4)], report=lambda got, exp, case: f"값 {got}")
    monkeypatch.setattr(checker, "load_exercise", lambda eid, hidden=False: ex)
    check("x-ex1", lambda v: v * 2)
    assert "통과: x-ex1 (공개 사례 1개) — 값 4" in capsys.readouterr().out


def test_pass_and_excellent_share_one_training_but_not_a_refused_one(monkeypatch):
    """같은 사례를 두 기준으로 재는 검사는 함수를 한 번만 부른다. 금지 호출로 끝난 실행은 기억하지 않는다."""
    from dlbook import checker

    monkeypatch.setattr(checker, "_RUNS", {})
    calls = []

    def run(func, case):
        calls.append(1)
        return func(*case.args)

    case = Case(args=(np.arange(3.0),))
    honest = lambda x: x * 2  # noqa: E731
    first = checker.run_once(run, honest, case)
    again = checker.run_once(run, honest, Case(args=(np.arange(3.0),)))
    assert np.array_equal(first, again) and len(calls) == 1
    checker.run_once(run, honest, Case(args=(np.arange(4.0),)))          # 다른 입력은 새로 실행한다
    checker.run_once(run, lambda x: x * 2, case)                         # 다시 정의한 함수도 새로 실행한다
    assert len(calls) == 3

    def calling(x):  # 소스 검사를 피해 실행 중 감시에만 잡히는 호출: 실행은 끝나고 감시가 끝에서 실패시킨다
        module = __import__("scipy." + "st" + "ats", fromlist=["_"])
        return getattr(module, "zs" + "core")(x)

    for _ in range(2):  # 두 번째 검사도 같은 이유로 실패한다 (첫 실행이 기억되지 않았다)
        with pytest.raises(_forbid.ForbiddenCall):
            checker.run_once(run, calling, case, ("scipy.stats",))
