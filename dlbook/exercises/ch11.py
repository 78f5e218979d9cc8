"""11장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 본문의 작은 예를 손으로 계산해 scikit-learn(또는 TensorFlow)으로 한 번
확인해 둔 숫자(리터럴)뿐이고, 함수들은 학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 입력과 기준
구현을 쓰는 숨은 사례는 강사용 ``solutions/ch11/ch11_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch11-ex1-cosine-similarity`` | 행 사이의 코사인 유사도 행렬 | 11-2 |
| ``ch11-ex2-item-based-predict`` | 아이템 기반 이웃으로 평점 예측 | 11-4 |
| ``ch11-ex3-rating-rmse`` | 평점 범위로 자른 예측의 RMSE | 11-5 |
| ``ch11-ex4-mf-sgd-step`` | 행렬 분해의 SGD 한 걸음 (정규화 포함) | 11-8 |
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import Case, CheckFailure, Exercise, array_result, compare_arrays, forbid_calls, scalar_of

__all__ = [
    "VISIBLE", "compare_mf_step", "compare_predictions", "run_cosine", "run_item_based",
    "run_mf_step", "run_rating_rmse",
]


def _unchanged(before: np.ndarray, after: np.ndarray, what: str) -> None:
    if not np.array_equal(before, after):
        raise CheckFailure(f"입력 {what}이(가) 함수 안에서 바뀌었습니다: 입력 배열을 제자리에서 고치지 말고 "
                           "복사본을 만들어 돌려주세요")


# --- 연습문제 1: 코사인 유사도 행렬 ---------------------------------------------------------------

def run_cosine(func: Callable, case: Case) -> np.ndarray:
    """``cosine_similarity_matrix(X)``를 불러 (n, n) float64 배열로 돌려준다 (입력이 바뀌면 실패)."""
    X = np.array(case.args[0])
    x_in = X.copy()
    got = func(x_in)
    _unchanged(X, x_in, "X")
    return array_result(got, (len(X), len(X)), "유사도 행렬")


def _cosine_cases() -> list[Case]:
    X = np.array([[5.0, 3.0, 0.0], [4.0, 0.0, 0.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]])
    a, b, c = 0.8574929257125441, 0.7921180343813395, 0.5773502691896258   # 5/√34, 8/√102, 1/√3
    return [Case(args=(X,),
                 expected=[[1.0, a, 0.0, b], [a, 1.0, 0.0, c], [0.0, 0.0, 0.0, 0.0], [b, c, 0.0, 1.0]],
                 label="본문의 예: 행 4개, 셋째 행은 모두 0 (그 행의 유사도는 대각선까지 0)")]


# --- 연습문제 2: 아이템 기반 평점 예측 -------------------------------------------------------------

def run_item_based(func: Callable, case: Case) -> np.ndarray:
    """``predict_item_based(R, S, user, item, k)``를 질의마다 불러 예측들을 float64 배열로 돌려준다.

    ``case.args = (R, S, queries, k)``이고 ``queries``는 ``(user, item)`` 쌍의 list다.
    """
    R, S, queries, k = case.args
    R, S = np.array(R, dtype=np.float64), np.array(S, dtype=np.float64)
    out = []
    for user, item in queries:
        r_in, s_in = R.copy(), S.copy()
        got = func(r_in, s_in, int(user), int(item), int(k))
        _unchanged(R, r_in, "R")
        _unchanged(S, s_in, "S")
        out.append(scalar_of(got, f"사용자 {user}, 아이템 {item}의 예측"))
    return np.array(out, dtype=np.float64)


def compare_predictions(got: np.ndarray, expected: Any, case: Case) -> None:
    """예측을 질의별로 비교한다. 틀리면 어느 (사용자, 아이템)에서 틀렸는지 알린다."""
    expected = np.asarray(expected, dtype=np.float64)
    if got.shape != expected.shape:
        raise CheckFailure(f"예측 개수가 다릅니다: 기대 {expected.shape}, 실제 {got.shape}")
    bad = np.flatnonzero(~np.isclose(got, expected, rtol=1e-6, atol=1e-6))
    if bad.size:
        q = int(bad[0])
        user, item = case.args[2][q]
        raise CheckFailure(f"사용자 {user}, 아이템 {item}의 예측이 다릅니다: 기대 {expected[q]:.6g}, "
                           f"실제 {got[q]:.6g} (k={case.args[3]}, 틀린 질의 {bad.size}/{expected.size}개)")


def _item_based_data() -> tuple[np.ndarray, np.ndarray]:
    R = np.array([[5.0, 4.0, 0.0, 1.0, 0.0],
                  [0.0, 0.0, 0.0, 0.0, 0.0],
                  [0.0, 0.0, 3.0, 0.0, 0.0],
                  [2.0, 0.0, 0.0, 0.0, 4.0]])
    S = np.array([[1.0, 0.8, 0.5, 0.2, 0.0],
                  [0.8, 1.0, 0.4, 0.6, 0.1],
                  [0.5, 0.4, 1.0, 0.3, 0.7],
                  [0.2, 0.6, 0.3, 1.0, 0.5],
                  [0.0, 0.1, 0.7, 0.5, 1.0]])
    return R, S


def _item_based_cases() -> list[Case]:
    R, S = _item_based_data()
    return [
        Case(args=(R, S, [(0, 2), (0, 4), (0, 0)], 2), expected=[4.1 / 0.9, 1.5, 3.4],
             label="문제의 예 (toy_R가 아닌 이 R, S), k=2: (0.5·5 + 0.4·4)/0.9, 유사도 0인 아이템은 이웃이 아니다, 자기 자신은 빼고"),
        Case(args=(R, S, [(0, 2)], 1), expected=[5.0], label="같은 데이터, k=1"),
        Case(args=(R, S, [(3, 0), (2, 2), (1, 3)], 2), expected=[4.0, 19 / 6, 19 / 6],
             label="이웃이 없을 때: 사용자의 다른 평점 평균, 그것도 없으면 R 전체의 평균"),
    ]


# --- 연습문제 3: 평점 RMSE ----------------------------------------------------------------------

def run_rating_rmse(func: Callable, case: Case) -> float:
    """``rating_rmse(y_true, y_pred, low, high)``를 불러 float 하나로 돌려준다 (입력이 바뀌면 실패)."""
    y_true, y_pred = (np.array(a) for a in case.args[:2])
    t_in, p_in = y_true.copy(), y_pred.copy()
    got = func(t_in, p_in, *case.args[2:], **case.kwargs)
    _unchanged(y_true, t_in, "y_true")
    _unchanged(y_pred, p_in, "y_pred")
    return scalar_of(got, "RMSE")


def _rmse_cases() -> list[Case]:
    y_true = np.array([4.0, 3.0, 5.0, 1.0, 2.0])
    y_pred = np.array([3.5, 3.2, 5.6, 0.4, 2.5])
    return [
        Case(args=(y_true, y_pred, 1.0, 5.0), expected=0.32863353450309974,
             label="본문의 예: 5.6 → 5, 0.4 → 1로 자른 뒤 √((0.25 + 0.04 + 0 + 0 + 0.25) / 5)"),
        Case(args=(np.array([1, 2, 3]), np.array([1.5, 2.5, 3.5]), 1.0, 5.0), expected=0.5,
             label="정수 평점, 모든 오차가 0.5"),
    ]


# --- 연습문제 4: 행렬 분해의 SGD 한 걸음 -----------------------------------------------------------

def run_mf_step(func: Callable, case: Case) -> dict:
    """``mf_sgd_step(P, Q, user, item, rating, learning_rate, reg)``를 불러 {"P", "Q"}를 돌려준다."""
    P, Q, user, item, rating, learning_rate, reg = case.args
    P, Q = np.array(P, dtype=np.float64), np.array(Q, dtype=np.float64)
    p_in, q_in = P.copy(), Q.copy()
    got = func(p_in, q_in, user, item, rating, learning_rate, reg)
    _unchanged(P, p_in, "P")
    _unchanged(Q, q_in, "Q")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(P_new, Q_new) 두 배열의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    return {"P": array_result(got[0], P.shape, "P_new"), "Q": array_result(got[1], Q.shape, "Q_new")}


def compare_mf_step(got: dict, expected: dict, case: Case) -> None:
    user, item = case.args[2], case.args[3]
    for name, row in (("P", user), ("Q", item)):
        old = np.asarray(case.args[0 if name == "P" else 1], dtype=np.float64)
        exp = np.asarray(expected[name], dtype=np.float64)
        others = np.arange(len(old)) != row
        if not np.allclose(got[name][others], old[others]):
            changed = int(np.flatnonzero(~np.all(np.isclose(got[name], old), axis=1) & others)[0])
            raise CheckFailure(f"{name}의 {changed}번 행이 바뀌었습니다: 평점 하나로는 {name}의 {row}번 행만 "
                               "바뀌어야 합니다")
        compare_arrays(got[name][row], exp[row], rtol=1e-6, atol=1e-8, name=f"{name}_new의 {row}번 행")


def _mf_cases() -> list[Case]:
    P = np.array([[1.0, 0.0], [0.5, 0.5]])
    Q = np.array([[1.0, 1.0], [0.0, 2.0], [1.0, -1.0]])
    return [
        Case(args=(P, Q, 0, 0, 5.0, 0.1, 0.1),
             expected={"P": [[1.39, 0.4], [0.5, 0.5]], "Q": [[1.39, 0.99], [0.0, 2.0], [1.0, -1.0]]},
             label="본문의 예: 예측 1, 오차 4 → p = (1.39, 0.4), q = (1.39, 0.99)"),
        Case(args=(P, Q, 1, 1, 1.0, 0.1, 0.1),
             expected={"P": [[1.0, 0.0], [0.495, 0.495]], "Q": [[1.0, 1.0], [0.0, 1.98], [1.0, -1.0]]},
             label="오차가 0일 때: 정규화 항만 두 벡터를 (1 − 0.1·0.1)배로 줄인다"),
    ]


# --- 목록 --------------------------------------------------------------------------------------

VISIBLE: dict[str, Exercise] = {
    "ch11-ex1-cosine-similarity": Exercise(
        id="ch11-ex1-cosine-similarity", cases=_cosine_cases, run=run_cosine,
        compare=lambda g, e, c: compare_arrays(g, e, rtol=1e-5, atol=1e-6, name="유사도 행렬")),
    "ch11-ex2-item-based-predict": Exercise(
        id="ch11-ex2-item-based-predict", cases=_item_based_cases, run=run_item_based,
        compare=compare_predictions),
    "ch11-ex3-rating-rmse": Exercise(
        id="ch11-ex3-rating-rmse", cases=_rmse_cases, run=run_rating_rmse,
        compare=lambda g, e, c: compare_arrays(g, e, rtol=1e-6, atol=1e-9, name="RMSE")),
    "ch11-ex4-mf-sgd-step": Exercise(
        id="ch11-ex4-mf-sgd-step", cases=_mf_cases, run=run_mf_step, compare=compare_mf_step),
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들.
# 연습문제 2(아이템 기반 예측)는 같은 일을 하는 라이브러리 함수가 없어 막을 것이 없다.
forbid_calls(VISIBLE, {
    "ch11-ex1-cosine-similarity": ("sklearn.metrics.pairwise", "scipy.spatial.distance", "keras.losses",
                                   "keras.metrics"),
    "ch11-ex3-rating-rmse": ("sklearn.metrics", "keras.metrics", "keras.losses"),
    "ch11-ex4-mf-sgd-step": ("tensorflow.GradientTape", "keras.optimizers"),
})
