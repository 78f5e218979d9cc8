"""1장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다. 기준은 TensorFlow/Keras 자체다:
RMSE는 ``keras.metrics.RootMeanSquaredError``와 ``keras.losses``, 경사 하강 한 스텝은
``tf.GradientTape`` + ``keras.optimizers.SGD``, 옵티마이저는 ``keras.optimizers.*``를 float64 변수에
적용한 결과다. 미니배치는 문제의 정의(``np.random.default_rng(seed).permutation``)가 곧 기준이고,
Keras 이차식 적합은 데이터를 만든 참 계수가 기준이다.

TensorFlow와 Keras는 함수 안에서 import한다: 채점기가 이 파일을 불러올 때는 stderr를 막지 않으므로
import 때의 로그가 테스트 셀에 찍히지 않도록, 무거운 일은 모두 ``quiet()`` 안에서 도는
``cases``/``run``/``reference``에서 한다.
"""
from __future__ import annotations

import re
from typing import Any, Callable

import numpy as np

from dlbook.checker import Case, CheckFailure, Exercise, code_without_comments, compare_arrays
from dlbook.exercises.ch01 import (
    OPTIMIZER_NAMES,
    compare_coefficients,
    compare_gd_steps,
    compare_minibatches,
    compare_trajectory,
    run_fit_quadratic,
    run_gd_steps,
    run_minibatches,
    run_optimizer,
    scalar_of,
)

# --- 연습문제 1: RMSE ----------------------------------------------------------------------------

def _rmse_cases() -> list[Case]:
    rng = np.random.default_rng(101)
    cases = []
    for n in (1, 7, 64, 1000):
        y_true = rng.normal(0.0, 3.0, size=n).astype(np.float32)
        y_pred = (y_true + rng.normal(0.0, 1.0, size=n) + 0.5).astype(np.float32)
        cases.append(Case(args=(y_true, y_pred), label=f"길이 {n}인 무작위 float32 벡터"))
    return cases


def _rmse_run(func: Callable, case: Case) -> dict:
    """NumPy 입력으로 값을, 텐서 입력으로 y_pred에 대한 그래디언트를 잰다."""
    import tensorflow as tf

    y_true, y_pred = case.args
    got = func(y_true.copy(), y_pred.copy())
    if not tf.is_tensor(got):
        raise CheckFailure(f"TensorFlow 텐서를 돌려주어야 합니다 (실제: {type(got).__name__})")
    value = scalar_of(got, "RMSE")
    pred = tf.constant(y_pred)
    with tf.GradientTape() as tape:
        tape.watch(pred)
        loss = func(tf.constant(y_true), pred)
    grad = tape.gradient(loss, pred)
    if grad is None:
        raise CheckFailure("y_pred에 대한 그래디언트가 None입니다: 계산 중간에 NumPy를 거치면 "
                           "GradientTape이 미분할 수 없습니다. TensorFlow 연산만 쓰세요")
    return {"value": value, "gradient": grad.numpy()}


def _rmse_reference(case: Case) -> dict:
    import keras
    import tensorflow as tf

    y_true, y_pred = case.args
    metric = keras.metrics.RootMeanSquaredError()
    metric.update_state(y_true, y_pred)
    pred = tf.constant(y_pred)
    with tf.GradientTape() as tape:
        tape.watch(pred)
        loss = tf.sqrt(keras.losses.MeanSquaredError()(tf.constant(y_true), pred))
    return {"value": float(metric.result()), "gradient": tape.gradient(loss, pred).numpy()}


def _rmse_compare(got: dict, expected: dict, case: Case) -> None:
    compare_arrays(got["value"], expected["value"], rtol=1e-5, atol=1e-6, name="RMSE 값")
    compare_arrays(got["gradient"], expected["gradient"], rtol=1e-4, atol=1e-6,
                   name="y_pred에 대한 그래디언트")


# --- 연습문제 2: 경사 하강법 한 스텝 -------------------------------------------------------------

_GD_STEPS = 4


