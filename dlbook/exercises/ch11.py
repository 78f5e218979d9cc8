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
| ``ch11-ex5-mf-train/pass``, ``/excellent`` | 행렬 분해를 학습시켜 평점 예측 (만들고 학습시키기) | 11-9 |
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import (
    Case,
    CheckFailure,
    Exercise,
    array_result,
    compare_arrays,
    forbid_calls,
    scalar_of,
    to_numpy,
)

__all__ = [
    "MF_BARS", "VISIBLE", "compare_mf_step", "compare_predictions", "mf_exercise", "run_cosine", "run_item_based",
    "run_mf_fit_predict", "run_mf_step", "run_rating_rmse", "synthetic_ratings",
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


# --- 연습문제 5: 행렬 분해를 학습시켜 평점 예측 (만들고 학습시키기) ------------------------------------

MF_BARS = {"pass": 0.72, "excellent": 0.63}
"""시험 RMSE 기준(이하이면 통과): ``ch11-ex5-mf-train/pass``(부분 점수)와 ``/excellent``(나머지 점수).
공개 사례는 시드 ``MF_VISIBLE_SEED``의 합성 평점, 숨은 사례는 강사용 파일의 다른 시드와 크기에서 잰다.
기준은 측정에서 정했다. 공개·숨은 사례와 다른 시드·크기 13가지(모두 15가지)에서 기준 답(11-8절의 편향 + 규제
SGD, 요인 8개, 60 에포크)은 0.575~0.593, 편향만의 기준선은 0.809~0.870, 규제 없이 요인 32개로 학습한 답은
0.760~0.801이었다. 통과 기준 0.72는 기준선과 과대적합한 답을 떨어뜨리고, 우수 기준 0.63은 기준 답에 0.037 넘는
여유를 둔다."""

MF_VISIBLE_SEED = 11


def synthetic_ratings(seed: int, n_users: int = 400, n_items: int = 300, rank: int = 4, density: float = 0.15,
                      noise: float = 0.4, test_size: float = 0.2):
    """잠재 요인 모델에서 뽑은 1~5의 정수 평점 → ``(train, pairs, held_out, n_users, n_items)``.

    평점 = 반올림(3.5 + b_u + b_i + p_u·q_i + 잡음)을 1~5로 자른 값이고, 칸마다 ``density``의 확률로 관측된다.
    ``train``은 ``(n, 3)`` 정수 배열(사용자, 아이템, 평점), ``pairs``는 떼어 둔 평점의 ``(m, 2)`` (사용자, 아이템),
    ``held_out``은 그 평점(float64)이다. 채점에서는 ``held_out``이 학생 함수에 들어가지 않는다.
    """
    rng = np.random.default_rng(seed)
    P = rng.normal(0.0, 0.6, size=(n_users, rank))
    Q = rng.normal(0.0, 0.6, size=(n_items, rank))
    b_user = rng.normal(0.0, 0.4, size=n_users)
    b_item = rng.normal(0.0, 0.5, size=n_items)
    users, items = np.nonzero(rng.random((n_users, n_items)) < density)
    score = 3.5 + b_user[users] + b_item[items] + np.sum(P[users] * Q[items], axis=1) \
        + rng.normal(0.0, noise, size=users.size)
    ratings = np.clip(np.rint(score), 1, 5).astype(np.int64)
    order = rng.permutation(users.size)
    n_test = int(round(test_size * users.size))
    test, fit = order[:n_test], order[n_test:]
    train = np.stack([users[fit], items[fit], ratings[fit]], axis=1)
    pairs = np.stack([users[test], items[test]], axis=1)
    return train, pairs, ratings[test].astype(np.float64), n_users, n_items


def run_mf_fit_predict(func: Callable, case: Case) -> np.ndarray:
    """시드를 고정하고 ``func(train, pairs, n_users, n_items)``를 부른다: 쌍마다의 예측 평점 (m,) float64 배열."""
    import keras

    train, pairs, n_users, n_items = case.args
    keras.utils.set_random_seed(0)
    got = to_numpy(func(np.array(train), np.array(pairs), int(n_users), int(n_items)))
    m = len(pairs)
    if got.shape == (m, 1):
        got = got[:, 0]
    if got.shape != (m,):
        raise CheckFailure(f"(사용자, 아이템) 쌍 {m}개의 예측 평점(모양 ({m},))을 돌려주어야 합니다 "
                           f"(실제 모양: {got.shape})")
    got = got.astype(np.float64)
    if not np.all(np.isfinite(got)):
        raise CheckFailure(f"예측에 nan이나 inf가 {int(np.sum(~np.isfinite(got)))}개 있습니다")
    return got


def _rmse(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.sqrt(np.mean((np.asarray(a, np.float64) - np.asarray(b, np.float64)) ** 2)))


def _baselines(case: Case, expected: Any) -> tuple[float, float]:
    """비교용 기준선의 시험 RMSE: (전체 평균, 11-5절처럼 규제한 사용자·아이템 편향)."""
    train, pairs, n_users, n_items = case.args
    users, items, values = train[:, 0], train[:, 1], train[:, 2].astype(np.float64)
    mean = values.mean()
    b_user, b_item = np.zeros(n_users), np.zeros(n_items)
    for _ in range(10):
        b_item = np.bincount(items, values - mean - b_user[users], n_items) / (10.0 + np.bincount(items, minlength=n_items))
        b_user = np.bincount(users, values - mean - b_item[items], n_users) / (15.0 + np.bincount(users, minlength=n_users))
    bias = np.clip(mean + b_user[pairs[:, 0]] + b_item[pairs[:, 1]], 1, 5)
    return _rmse(np.full(len(pairs), mean), expected), _rmse(bias, expected)


def rmse_at_most(bar: float) -> Callable[[np.ndarray, Any, Case], None]:
    def compare(got: np.ndarray, expected: Any, case: Case) -> None:
        rmse = _rmse(got, expected)
        if rmse > bar:
            _, bias = _baselines(case, expected)
            raise CheckFailure(f"시험 RMSE {rmse:.3f}가 기준 {bar:.2f}보다 큽니다 (편향만의 기준선 {bias:.3f})")
    return compare


def rmse_note(got: np.ndarray, expected: Any, case: Case) -> str:
    mean, bias = _baselines(case, expected)
    return f"시험 RMSE {_rmse(got, expected):.3f} (전체 평균만 {mean:.3f}, 편향만 {bias:.3f})"


def _mf_visible_cases() -> list[Case]:
    train, pairs, held_out, n_users, n_items = synthetic_ratings(MF_VISIBLE_SEED)
    return [Case(args=(train, pairs, n_users, n_items), expected=held_out,
                 label=f"합성 평점, 시드 {MF_VISIBLE_SEED} (사용자 {n_users}명, 아이템 {n_items}개, "
                       f"훈련 {len(train):,}개, 시험 {len(pairs):,}개)")]


def mf_exercise(level: str, cases: Callable[[], list[Case]]) -> Exercise:
    return Exercise(id=f"ch11-ex5-mf-train/{level}", cases=cases, run=run_mf_fit_predict,
                    compare=rmse_at_most(MF_BARS[level]), report=rmse_note)


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
    **{f"ch11-ex5-mf-train/{level}": mf_exercise(level, _mf_visible_cases) for level in MF_BARS},
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들.
# 연습문제 2(아이템 기반 예측)는 같은 일을 하는 라이브러리 함수가 없어 막을 것이 없다.
forbid_calls(VISIBLE, {
    "ch11-ex1-cosine-similarity": ("sklearn.metrics.pairwise", "scipy.spatial.distance", "keras.losses",
                                   "keras.metrics"),
    "ch11-ex3-rating-rmse": ("sklearn.metrics", "keras.metrics", "keras.losses"),
    "ch11-ex4-mf-sgd-step": ("tensorflow.GradientTape", "keras.optimizers"),
    # 학습 루프는 답이 쓴다: 추천 라이브러리, 행렬을 한 번에 분해하는 SVD, 평점 데이터를 읽는 모듈과
    # 이 문제의 데이터 생성기는 답 안에서 부르지 않는다
    "ch11-ex5-mf-train": ("surprise", "implicit", "recbole", "sklearn.decomposition", "sklearn.utils.extmath",
                          "numpy.linalg.svd", "scipy.linalg.svd", "scipy.sparse.linalg.svds",
                          "tensorflow.linalg.svd", "dlbook.data", "dlbook.recsys",
                          "dlbook.exercises.ch11.synthetic_ratings"),
})
