"""11장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다. 기준은 되도록 라이브러리 자체다:
코사인 유사도는 ``sklearn.metrics.pairwise.cosine_similarity``, RMSE는 ``sklearn.metrics.mean_squared_error``의
제곱근, 행렬 분해의 SGD 한 걸음은 ``tf.GradientTape``이 구한 그래디언트로 내딛는 경사 하강 한 걸음이다.
아이템 기반 예측(이웃 고르기, 동점 규칙, 이웃이 없을 때의 대체값)은 라이브러리에 같은 함수가 없으므로
여기서 반복문으로 정의한다.

scikit-learn과 TensorFlow는 함수 안에서 import한다: 무거운 일은 모두 ``quiet()`` 안에서 도는 ``cases``/``reference``에서 한다.
"""
from __future__ import annotations

import numpy as np

from dlbook.checker import Case, Exercise, compare_arrays
from dlbook.exercises.ch11 import (
    MF_BARS,
    compare_mf_step,
    compare_predictions,
    mf_exercise,
    run_cosine,
    run_item_based,
    run_mf_step,
    run_rating_rmse,
    synthetic_ratings,
)


def _sparse_ratings(rng: np.random.Generator, n_users: int, n_items: int, density: float) -> np.ndarray:
    """1~5의 정수 평점이 ``density`` 비율만큼 있고 나머지는 0인 행렬."""
    mask = rng.random((n_users, n_items)) < density
    return np.where(mask, rng.integers(1, 6, size=(n_users, n_items)), 0).astype(np.float64)


# --- 연습문제 1: 코사인 유사도 -------------------------------------------------------------------

def _cosine_cases() -> list[Case]:
    rng = np.random.default_rng(1101)
    cases = []
    for n, d in ((6, 4), (30, 12), (50, 3)):
        cases.append(Case(args=(rng.normal(size=(n, d)),), label=f"정규분포 무작위 행렬 {n}×{d} (음수 포함)"))
    R = _sparse_ratings(rng, 25, 40, 0.2)
    R[3] = 0.0
    R[17] = 0.0
    cases.append(Case(args=(R,), label="평점 행렬 25×40 (0 = 평점 없음), 3번과 17번 행은 모두 0"))
    cases.append(Case(args=(R.T.copy(),), label="같은 평점 행렬의 전치: 아이템 사이의 유사도"))
    scaled = rng.uniform(0.0, 1.0, size=(8, 5))
    scaled[4] = scaled[1] * 1000.0                   # 크기만 다른 두 행: 유사도 1
    cases.append(Case(args=(scaled,), label="크기만 다른 두 행 (1번과 4번)이 있을 때"))
    cases.append(Case(args=(rng.integers(0, 2, size=(12, 7)).astype(np.int64),),
                      label="0/1 정수 행렬 (장르 행렬처럼)"))
    return cases


def _cosine_reference(case: Case) -> np.ndarray:
    from sklearn.metrics.pairwise import cosine_similarity

    X = np.asarray(case.args[0], dtype=np.float64)
    return cosine_similarity(X)


# --- 연습문제 2: 아이템 기반 예측 ----------------------------------------------------------------

def _item_based_one(R: np.ndarray, S: np.ndarray, user: int, item: int, k: int) -> float:
    rated = [j for j in range(R.shape[1]) if j != item and R[user, j] > 0]
    neighbours = [j for j in rated if S[item, j] > 0]
    neighbours.sort(key=lambda j: (-S[item, j], j))         # 유사도 내림차순, 동점이면 작은 번호
    chosen = neighbours[:k]
    if chosen:
        weights = np.array([S[item, j] for j in chosen])
        values = np.array([R[user, j] for j in chosen])
        return float(weights @ values / weights.sum())
    if rated:
        return float(np.mean([R[user, j] for j in rated]))
    return float(R[R > 0].mean())


def _item_based_reference(case: Case) -> np.ndarray:
    R, S, queries, k = case.args
    R, S = np.asarray(R, dtype=np.float64), np.asarray(S, dtype=np.float64)
    return np.array([_item_based_one(R, S, u, i, k) for u, i in queries])