def _gd_cases() -> list[Case]:
    rng = np.random.default_rng(202)
    cases = []
    for learning_rate, n in ((0.01, 40), (0.05, 25), (0.002, 60)):
        x = np.sort(rng.uniform(-4.0, 4.0, size=n)).astype(np.float32)
        coef = rng.uniform(-3.0, 3.0, size=3)
        y = (coef[0] * x * x + coef[1] * x + coef[2] + rng.normal(0.0, 0.5, size=n)).astype(np.float32)
        start = tuple(float(v) for v in rng.uniform(-2.0, 2.0, size=3).astype(np.float32))
        cases.append(Case(args=(x, y, learning_rate, start, _GD_STEPS),
                          label=f"무작위 데이터 {n}개, 학습률 {learning_rate}, 연속 {_GD_STEPS}스텝"))
    return cases


def _gd_reference(case: Case) -> dict:
    """같은 갱신을 tf.GradientTape과 keras.optimizers.SGD(평범한 경사 하강)로 한다."""
    import keras
    import tensorflow as tf

    x, y, learning_rate, start, steps = case.args
    variables = [tf.Variable(v, dtype=tf.float32) for v in start]
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    losses, params = [], []
    for _ in range(steps):
        with tf.GradientTape() as tape:
            a, b, c = variables
            y_hat = a * x * x + b * x + c
            loss = tf.sqrt(keras.losses.mean_squared_error(tf.constant(y), y_hat))
        optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
        losses.append(float(loss))
        params.append([float(v.numpy()) for v in variables])
    return {"losses": losses, "params": params}


# --- 연습문제 3: 옵티마이저 ----------------------------------------------------------------------

# 함수의 기본 하이퍼파라미터 (문제에 적힌 시그니처와 같다)
_DEFAULTS = {
    "momentum": {"learning_rate": 0.01, "momentum": 0.9},
    "nag": {"learning_rate": 0.01, "momentum": 0.9},
    "adagrad": {"learning_rate": 0.001, "initial_accumulator_value": 0.1, "epsilon": 1e-7},
    "rmsprop": {"learning_rate": 0.001, "rho": 0.9, "epsilon": 1e-7},
    "adadelta": {"learning_rate": 0.001, "rho": 0.95, "epsilon": 1e-7},
    "adam": {"learning_rate": 0.001, "beta_1": 0.9, "beta_2": 0.999, "epsilon": 1e-7},
}
# 기본값이 아닌 하이퍼파라미터 (학습률은 float32로 정확히 표현되는 값: Keras는 학습률을 float32로 보관한다)
_CUSTOM = {
    "momentum": {"learning_rate": 0.0625, "momentum": 0.5},
    "nag": {"learning_rate": 0.0625, "momentum": 0.5},
    "adagrad": {"learning_rate": 0.125, "initial_accumulator_value": 0.5, "epsilon": 1e-5},
    "rmsprop": {"learning_rate": 0.015625, "rho": 0.75, "epsilon": 1e-5},
    "adadelta": {"learning_rate": 1.0, "rho": 0.9, "epsilon": 1e-6},
    "adam": {"learning_rate": 0.0625, "beta_1": 0.8, "beta_2": 0.99, "epsilon": 1e-5},
}
_OPT_STEPS = 12
_TINY = 1e-6  # 아주 작은 그래디언트: ε의 위치가 결과를 바꾸는 영역


def _keras_optimizer(name: str, hyper: dict):
    import keras

    if name in ("momentum", "nag"):
        return keras.optimizers.SGD(learning_rate=hyper["learning_rate"], momentum=hyper["momentum"],
                                    nesterov=name == "nag")
    cls = {"adagrad": keras.optimizers.Adagrad, "rmsprop": keras.optimizers.RMSprop,
           "adadelta": keras.optimizers.Adadelta, "adam": keras.optimizers.Adam}[name]
    return cls(**hyper)


class _Quadratic:
    """f(θ) = ½ θᵀAθ − bᵀθ (A는 시드로 만든 양의 정부호 행렬). θ는 어떤 모양이든 된다."""

    def __init__(self, rng: np.random.Generator, shape: tuple[int, ...], scale: float = 1.0):
        dim = int(np.prod(shape))
        q, _ = np.linalg.qr(rng.normal(size=(dim, dim)))
        self.A = q @ np.diag(np.geomspace(0.2, 5.0, dim)) @ q.T
        self.b = rng.normal(size=dim)
        self.scale = scale
        self.shape = shape
        self.theta0 = rng.normal(size=shape)

    def gradient(self, theta: np.ndarray, step: int = 0) -> np.ndarray:
        flat = np.asarray(theta, dtype=np.float64).reshape(-1)
        return (self.scale * (self.A @ flat - self.b)).reshape(self.shape)


