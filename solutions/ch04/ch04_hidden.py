"""4장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다. 기준은 TensorFlow/Keras가 그 연산을 가진 곳에서는
TensorFlow/Keras 자체다: 활성화 함수는 ``keras.activations``의 값과 ``tf.GradientTape``으로 구한 도함수,
2층 MLP의 그래디언트는 ``keras.losses.MeanSquaredError``를 ``tf.GradientTape``으로 미분한 것, 수치 그래디언트는
문제의 정의(중앙 차분)와 ``tf.GradientTape``의 해석적 그래디언트다. 퍼셉트론 학습 규칙과 SOM 한 단계는
Keras에 없으므로 이 파일의 기준 구현(문제에 적힌 정의 그대로)과 비교한다.

TensorFlow와 Keras는 함수 안에서 import한다: 채점기가 이 파일을 불러올 때는 stderr를 막지 않으므로
import 때의 로그가 테스트 셀에 찍히지 않도록, 무거운 일은 모두 ``quiet()`` 안에서 도는
``cases``/``run``/``reference``에서 한다.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from dlbook.checker import Case, Exercise
from dlbook.exercises.ch04 import (
    ACTIVATION_NAMES,
    CREDIT_BARS,
    credit_exercise,
    compare_mlp,
    compare_numerical_gradient,
    compare_perceptron,
    compare_som,
    run_activation,
    run_mlp,
    run_numerical_gradient,
    run_perceptron,
    run_som_step,
)

# --- 연습문제 1: 활성화 함수와 도함수 ---------------------------------------------------------------

_DEFAULT_ALPHA = {"leaky_relu": 0.1, "elu": 1.0}


def _keras_activation(base: str, x, alpha: float | None):
    import keras

    if base == "leaky_relu":
        return keras.activations.leaky_relu(x, negative_slope=_DEFAULT_ALPHA[base] if alpha is None else alpha)
    if base == "elu":
        return keras.activations.elu(x, alpha=_DEFAULT_ALPHA[base] if alpha is None else alpha)
    return getattr(keras.activations, base)(x)


def activation_reference(name: str, x: np.ndarray, alpha: float | None = None) -> np.ndarray:
    """Keras 활성화 함수의 값, 또는 (이름이 _grad로 끝나면) tf.GradientTape으로 구한 원소별 도함수 (float64)."""
    import tensorflow as tf

    base = name.removesuffix("_grad")
    t = tf.constant(np.asarray(x, dtype=np.float64))
    with tf.GradientTape() as tape:
        tape.watch(t)
        y = _keras_activation(base, t, alpha)
    if name == base:
        return y.numpy()
    # 원소별 함수이므로 합의 그래디언트가 곧 원소별 도함수다
    return tape.gradient(y, t, unconnected_gradients=tf.UnconnectedGradients.ZERO).numpy()


def _activation_cases(name: str) -> list[Case]:
    base = name.removesuffix("_grad")
    rng = np.random.default_rng(100 + 2 * ACTIVATION_NAMES.index(base) + name.endswith("_grad"))
    cases = [
        Case(args=(rng.uniform(-6.0, 6.0, size=50),), label="[-6, 6]의 무작위 값 50개, 기본 인자"),
        Case(args=(rng.normal(0.0, 2.0, size=(3, 4)),), label="모양 (3, 4)인 2차원 배열"),
        Case(args=(np.array([-30.0, -12.5, -1e-3, 1e-3, 12.5, 30.0]),), label="절댓값이 큰 값과 0 근처 값"),
    ]
    if base in _DEFAULT_ALPHA:
        for alpha in (0.05, 0.3, 2.0):
            cases.append(Case(args=(rng.uniform(-4.0, 4.0, size=20),), kwargs={"alpha": alpha},
                              label=f"alpha={alpha}"))
    return cases


def _activation_exercise(name: str) -> Exercise:
    return Exercise(
        id=f"ch04-ex1-activations/{name}", cases=lambda: _activation_cases(name), run=run_activation,
        reference=lambda case: activation_reference(name, case.args[0], case.kwargs.get("alpha")),
        rtol=1e-6, atol=1e-9)


# --- 연습문제 2: 퍼셉트론 학습 --------------------------------------------------------------------

def perceptron_reference(X, y, learning_rate: float = 0.1, epochs: int = 10) -> dict:
    """문제의 정의 그대로: w=0, b=0에서 시작해 에포크마다 샘플을 순서대로 보며 바로 갱신한다."""
    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(epochs):
        for x_i, t_i in zip(X, y):
            y_hat = 1.0 if x_i @ w + b > 0 else 0.0
            error = t_i - y_hat
            w = w + learning_rate * error * x_i
            b = b + learning_rate * error
    return {"w": w, "b": b, "pred": (X @ w + b > 0).astype(float)}


def _perceptron_cases() -> list[Case]:
    rng = np.random.default_rng(202)
    gates = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=np.float64)
    cases = [
        Case(args=(gates, np.array([1, 1, 1, 0])), kwargs={"learning_rate": 0.1, "epochs": 10},
             label="NAND 게이트, 학습률 0.1"),
        Case(args=(gates, np.array([0, 1, 1, 1])), kwargs={"learning_rate": 1.0, "epochs": 5},
             label="OR 게이트, 학습률 1.0"),
        Case(args=(gates, np.array([0, 0, 0, 1])), kwargs={"learning_rate": 0.25, "epochs": 2},
             label="AND 게이트, 두 에포크만"),
    ]
    for n, d in ((30, 3), (60, 5)):
        X = rng.normal(size=(n, d))
        normal = rng.normal(size=d)
        y = (X @ normal + 0.3 > 0).astype(int)
        cases.append(Case(args=(X, y), kwargs={"learning_rate": 0.05, "epochs": 20},
                          label=f"선형 분리 가능한 무작위 데이터 {n}개, 특성 {d}개"))
    X = rng.normal(size=(40, 2))
    y = (rng.random(40) < 0.5).astype(float)
    cases.append(Case(args=(X, y), kwargs={"learning_rate": 0.3, "epochs": 7},
                      label="분리할 수 없는 무작위 데이터 (갱신 순서가 결과를 정한다)"))
    cases.append(Case(args=(gates, np.array([0.0, 1.0, 1.0, 0.0])), kwargs={"learning_rate": 0.1, "epochs": 6},
                      label="XOR: 끝내 수렴하지 않는다"))
    return cases


# --- 연습문제 3: 2층 MLP의 순전파와 역전파 -----------------------------------------------------------

def mlp_reference(X, y, W1, b1, W2, b2) -> dict:
    """같은 망을 TensorFlow로 계산하고 keras.losses.MeanSquaredError를 tf.GradientTape으로 미분한다."""
    import keras
    import tensorflow as tf

    params = [tf.Variable(np.asarray(p, dtype=np.float64)) for p in (W1, b1, W2, b2)]
    X = tf.constant(np.asarray(X, dtype=np.float64))
    y = tf.constant(np.asarray(y, dtype=np.float64))
    with tf.GradientTape() as tape:
        hidden = tf.sigmoid(X @ params[0] + params[1])
        y_hat = tf.sigmoid(hidden @ params[2] + params[3])
        loss = keras.losses.MeanSquaredError(dtype="float64")(y, y_hat)   # float32로 바꾸지 않게
    grads = tape.gradient(loss, params)
    return {"loss": float(loss), **{f"d{k}": g.numpy() for k, g in zip(("W1", "b1", "W2", "b2"), grads)}}


def _mlp_cases() -> list[Case]:
    rng = np.random.default_rng(303)
    cases = []
    for n, d, h, m in ((5, 3, 4, 2), (16, 4, 6, 1), (1, 2, 3, 3), (8, 6, 2, 4)):
        X = rng.normal(size=(n, d))
        y = rng.random((n, m))
        W1, b1 = rng.normal(0, 0.8, size=(d, h)), rng.normal(0, 0.3, size=h)
        W2, b2 = rng.normal(0, 0.8, size=(h, m)), rng.normal(0, 0.3, size=m)
        cases.append(Case(args=(X, y, W1, b1, W2, b2), label=f"샘플 {n}개, 입력 {d} → 은닉 {h} → 출력 {m}"))
    return cases


# --- 연습문제 4: 수치 그래디언트 ---------------------------------------------------------------------

def central_difference(f: Callable, x: np.ndarray, h: float) -> np.ndarray:
    """문제의 정의 그대로의 중앙 차분 (원소마다 복사본에서 ±h)."""
    x = np.asarray(x, dtype=np.float64)
    grad = np.zeros_like(x)
    for idx in np.ndindex(x.shape):
        plus, minus = x.copy(), x.copy()
        plus[idx] += h
        minus[idx] -= h
        grad[idx] = (f(plus) - f(minus)) / (2 * h)
    return grad


class _Function:
    """NumPy로 부르는 f(학생 함수에 넘긴다)와, 같은 식의 TensorFlow 판(해석적 그래디언트용)."""

    def __init__(self, label: str, numpy_f: Callable, tf_f: Callable):
        self.label, self.numpy_f, self.tf_f = label, numpy_f, tf_f

    def __call__(self, x):
        return float(self.numpy_f(np.asarray(x, dtype=np.float64)))

    def tape_gradient(self, x: np.ndarray) -> np.ndarray:
        import tensorflow as tf

        t = tf.Variable(np.asarray(x, dtype=np.float64))
        with tf.GradientTape() as tape:
            value = self.tf_f(t)
        return tape.gradient(value, t).numpy()


def _functions() -> list[tuple[_Function, np.ndarray]]:
    import tensorflow as tf

    rng = np.random.default_rng(404)
    A = rng.normal(size=(4, 4))
    A = A @ A.T + np.eye(4)
    bvec = rng.normal(size=4)
    Xdata = rng.normal(size=(6, 3))
    target = rng.random((6, 2))

    def net_np(W):
        return np.mean((np.tanh(Xdata @ W) - target) ** 2)

    def net_tf(W):
        return tf.reduce_mean((tf.tanh(tf.constant(Xdata) @ W) - tf.constant(target)) ** 2)

    return [
        (_Function("log-sum-exp", lambda x: np.log(np.sum(np.exp(x))),
                   lambda t: tf.math.reduce_logsumexp(t)), rng.normal(size=5)),
        (_Function("Σ x·exp(−x²)", lambda x: np.sum(x * np.exp(-x * x)),
                   lambda t: tf.reduce_sum(t * tf.exp(-t * t))), rng.uniform(-1.5, 1.5, size=6)),
        (_Function("이차 형식 ½xᵀAx + bᵀx", lambda x: 0.5 * x @ A @ x + bvec @ x,
                   lambda t: 0.5 * tf.tensordot(t, tf.linalg.matvec(tf.constant(A), t), 1)
                   + tf.tensordot(tf.constant(bvec), t, 1)), rng.normal(size=4)),
        (_Function("작은 망의 손실 (가중치 행렬 3×2)", net_np, net_tf), rng.normal(size=(3, 2))),
        (_Function("Σ exp(x) (3차원 배열)", lambda x: np.sum(np.exp(x)),
                   lambda t: tf.reduce_sum(tf.exp(t))), rng.normal(0, 0.5, size=(2, 2, 2))),
    ]


def _numgrad_cases() -> list[Case]:
    cases = []
    for k, (f, x) in enumerate(_functions()):
        h = (1e-3, 1e-4, None, 1e-3, 2e-3)[k]
        kwargs = {} if h is None else {"h": h}
        cases.append(Case(args=(f, x), kwargs=kwargs,
                          label=f"f = {f.label}, 모양 {x.shape}, h = {h if h is not None else '기본값 1e-5'}"))
    return cases


def _numgrad_reference(case: Case) -> dict:
    f, x = case.args
    h = case.kwargs.get("h", 1e-5)
    return {"central": central_difference(f, x, h), "tape": f.tape_gradient(x), "h": h}


def _numgrad_compare(got, expected: dict, case: Case) -> None:
    # 1) 정의대로의 중앙 차분과 거의 같아야 한다 (전향 차분, 2h 대신 h로 나누기는 여기서 걸린다)
    compare_numerical_gradient(got, expected["central"], case)
    # 2) 해석적 그래디언트와도 가까워야 한다 (오차는 h²에 비례)
    compare_numerical_gradient(got, expected["tape"], case, rtol=1e-4, atol=50 * expected["h"] ** 2 + 1e-7)


# --- 연습문제 5: SOM 한 단계 ---------------------------------------------------------------------

def som_reference(weights, grid, x, learning_rate: float, sigma: float) -> np.ndarray:
    """문제의 정의 그대로의 SOM 한 단계 (승자: 유클리드 거리의 argmin, 첫 번째 인덱스)."""
    weights = np.asarray(weights, dtype=np.float64)
    grid = np.asarray(grid, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    winner = int(np.argmin(np.linalg.norm(weights - x, axis=1)))
    grid_dist2 = np.sum((grid - grid[winner]) ** 2, axis=1)
    h = np.exp(-grid_dist2 / (2 * sigma ** 2))
    return weights + learning_rate * h[:, None] * (x - weights)


def _grid(rows: int, cols: int) -> np.ndarray:
    r, c = np.divmod(np.arange(rows * cols), cols)
    return np.column_stack([r, c]).astype(float)


def _som_cases() -> list[Case]:
    rng = np.random.default_rng(505)
    cases = []
    for rows, cols, d, lr, sigma in ((3, 4, 2, 0.3, 1.5), (1, 6, 3, 0.8, 0.7), (5, 5, 8, 0.1, 2.5),
                                     (2, 3, 4, 1.0, 0.4)):
        weights = rng.random((rows * cols, d))
        x = rng.random(d)
        cases.append(Case(args=(weights, _grid(rows, cols), x), kwargs={"learning_rate": lr, "sigma": sigma},
                          label=f"{rows}×{cols} 격자, 입력 {d}차원, 학습률 {lr}, σ = {sigma}"))
    # 동점: x가 2번과 5번 원형에서 똑같이 떨어져 있다 → 2번이 승자
    weights = rng.random((6, 2))
    weights[2] = [0.2, 0.2]
    weights[5] = [0.6, 0.2]
    weights[[0, 1, 3, 4]] += 3.0
    cases.append(Case(args=(weights, _grid(2, 3), np.array([0.4, 0.2])), kwargs={"learning_rate": 0.5, "sigma": 1.2},
                      label="동점: 두 원형이 입력에서 똑같이 떨어져 있다 (번호가 작은 쪽이 승자)"))
    # 격자 좌표가 정수가 아닌 경우와 입력 공간에서 먼 이웃
    grid = _grid(3, 3) * 0.5
    weights = rng.normal(size=(9, 3)) * 4.0
    cases.append(Case(args=(weights, grid, rng.normal(size=3)), kwargs={"learning_rate": 0.6, "sigma": 0.8},
                      label="격자 간격 0.5, 원형이 입력 공간에 흩어져 있다"))
    return cases


HIDDEN: dict[str, Exercise] = {
    **{f"ch04-ex1-activations/{name}": _activation_exercise(name)
       for base in ACTIVATION_NAMES for name in (base, f"{base}_grad")},
    "ch04-ex2-perceptron": Exercise(
        id="ch04-ex2-perceptron", cases=_perceptron_cases, run=run_perceptron,
        reference=lambda case: perceptron_reference(*case.args, **case.kwargs), compare=compare_perceptron),
    "ch04-ex3-mlp-backprop": Exercise(
        id="ch04-ex3-mlp-backprop", cases=_mlp_cases, run=run_mlp,
        reference=lambda case: mlp_reference(*case.args), compare=compare_mlp),
    "ch04-ex4-numerical-gradient": Exercise(
        id="ch04-ex4-numerical-gradient", cases=_numgrad_cases, run=run_numerical_gradient,
        reference=_numgrad_reference, compare=_numgrad_compare),
    "ch04-ex5-som-step": Exercise(
        id="ch04-ex5-som-step", cases=_som_cases, run=run_som_step,
        reference=lambda case: som_reference(*case.args, **case.kwargs), compare=compare_som),
    # 숨은 나누기: 4-9절(시드 0)과 다른 시드의 700/300. 시험 레이블은 기댓값으로만 쓰이고 상자에 들어가지 않는다
    **{f"ch04-ex6-credit-mlp/{level}": credit_exercise(level, 1, "숨은 나누기") for level in CREDIT_BARS},
}