def _cosine_columns(R: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(R, axis=0)
    norms[norms == 0] = 1.0
    unit = R / norms
    return unit.T @ unit


def _queries(rng: np.random.Generator, R: np.ndarray, n: int) -> list[tuple[int, int]]:
    """평점이 있는 칸과 없는 칸을 섞은 질의 ``n``개."""
    rated = np.argwhere(R > 0)
    out = [tuple(int(v) for v in rated[rng.integers(len(rated))]) for _ in range(n // 3)]
    while len(out) < n:
        out.append((int(rng.integers(R.shape[0])), int(rng.integers(R.shape[1]))))
    return out


def _item_based_cases() -> list[Case]:
    rng = np.random.default_rng(1102)
    cases = []
    for n_users, n_items, density, k in ((20, 15, 0.4, 3), (30, 25, 0.25, 5), (15, 30, 0.3, 1),
                                         (25, 12, 0.5, 20)):
        R = _sparse_ratings(rng, n_users, n_items, density)
        cases.append(Case(args=(R, _cosine_columns(R), _queries(rng, R, 30), k),
                          label=f"무작위 평점 {n_users}×{n_items}, 채워진 비율 {density}, 코사인 유사도, k={k}"))
    # 장르처럼 0/1 특성에서 만든 유사도: 같은 값이 많아 동점 규칙(작은 번호 먼저)이 중요하다
    R = _sparse_ratings(rng, 20, 18, 0.35)
    genres = rng.integers(0, 2, size=(18, 3)).astype(np.float64)
    genres[genres.sum(axis=1) == 0, 0] = 1.0
    S = (genres @ genres.T) / 3.0
    cases.append(Case(args=(R, S, _queries(rng, R, 30), 2), label="동점이 많은 유사도 (0/1 장르 3개), k=2"))
    # 음수 유사도: 이웃에서 빠진다
    R = _sparse_ratings(rng, 15, 10, 0.5)
    S = np.corrcoef(rng.normal(size=(10, 6)))
    cases.append(Case(args=(R, S, _queries(rng, R, 25), 3), label="음수가 섞인 유사도 (상관계수), k=3"))
    # 이웃이 없는 경우들
    R = _sparse_ratings(rng, 6, 5, 0.6)
    R[0] = 0.0
    R[1] = [0.0, 4.0, 0.0, 0.0, 0.0]
    R[2] = [2.0, 0.0, 0.0, 0.0, 5.0]
    S = np.eye(5)
    S[0, 4] = S[4, 0] = 0.9
    cases.append(Case(args=(R, S, [(0, 2), (1, 1), (1, 3), (2, 0), (2, 2), (3, 3)], 2),
                      label="이웃이 없을 때의 대체값: 평점 없는 사용자, 자기 아이템만 평가한 사용자, 유사도 0"))
    return cases


# --- 연습문제 3: 평점 RMSE ----------------------------------------------------------------------

def _rmse_cases() -> list[Case]:
    rng = np.random.default_rng(1103)
    cases = []
    for n, bias, spread in ((50, 0.3, 1.0), (500, -0.2, 0.8), (7, 0.0, 2.0), (1000, 0.8, 0.5)):
        y_true = rng.integers(1, 6, size=n).astype(np.float64)
        y_pred = y_true + bias + rng.normal(0.0, spread, size=n)
        cases.append(Case(args=(y_true, y_pred, 1.0, 5.0),
                          label=f"무작위 {n}개, 평균 오차 {bias}, 범위 밖 예측 {int(np.sum((y_pred < 1) | (y_pred > 5)))}개"))
    y_true = rng.integers(1, 11, size=40).astype(np.float64) / 2.0
    cases.append(Case(args=(y_true, y_true + rng.normal(0.0, 1.0, size=40), 0.5, 5.0),
                      label="0.5~5의 반 점 평점 (low=0.5)"))
    y_true = rng.integers(1, 6, size=30)
    cases.append(Case(args=(y_true, y_true.astype(np.float64) + 0.25, 1.0, 5.0), label="정수 평점, 모두 +0.25"))
    cases.append(Case(args=(np.array([5.0, 1.0]), np.array([9.0, -3.0]), 1.0, 5.0),
                      label="범위 밖 예측 둘: 자르면 오차가 0"))
    return cases


def _rmse_reference(case: Case) -> float:
    from sklearn.metrics import mean_squared_error

    y_true, y_pred, low, high = case.args
    clipped = np.clip(np.asarray(y_pred, dtype=np.float64), low, high)
    return float(np.sqrt(mean_squared_error(np.asarray(y_true, dtype=np.float64), clipped)))


# --- 연습문제 4: 행렬 분해의 SGD 한 걸음 -----------------------------------------------------------

def _mf_cases() -> list[Case]:
    rng = np.random.default_rng(1104)
    cases = []
    for n_users, n_items, dim, lr, reg in ((5, 7, 3, 0.05, 0.02), (20, 30, 8, 0.01, 0.1),
                                           (10, 4, 2, 0.2, 0.0), (8, 8, 16, 0.005, 0.5)):
        P = rng.normal(0.0, 0.5, size=(n_users, dim))
        Q = rng.normal(0.0, 0.5, size=(n_items, dim))
        user, item = int(rng.integers(n_users)), int(rng.integers(n_items))
        rating = float(rng.integers(1, 6))
        cases.append(Case(args=(P, Q, user, item, rating, lr, reg),
                          label=f"무작위 P {P.shape}, Q {Q.shape}, 사용자 {user}, 아이템 {item}, 평점 {rating}, "
                                f"learning_rate={lr}, reg={reg}"))
    P = rng.normal(0.0, 0.5, size=(6, 4))
    Q = rng.normal(0.0, 0.5, size=(6, 4))
    cases.append(Case(args=(P, Q, 3, 3, 2.0, 0.1, 0.05), label="사용자 번호와 아이템 번호가 같을 때 (3, 3)"))
    cases.append(Case(args=(P, Q, 5, 0, 5.0, 0.5, 0.1), label="큰 학습률 0.5: 두 벡터를 옛 값으로 동시에 갱신해야 한다"))
    return cases


def _mf_reference(case: Case) -> dict:
    import tensorflow as tf

    P, Q, user, item, rating, learning_rate, reg = case.args
    P_var = tf.Variable(np.asarray(P, dtype=np.float64))
    Q_var = tf.Variable(np.asarray(Q, dtype=np.float64))
    with tf.GradientTape() as tape:
        p, q = tf.gather(P_var, user), tf.gather(Q_var, item)
        error = rating - tf.reduce_sum(p * q)
        loss = 0.5 * error ** 2 + 0.5 * reg * (tf.reduce_sum(p * p) + tf.reduce_sum(q * q))
    grad_P, grad_Q = (tf.convert_to_tensor(g) for g in tape.gradient(loss, [P_var, Q_var]))
    return {"P": (P_var - learning_rate * grad_P).numpy(), "Q": (Q_var - learning_rate * grad_Q).numpy()}


# --- 연습문제 5: 행렬 분해를 학습시켜 평점 예측 ------------------------------------------------------

# 숨은 사례: 공개 사례(시드 11, 400×300)와 시드도 크기도 다른 합성 평점. 생성기는 공개되어 있으므로 시드는 크게 잡는다
# (답이 시드를 하나씩 넣어 보며 훈련 평점을 맞추어 시험 평점을 알아내지 못하게). 시험 평점은 기댓값으로만 쓰이고
# 학생 함수에 들어가지 않는다.
_MF_HIDDEN_SEED = 731046289
_MF_HIDDEN_SHAPE = {"n_users": 360, "n_items": 330}


def _mf_hidden_cases() -> list[Case]:
    train, pairs, held_out, n_users, n_items = synthetic_ratings(_MF_HIDDEN_SEED, **_MF_HIDDEN_SHAPE)
    return [Case(args=(train, pairs, n_users, n_items), expected=held_out,
                 label=f"숨은 합성 평점 (사용자 {n_users}명, 아이템 {n_items}개, 훈련 {len(train):,}개, "
                       f"시험 {len(pairs):,}개)")]


# --- 목록 --------------------------------------------------------------------------------------

HIDDEN: dict[str, Exercise] = {
    "ch11-ex1-cosine-similarity": Exercise(
        id="ch11-ex1-cosine-similarity", cases=_cosine_cases, run=run_cosine, reference=_cosine_reference,
        compare=lambda g, e, c: compare_arrays(g, e, rtol=1e-5, atol=1e-6, name="유사도 행렬")),
    "ch11-ex2-item-based-predict": Exercise(
        id="ch11-ex2-item-based-predict", cases=_item_based_cases, run=run_item_based,
        reference=_item_based_reference, compare=compare_predictions),
    "ch11-ex3-rating-rmse": Exercise(
        id="ch11-ex3-rating-rmse", cases=_rmse_cases, run=run_rating_rmse, reference=_rmse_reference,
        compare=lambda g, e, c: compare_arrays(g, e, rtol=1e-6, atol=1e-9, name="RMSE")),
    "ch11-ex4-mf-sgd-step": Exercise(
        id="ch11-ex4-mf-sgd-step", cases=_mf_cases, run=run_mf_step, reference=_mf_reference,
        compare=compare_mf_step),
    **{f"ch11-ex5-mf-train/{level}": mf_exercise(level, _mf_hidden_cases) for level in MF_BARS},
}
