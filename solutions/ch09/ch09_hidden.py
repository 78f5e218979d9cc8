"""9장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 RBM에서 기준과 비교한다. 기준은 문제의 닫힌 식을 다시 쓴 것이 아니라
다른 길로 구한 값이다.

- 에너지: ``tf.einsum``으로 쓴 −bᵀv − cᵀh − vᵀWh.
- p(h | v), p(v | h): 작은 RBM에서 숨은(보이는) 상태를 모두 나열해 결합 분포 exp(−E)를 정규화하고, h_j = 1인
  상태의 확률을 더한 주변 확률(전수 계산). 인수분해된 시그모이드 식이 맞는지를 정의에서 확인한다.
  큰 층 하나는 ``keras.activations.sigmoid``와 비교한다.
- 자유 에너지: F(v) = −log Σ_h exp(−E(v, h)) 를 모든 h를 나열해 계산한 값.
- log Z: 가시층 상태와 은닉층 상태를 둘 다 나열한 2^(D+H)개 항의 logsumexp.
- CD-1: 같은 균등 난수로 음의 표본 v₁을 만든 뒤, ``tf.GradientTape``로 구한
  ∇[mean F(v₀) − mean F(v₁)] (v₁은 상수)의 반대 방향으로 한 걸음 간 값. 자유 에너지의 그래디언트가 곧
  양의 단계 − 음의 단계 통계량이므로 CD-1 규칙과 같다.
- CD-k 학습 루프(연습문제 5): 채점기만 아는 시드로 만든 원형과 잡음의 데이터로 학습시키고, 같은 시드의 시험 데이터
  (상자에 들어가지 않는다)에서 가시층 상태 2^10개를 나열한 정확한 평균 로그 가능도를 잰다.

TensorFlow와 Keras는 함수 안에서 import한다 (import 때의 로그가 테스트 셀의 stderr에 찍히지 않도록).
"""
from __future__ import annotations

import numpy as np

from dlbook.checker import Case, Exercise
from dlbook.exercises.ch09 import (
    TRAIN_BARS,
    TRAIN_SHAPE,
    compare_result,
    prototype_data,
    run_cd1,
    run_conditional_h,
    run_conditional_v,
    run_energy,
    run_free_energy,
    run_log_partition,
    train_exercise,
)


def all_states(n: int) -> np.ndarray:
    """0/1 벡터 2ⁿ개, 모양 (2ⁿ, n)."""
    return ((np.arange(2 ** n)[:, None] >> np.arange(n)[::-1]) & 1).astype(np.float64)


def _logsumexp(a: np.ndarray, axis: int) -> np.ndarray:
    m = a.max(axis=axis, keepdims=True)
    return np.squeeze(m, axis) + np.log(np.exp(a - m).sum(axis=axis))


def _energy_np(v, h, W, b, c):
    """v (n, D), h (m, H) 의 모든 짝의 에너지, 모양 (n, m)."""
    return -(v @ b)[:, None] - (h @ c)[None, :] - v @ W @ h.T


def _random_rbm(rng, D, H, scale=1.0):
    W = rng.normal(0.0, scale, size=(D, H)).astype(np.float32)
    b = rng.normal(0.0, 0.5, size=D).astype(np.float32)
    c = rng.normal(0.0, 0.5, size=H).astype(np.float32)
    return W, b, c


def _f64(*arrays):
    return [np.asarray(a, dtype=np.float64) for a in arrays]


# --- 연습문제 1: 에너지 ----------------------------------------------------------------------------

def _energy_cases() -> list[Case]:
    rng = np.random.default_rng(901)
    cases = []
    for n, D, H in ((5, 3, 2), (8, 6, 4), (4, 784, 64), (1, 10, 1), (16, 1, 7)):
        W, b, c = _random_rbm(rng, D, H)
        v = (rng.random((n, D)) < 0.5).astype(np.float32)
        h = (rng.random((n, H)) < 0.5).astype(np.float32)
        cases.append(Case(args=(v, h, W, b, c), label=f"무작위 RBM D={D}, H={H}, 배치 {n}"))
    W, b, c = _random_rbm(rng, 5, 3)
    v = rng.random((4, 5)).astype(np.float32)                 # 확률값(0~1 실수)도 그대로 넣을 수 있다
    h = rng.random((4, 3)).astype(np.float32)
    cases.append(Case(args=(v, h, W, b, c), label="0/1이 아닌 실수 v, h (D=5, H=3)"))
    return cases


def _energy_reference(case: Case) -> np.ndarray:
    import tensorflow as tf

    v, h, W, b, c = (tf.constant(a, dtype=tf.float64) for a in _f64(*case.args))
    e = -tf.einsum("ni,i->n", v, b) - tf.einsum("nj,j->n", h, c) - tf.einsum("ni,ij,nj->n", v, W, h)
    return e.numpy()


# --- 연습문제 2: 조건부 확률 ------------------------------------------------------------------------