def _keras_trajectories(name: str, hyper: dict, problems: list[_Quadratic], steps: int) -> list[np.ndarray]:
    """한 Keras 옵티마이저로 여러 문제를 함께 ``steps``번 갱신해 문제마다 theta 기록을 돌려준다.

    여섯 옵티마이저의 갱신은 모두 원소별이고 Adam의 스텝 수는 문제마다 같으므로, 문제들의 theta를
    이어 붙인 float64 변수 하나를 갱신해도 문제마다 따로 갱신한 것과 같다. 변수 하나로 하면
    eager 모드의 Keras 호출이 한 스텝에 한 번으로 줄어 채점이 빠르다.
    """
    import keras
    import tensorflow as tf

    sizes = [p.theta0.size for p in problems]
    bounds = np.cumsum([0, *sizes])
    variable = keras.Variable(np.concatenate([p.theta0.reshape(-1) for p in problems]), dtype="float64")
    optimizer = _keras_optimizer(name, hyper)
    history = []
    for _ in range(steps):
        flat = np.asarray(variable.numpy(), dtype=np.float64)
        grad = np.concatenate([
            p.gradient(flat[lo:hi].reshape(p.shape)).reshape(-1)
            for p, lo, hi in zip(problems, bounds[:-1], bounds[1:])])
        optimizer.apply_gradients([(tf.constant(grad, dtype=tf.float64), variable)])
        history.append(np.array(variable.numpy(), dtype=np.float64))
    history = np.array(history)
    return [history[:, lo:hi].reshape((steps, *p.shape))
            for p, lo, hi in zip(problems, bounds[:-1], bounds[1:])]


def _optimizer_cases(name: str) -> list[Case]:
    """사례와 기댓값을 한꺼번에 만든다 (기본값 사례들은 Keras 옵티마이저 하나로 함께 갱신해 빠르다)."""
    rng = np.random.default_rng(300 + OPTIMIZER_NAMES.index(name))
    plain = _Quadratic(rng, (5,))
    tiny = _Quadratic(rng, (4,), scale=_TINY)
    pair = (_Quadratic(rng, (3,)), _Quadratic(rng, (3,)))
    matrix = _Quadratic(rng, (2, 3))
    t_plain, t_tiny, t_pair0, t_pair1 = _keras_trajectories(name, _DEFAULTS[name],
                                                            [plain, tiny, *pair], _OPT_STEPS)
    (t_matrix,) = _keras_trajectories(name, _CUSTOM[name], [matrix], _OPT_STEPS)
    return [
        Case(args=("single", plain), kwargs={}, expected=t_plain,
             label=f"5차원 이차함수, 기본 하이퍼파라미터(인자 없이 호출), {_OPT_STEPS}스텝"),
        Case(args=("single", matrix), kwargs=dict(_CUSTOM[name]), expected=t_matrix,
             label=f"모양 (2, 3)인 theta, 하이퍼파라미터 {_CUSTOM[name]}, {_OPT_STEPS}스텝"),
        Case(args=("single", tiny), kwargs={}, expected=t_tiny,
             label=f"그래디언트가 아주 작은(×{_TINY:g}) 이차함수: epsilon의 위치가 드러난다"),
        Case(args=("pair", pair), kwargs={}, expected=(t_pair0, t_pair1),
             label="두 문제를 state 두 개로 번갈아 한 스텝씩 (상태를 state에만 두는지)"),
    ]


_FORBIDDEN = re.compile(r"\bdlbook\s*\.\s*optim\b|\bfrom\s+dlbook\s+import\b.*\boptim\b|\boptimizers\b")


def _check_source(func: Callable) -> None:
    code = code_without_comments(func)
    if code is not None and _FORBIDDEN.search(code):
        raise CheckFailure("keras.optimizers나 dlbook.optim을 불러 쓰지 말고 갱신 식을 NumPy로 직접 구현하세요")