def _conditional_rbms(seed: int):
    rng = np.random.default_rng(seed)
    out = []
    for n, D, H in ((6, 4, 3), (5, 2, 8), (10, 7, 5), (3, 9, 1)):
        W, b, c = _random_rbm(rng, D, H, scale=1.5)
        v = (rng.random((n, D)) < 0.5).astype(np.float32)
        h = (rng.random((n, H)) < 0.5).astype(np.float32)
        out.append((v, h, W, b, c, f"무작위 RBM D={D}, H={H}, 배치 {n}"))
    return out


def _brute_p_h(v, W, b, c) -> np.ndarray:
    """p(h_j = 1 | v) = Σ_{h: h_j=1} exp(−E(v,h)) / Σ_h exp(−E(v,h))."""
    v, W, b, c = _f64(v, W, b, c)
    hs = all_states(W.shape[1])
    log_joint = -_energy_np(v, hs, W, b, c)                     # (n, 2^H)
    post = np.exp(log_joint - _logsumexp(log_joint, 1)[:, None])
    return post @ hs


def _brute_p_v(h, W, b) -> np.ndarray:
    h, W, b = _f64(h, W, b)
    vs = all_states(W.shape[0])
    log_joint = -_energy_np(vs, h, W, b, np.zeros(W.shape[1])).T   # (n, 2^D)
    post = np.exp(log_joint - _logsumexp(log_joint, 1)[:, None])
    return post @ vs


def _large_layer(seed: int):
    rng = np.random.default_rng(seed)
    W, b, c = _random_rbm(rng, 784, 100, scale=0.05)
    v = (rng.random((8, 784)) < 0.2).astype(np.float32)
    h = (rng.random((8, 100)) < 0.5).astype(np.float32)
    return v, h, W, b, c


def _ph_cases() -> list[Case]:
    cases = [Case(args=(v, W, c), kwargs={}, expected=_brute_p_h(v, W, b, c), label=label + " (전수 계산)")
             for v, h, W, b, c, label in _conditional_rbms(902)]
    v, h, W, b, c = _large_layer(912)
    cases.append(Case(args=(v, W, c), expected=None, label="MNIST 크기 층 D=784, H=100 (keras sigmoid)"))
    return cases


def _pv_cases() -> list[Case]:
    cases = [Case(args=(h, W, b), expected=_brute_p_v(h, W, b), label=label + " (전수 계산)")
             for v, h, W, b, c, label in _conditional_rbms(903)]
    v, h, W, b, c = _large_layer(913)
    cases.append(Case(args=(h, W, b), expected=None, label="MNIST 크기 층 D=784, H=100 (keras sigmoid)"))
    return cases


def _keras_sigmoid(x) -> np.ndarray:
    import keras

    return np.asarray(keras.activations.sigmoid(np.asarray(x, dtype=np.float32)), dtype=np.float64)


def _ph_reference(case: Case):
    if case.expected is not None:
        return case.expected
    v, W, c = case.args
    return _keras_sigmoid(v @ W + c)


def _pv_reference(case: Case):
    if case.expected is not None:
        return case.expected
    h, W, b = case.args
    return _keras_sigmoid(h @ W.T + b)


# --- 연습문제 3: 자유 에너지와 분배 함수 ------------------------------------------------------------

def _free_cases() -> list[Case]:
    rng = np.random.default_rng(904)
    cases = []
    for n, D, H, scale in ((6, 3, 2, 1.0), (8, 5, 6, 1.0), (4, 784, 10, 0.3), (10, 6, 9, 3.0), (2, 1, 1, 1.0)):
        W, b, c = _random_rbm(rng, D, H, scale=scale)
        v = (rng.random((n, D)) < 0.4).astype(np.float32)
        cases.append(Case(args=(v, W, b, c), label=f"무작위 RBM D={D}, H={H}, 배치 {n}"))
    W, b, c = _random_rbm(rng, 4, 3)
    W *= 60.0
    W[0, 0] = 150.0                                              # exp(150)은 float32에서 넘친다 (최대 약 e^88)
    v = np.eye(4, dtype=np.float32)
    cases.append(Case(args=(v, W, b, c), label="가중치가 아주 큰 RBM (exp가 넘치지 않게: softplus)"))
    return cases


def _free_reference(case: Case) -> np.ndarray:
    """F(v) = −log Σ_h exp(−E(v, h)) — 모든 h를 나열한다."""
    v, W, b, c = _f64(*case.args)
    return -_logsumexp(-_energy_np(v, all_states(W.shape[1]), W, b, c), 1)


def _logz_cases() -> list[Case]:
    rng = np.random.default_rng(905)
    cases = []
    for D, H, scale in ((3, 2, 1.0), (6, 4, 1.0), (8, 5, 2.0), (1, 6, 1.0), (10, 3, 0.5)):
        W, b, c = _random_rbm(rng, D, H, scale=scale)
        cases.append(Case(args=(W, b, c), label=f"무작위 RBM D={D}, H={H}"))
    W, b, c = _random_rbm(rng, 5, 4)
    W = W * 40.0
    W[:, 0] = 60.0                                               # v = 11111이면 −F ≈ 300: exp가 float32에서 넘친다
    cases.append(Case(args=(W, b, c), label="가중치가 아주 큰 RBM D=5, H=4 (logsumexp가 필요하다)"))
    return cases