def _optimizer_run(func: Callable, case: Case) -> Any:
    _check_source(func)
    kind, problem = case.args
    if kind == "single":
        return run_optimizer(func, problem.theta0, problem.gradient, _OPT_STEPS, case.kwargs)
    # 두 문제를 번갈아: 스텝마다 문제 0, 문제 1을 각자의 state로 한 번씩 갱신한다
    states: list[dict] = [{}, {}]
    thetas = [np.array(p.theta0, dtype=np.float64) for p in problem]
    history: list[list[np.ndarray]] = [[], []]
    for _ in range(_OPT_STEPS):
        for j, p in enumerate(problem):
            new = run_optimizer(func, thetas[j], p.gradient, 1, case.kwargs, state=states[j])[0]
            thetas[j] = new
            history[j].append(new)
    return tuple(np.array(h) for h in history)


def _optimizer_compare(got: Any, expected: Any, case: Case) -> None:
    kind, problem = case.args
    if kind == "single":
        compare_trajectory(got, expected, problem.theta0)
    else:
        for j, (g, e) in enumerate(zip(got, expected)):
            compare_trajectory(g, e, problem[j].theta0, what=f"문제 {j + 1}의")


def _optimizer_exercise(name: str) -> Exercise:
    return Exercise(id=f"ch01-ex3-optimizers/{name}", cases=lambda: _optimizer_cases(name),
                    run=_optimizer_run, compare=_optimizer_compare)


# --- 연습문제 4: 미니배치 ------------------------------------------------------------------------

def _minibatch_reference(case: Case) -> list[np.ndarray]:
    n, batch_size = case.args
    shuffle = case.kwargs.get("shuffle", True)
    seed = case.kwargs.get("seed", 0)
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]


def _minibatch_cases() -> list[Case]:
    rng = np.random.default_rng(404)
    cases = []
    for _ in range(3):
        n, batch_size, seed = int(rng.integers(20, 200)), int(rng.integers(2, 33)), int(rng.integers(0, 10_000))
        cases.append(Case(args=(n, batch_size), kwargs={"shuffle": True, "seed": seed},
                          label=f"n={n}, batch_size={batch_size}, seed={seed}"))
    cases += [
        Case(args=(60, 15), kwargs={"shuffle": True, "seed": 5}, label="n이 batch_size로 나누어떨어질 때"),
        Case(args=(7, 10), kwargs={"shuffle": True, "seed": 3}, label="batch_size > n: 묶음 하나"),
        Case(args=(37, 8), kwargs={"shuffle": False}, label="shuffle=False, 나누어떨어지지 않을 때"),
        Case(args=(5, 1), kwargs={"shuffle": True, "seed": 11}, label="batch_size=1"),
        Case(args=(50, 16), kwargs={}, label="기본값 (shuffle=True, seed=0)으로 호출"),
    ]
    return cases


# --- 연습문제 5: Keras로 계수 추정 ---------------------------------------------------------------

def _fit_cases() -> list[Case]:
    rng = np.random.default_rng(505)
    x = np.arange(-5, 5, 0.1)
    cases = []
    for k in range(2):
        coef = rng.uniform(-3.0, 3.0, size=3)
        y = coef[0] * x * x + coef[1] * x + coef[2]
        cases.append(Case(args=(x, y), expected=[float(v) for v in coef],
                          label=f"무작위 이차식 {k + 1}: 계수 [-3, 3]에서 뽑음, 잡음 없음"))
    return cases


def _fit_run(func: Callable, case: Case) -> list[float]:
    return run_fit_quadratic(func, case, seed=1234)


# --- 목록 --------------------------------------------------------------------------------------

HIDDEN: dict[str, Exercise] = {
    "ch01-ex1-rmse": Exercise(id="ch01-ex1-rmse", cases=_rmse_cases, run=_rmse_run,
                              reference=_rmse_reference, compare=_rmse_compare),
    "ch01-ex2-gd-step": Exercise(id="ch01-ex2-gd-step", cases=_gd_cases, run=run_gd_steps,
                                 reference=_gd_reference, compare=compare_gd_steps),
    **{f"ch01-ex3-optimizers/{name}": _optimizer_exercise(name) for name in OPTIMIZER_NAMES},
    "ch01-ex4-minibatches": Exercise(id="ch01-ex4-minibatches", cases=_minibatch_cases, run=run_minibatches,
                                     reference=_minibatch_reference, compare=compare_minibatches),
    "ch01-ex5-keras-quadratic": Exercise(
        id="ch01-ex5-keras-quadratic", cases=_fit_cases, run=_fit_run,
        compare=lambda g, e, c: compare_coefficients(g, e, c, atol=0.05)),
}