def _logz_reference(case: Case) -> float:
    """log Z = log Σ_v Σ_h exp(−E(v, h)) — 가시층 상태와 은닉층 상태를 둘 다 나열한다."""
    W, b, c = _f64(*case.args)
    log_joint = -_energy_np(all_states(W.shape[0]), all_states(W.shape[1]), W, b, c).ravel()
    return float(_logsumexp(log_joint, 0))


# --- 연습문제 4: CD-1 ---------------------------------------------------------------------------------

def _cd_cases() -> list[Case]:
    rng = np.random.default_rng(906)
    cases = []
    for n, D, H, lr, sample in ((4, 6, 3, 0.1, True), (16, 20, 8, 0.05, True), (10, 784, 32, 0.1, True),
                                (5, 6, 4, 0.3, False), (12, 50, 10, 0.01, False), (1, 3, 2, 1.0, True)):
        W, b, c = _random_rbm(rng, D, H)
        v0 = (rng.random((n, D)) < 0.4).astype(np.float32)
        u_h = rng.random((n, H)).astype(np.float32)
        u_v = rng.random((n, D)).astype(np.float32)
        cases.append(Case(args=(v0, W, b, c, u_h, u_v), kwargs={"learning_rate": lr, "sample": sample},
                          label=f"무작위 RBM D={D}, H={H}, 배치 {n}, learning_rate={lr}, sample={sample}"))
    return cases


def _cd_reference(case: Case) -> dict:
    """같은 난수로 음의 표본을 만들고, 자유 에너지 차이의 그래디언트(tf.GradientTape)로 한 걸음."""
    import tensorflow as tf

    v0, W, b, c, u_h, u_v = _f64(*case.args)
    lr, sample = case.kwargs["learning_rate"], case.kwargs["sample"]
    sigmoid = lambda x: 1.0 / (1.0 + np.exp(-x))  # noqa: E731
    ph0 = sigmoid(v0 @ W + c)
    h0 = (u_h < ph0).astype(np.float64) if sample else ph0
    pv1 = sigmoid(h0 @ W.T + b)
    v1 = (u_v < pv1).astype(np.float64) if sample else pv1

    params = [tf.Variable(p) for p in (W, b, c)]

    def free(v):
        return -tf.linalg.matvec(v, params[1]) - tf.reduce_sum(tf.math.softplus(v @ params[0] + params[2]), axis=1)

    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(free(tf.constant(v0))) - tf.reduce_mean(free(tf.constant(v1)))
    grads = tape.gradient(loss, params)
    return {key: (p - lr * g).numpy() for key, p, g in zip("Wbc", params, grads)}


HIDDEN: dict[str, Exercise] = {
    "ch09-ex1-energy": Exercise(
        id="ch09-ex1-energy", cases=_energy_cases, run=run_energy, reference=_energy_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-3, name="에너지")),
    "ch09-ex2-conditional/p_h": Exercise(
        id="ch09-ex2-conditional/p_h", cases=_ph_cases, run=run_conditional_h, reference=_ph_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-5, name="p(h | v)")),
    "ch09-ex2-conditional/p_v": Exercise(
        id="ch09-ex2-conditional/p_v", cases=_pv_cases, run=run_conditional_v, reference=_pv_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-5, name="p(v | h)")),
    "ch09-ex3-likelihood/free_energy": Exercise(
        id="ch09-ex3-likelihood/free_energy", cases=_free_cases, run=run_free_energy, reference=_free_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-3, name="자유 에너지")),
    "ch09-ex3-likelihood/log_partition": Exercise(
        id="ch09-ex3-likelihood/log_partition", cases=_logz_cases, run=run_log_partition,
        reference=_logz_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-3, name="log Z")),
    "ch09-ex4-cd1": Exercise(
        id="ch09-ex4-cd1", cases=_cd_cases, run=run_cd1, reference=_cd_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-5, name="새")),
}


# --- 연습문제 5: CD-k 학습 루프 -------------------------------------------------------------------------
# 숨은 데이터: 공개 사례(시드 0)와 다른 시드의 원형과 잡음. 시험 데이터는 기댓값으로만 쓰이고 상자에 들어가지 않는다.

_TRAIN_HIDDEN_SEED = 7190


def _train_hidden_cases() -> list[Case]:
    v_train, v_test = prototype_data(_TRAIN_HIDDEN_SEED)
    return [Case(args=(v_train,), kwargs={"n_hidden": TRAIN_SHAPE["n_hidden"], "seed": 0}, expected=v_test,
                 label=f"숨은 원형 4개 (훈련 {len(v_train)}개, 시험 {len(v_test)}개, D=10, H=6)")]


HIDDEN.update({f"ch09-ex5-train/{level}": train_exercise(level, _train_hidden_cases) for level in TRAIN_BARS})
