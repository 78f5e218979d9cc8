"""1장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 교재의 예와 Keras로 한 번 계산해 둔 숫자(리터럴)뿐이고,
함수들은 학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 입력과 Keras 기준 구현을 쓰는
숨은 사례는 강사용 ``solutions/ch01/ch01_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch01-ex1-rmse`` | RMSE 손실 | 1-7 |
| ``ch01-ex2-gd-step`` | 경사 하강법 한 스텝 | 1-7 |
| ``ch01-ex3-optimizers/<이름>`` | NumPy 옵티마이저 여섯 가지 | 1-9 |
| ``ch01-ex4-minibatches`` | 미니배치 인덱스 | 1-13 |
| ``ch01-ex5-keras-quadratic`` | Keras로 이차식 계수 추정 | 1-14 |
"""
from __future__ import annotations

import re
from typing import Any, Callable

import numpy as np

from dlbook import checker
from dlbook.checker import forbid_calls, Case, CheckFailure, Exercise, code_without_comments, compare_arrays

__all__ = [
    "OPTIMIZER_NAMES", "VISIBLE", "compare_coefficients", "compare_gd_steps", "compare_minibatches",
    "compare_trajectory", "run_fit_quadratic", "run_gd_steps", "run_minibatches", "run_optimizer",
    "run_rmse_value", "scalar_of",
]

OPTIMIZER_NAMES = ("momentum", "nag", "adagrad", "rmsprop", "adadelta", "adam")
"""연습문제 3의 옵티마이저 (id는 ``ch01-ex3-optimizers/<이름>``, 함수는 ``<이름>_step``)."""


def _text_data() -> tuple[np.ndarray, np.ndarray]:
    """1-7절의 데이터: x = -5.0, -4.9, …, 4.9 와 y = 2x² + 3x + 5."""
    x = np.arange(-5, 5, 0.1)
    return x, 2 * x * x + 3 * x + 5


def scalar_of(value: Any, what: str) -> float:
    """학생이 돌려준 스칼라(파이썬 수, NumPy 수, 텐서)를 float으로 바꾼다 (모양은 정확히 ``()``)."""
    return checker.scalar_of(value, what, exact=True)


# --- 연습문제 1: RMSE ----------------------------------------------------------------------------

def run_rmse_value(func: Callable, case: Case) -> float:
    """``rmse(y_true, y_pred)``를 불러 스칼라 텐서인지 확인하고 값을 돌려준다."""
    import tensorflow as tf

    got = func(*case.args)
    if not tf.is_tensor(got):
        raise CheckFailure(f"TensorFlow 텐서를 돌려주어야 합니다 (실제: {type(got).__name__}). "
                           "tf.square, tf.reduce_mean, tf.sqrt로 계산해야 GradientTape이 미분할 수 있습니다")
    value = scalar_of(got, "RMSE")
    # 프롬프트의 요구: GradientTape이 미분할 수 있어야 한다 (중간에 NumPy를 거치면 그래디언트가 None이 된다)
    y_true, y_pred = (np.asarray(a, np.float32) for a in case.args)
    pred = tf.Variable(y_pred)
    with tf.GradientTape() as tape:
        loss = func(tf.constant(y_true), pred)
    if tape.gradient(loss, pred) is None:
        raise CheckFailure("값은 나왔지만 GradientTape이 이 RMSE를 미분할 수 없습니다 (y_pred에 대한 그래디언트가 None). "
                           "계산 중간에 np.asarray나 .numpy()로 NumPy 배열을 거치면 테이프가 끊깁니다")
    return value


def _rmse_cases() -> list[Case]:
    x, y = _text_data()
    return [
        Case(args=(np.array([1.0, 2.0, 3.0, 4.0], np.float32), np.array([1.5, 2.0, 2.0, 5.0], np.float32)),
             expected=0.75, label="오차 0.5, 0, -1, 1 → √((0.25 + 0 + 1 + 1) / 4) = 0.75"),
        Case(args=(y, x * x + x + 1), expected=15.339600059975346,
             label="1-7절 데이터, a = b = c = 1일 때의 예측"),
    ]


# --- 연습문제 2: 경사 하강법 한 스텝 -------------------------------------------------------------

def run_gd_steps(func: Callable, case: Case) -> dict:
    """새 tf.Variable a, b, c를 만들어 ``gd_step``을 ``steps``번 부르고, 손실과 a, b, c를 기록한다.

    ``case.args = (x, y, learning_rate, (a0, b0, c0), steps)``. 학생 객체가 아닌 float만 돌려준다.
    """
    import tensorflow as tf

    x, y, learning_rate, start, steps = case.args
    variables = [tf.Variable(float(v), dtype=tf.float32) for v in start]
    losses, params = [], []
    for k in range(steps):
        loss = func(*variables, x, y, learning_rate)
        losses.append(scalar_of(loss, f"{k + 1}번째 스텝의 손실(반환값)"))
        params.append([float(v.numpy()) for v in variables])
    return {"start": [float(v) for v in start], "losses": losses, "params": params}


def compare_gd_steps(got: dict, expected: dict, case: Case, *, rtol: float = 1e-4,
                     atol: float = 1e-5) -> None:
    """스텝마다 갱신 전 손실, 그다음 갱신된 (a, b, c)를 비교한다."""
    for k, (loss_e, params_e) in enumerate(zip(expected["losses"], expected["params"])):
        compare_arrays(got["losses"][k], loss_e, rtol=rtol, atol=atol,
                       name=f"{k + 1}번째 스텝의 손실(갱신 전)")
        before = got["start"] if k == 0 else got["params"][k - 1]
        if np.allclose(got["params"][k], before, rtol=0, atol=0) and \
                not np.allclose(params_e, before, rtol=rtol, atol=atol):
            raise CheckFailure(f"{k + 1}번째 스텝에서 a, b, c가 바뀌지 않았습니다. "
                               "a = a - ... 대신 a.assign_sub(...)로 변수 자체를 갱신하세요")
        compare_arrays(got["params"][k], params_e, rtol=rtol, atol=atol,
                       name=f"{k + 1}번째 스텝 뒤의 (a, b, c)")


def _gd_cases() -> list[Case]:
    x, y = _text_data()
    return [Case(args=(x, y, 0.01, (1.0, 1.0, 1.0), 1),
                 expected={"losses": [15.339600563049316],
                           "params": [[1.1016476154327393, 1.0099220275878906, 1.0079760551452637]]},
                 label="1-7절 데이터, a = b = c = 1, 학습률 0.01")]


# --- 연습문제 3: 옵티마이저 ----------------------------------------------------------------------

def run_optimizer(func: Callable, theta0: np.ndarray, grads: Callable[[np.ndarray, int], np.ndarray] | list,
                  steps: int, kwargs: dict, state: dict | None = None) -> np.ndarray:
    """빈 ``state``에서 시작해 ``func``로 ``steps``번 갱신한 theta들을 (steps, *모양) 배열로 돌려준다.

    ``grads``는 그래디언트의 목록이거나, (theta, 스텝 번호)를 받아 그래디언트를 주는 함수다.
    """
    theta = np.array(theta0, dtype=np.float64)
    state = {} if state is None else state
    out = []
    for k in range(steps):
        grad = grads(theta, k) if callable(grads) else np.array(grads[k], dtype=np.float64)
        new = func(theta.copy(), grad, state, **kwargs)
        if not isinstance(new, np.ndarray):
            raise CheckFailure(f"{k + 1}번째 스텝: 새 theta를 np.ndarray로 돌려주어야 합니다 "
                               f"(실제: {type(new).__name__})")
        if new.shape != theta.shape:
            raise CheckFailure(f"{k + 1}번째 스텝: 새 theta의 모양(shape)이 다릅니다: "
                               f"기대 {theta.shape}, 실제 {new.shape}")
        if new.dtype.kind != "f":
            raise CheckFailure(f"{k + 1}번째 스텝: 새 theta는 실수 배열이어야 합니다 (실제 dtype {new.dtype})")
        theta = np.array(new, dtype=np.float64)
        out.append(theta)
    return np.array(out)


def compare_trajectory(got: Any, expected: Any, theta0: Any, *, rtol: float = 1e-4,
                       atol_scale: float = 1e-6, what: str = "") -> None:
    """스텝마다 theta를 비교한다. 기준은 처음 값에서 움직인 양 (theta − theta_0)이다.

    Adadelta처럼 한 스텝에 1e-6쯤 움직이는 옵티마이저도 구별하려고, 허용 오차를 theta가 아니라
    이동량에 상대적으로 잡는다 (rtol, 그리고 그 스텝 이동량의 최댓값 × atol_scale).
    """
    g = np.asarray(got, dtype=np.float64)
    e = np.asarray(expected, dtype=np.float64)
    t0 = np.asarray(theta0, dtype=np.float64)
    prefix = f"{what} " if what else ""
    if g.shape != e.shape:
        raise CheckFailure(f"{prefix}theta 기록의 모양이 다릅니다: 기대 {e.shape}, 실제 {g.shape}")
    for k in range(e.shape[0]):
        if not np.all(np.isfinite(g[k])):
            raise CheckFailure(f"{prefix}{k + 1}번째 스텝 뒤의 theta에 NaN 또는 무한대가 있습니다")
        moved_g, moved_e = g[k] - t0, e[k] - t0
        atol = atol_scale * float(np.max(np.abs(moved_e))) + 1e-300
        bad = ~np.isclose(moved_g, moved_e, rtol=rtol, atol=atol)
        if bad.any():
            idx = tuple(int(i) for i in np.argwhere(bad)[0])
            raise CheckFailure(
                f"{prefix}{k + 1}번째 스텝 뒤의 theta가 다릅니다: 위치 {idx}에서 기대 {e[k][idx]:.10g}, "
                f"실제 {g[k][idx]:.10g} (처음 값에서 움직인 양: 기대 {moved_e[idx]:.6g}, "
                f"실제 {moved_g[idx]:.6g}; 틀린 원소 {int(bad.sum())}/{bad.size}개, rtol={rtol:g})")


def _optimizer_exercise(name: str, expected: list[list[float]]) -> Exercise:
    theta0 = [1.0, -2.0, 0.5]
    grads = [[0.5, -1.0, 2.0], [0.25, -0.75, 1.0], [-0.125, -0.5, 0.375]]
    tiny = [[g * 1e-6 for g in row] for row in grads]

    def run(func: Callable, case: Case) -> np.ndarray:
        return run_optimizer(func, case.args[0], case.args[1], len(case.args[1]), case.kwargs)

    def compare(got: Any, exp: Any, case: Case) -> None:
        compare_trajectory(got, exp, case.args[0])

    return Exercise(
        id=f"ch01-ex3-optimizers/{name}",
        cases=lambda: [Case(args=(theta0, grads), expected=expected,
                            label="theta_0 = [1, -2, 0.5], 정해 둔 그래디언트 세 개, 기본 하이퍼파라미터")]
        + ([Case(args=(theta0, tiny), expected=_OPTIMIZER_TINY[name],
                 label="같은 그래디언트의 100만분의 1: epsilon을 어디에 더하는지가 드러나는 크기")]
           if name in _OPTIMIZER_TINY else []),
        run=run, compare=compare)


# 그래디언트가 아주 작을 때(위 그래디언트 × 1e-6): epsilon의 자리(제곱근 안/밖, 보정 전/후)가 결과를 가른다.
# 같은 방식으로 keras.optimizers.RMSprop(), Adam()(기본값)을 float64 변수에 세 번 적용한 결과
_OPTIMIZER_TINY = {
    "rmsprop": [[0.9999984188612925, -1.9999968377237707, 0.49999367545702833],
                [0.9999976282919535, -1.9999944660171471, 0.4999905131864912],
                [0.9999980235766256, -1.9999928848794801, 0.4999893273348504]],
    "adam": [[0.9998634738454386, -1.9997597485191034, 0.4996125766812298],
             [0.9997234893270925, -1.999481450308611, 0.49922654829186947],
             [0.999637108458151, -1.9992001405676374, 0.49888581621801587]],
}

# 기댓값: 같은 theta_0와 그래디언트로 keras.optimizers.*(기본값)를 float64 변수에 세 번 적용한 결과
_OPTIMIZER_EXPECTED = {
    "momentum": [[0.9950000001117587, -1.9900000002235174, 0.48000000044703484],
                 [0.9880000003874302, -1.9735000008307397, 0.45200000154972075],
                 [0.9829500007744878, -1.9536500018823892, 0.4230500032935291]],
    "nag": [[0.9905000003315508, -1.9810000006631017, 0.46200000132620334],
            [0.9817000008024275, -1.9586500017706305, 0.42680000320971007],
            [0.978405001243241, -1.9357850033021347, 0.39699500555317835]],
    "adagrad": [[0.9991548458276642, -1.9990465374094524, 0.49901227036866075],
                [0.99876559638498, -1.998464862348832, 0.4985694629092644],
                [0.9989566365513853, -1.9981033115782212, 0.49840565316134267]],
    "rmsprop": [[0.9968377285141682, -1.9968377237707693, 0.49683772258491615],
                [0.9953633114467894, -1.9948765629967196, 0.495363303113599],
                [0.996117946498036, -1.9936131674424846, 0.4947901407752011]],
    "adadelta": [[0.9999985857920273, -1.9999985857877847, 0.499998585786724],
                 [0.9999976729259233, -1.9999973661157007, 0.4999976729160558],
                 [0.9999981689222749, -1.9999964725513593, 0.4999972966137593]],
    "adam": [[0.9990000129527156, -1.999000009790489, 0.4990000082093681],
             [0.9980678447531677, -1.9980174436927958, 0.49806783605338817],
             [0.9975041902095322, -1.9970749056915817, 0.4972514574299591]],
}


# --- 연습문제 4: 미니배치 ------------------------------------------------------------------------

def run_minibatches(func: Callable, case: Case) -> list[np.ndarray]:
    """``minibatches``를 불러 묶음마다 1차원 정수 배열인지 확인하고 복사본 목록을 돌려준다."""
    got = func(*case.args, **case.kwargs)
    if not isinstance(got, list):
        raise CheckFailure(f"묶음들의 리스트(list)를 돌려주어야 합니다 (실제: {type(got).__name__})")
    out = []
    for k, batch in enumerate(got):
        arr = np.asarray(batch)
        if arr.ndim != 1:
            raise CheckFailure(f"{k + 1}번째 묶음은 1차원 배열이어야 합니다: 실제 모양 {arr.shape}")
        if arr.size and arr.dtype.kind not in "iu":
            raise CheckFailure(f"{k + 1}번째 묶음은 정수 인덱스 배열이어야 합니다 (실제 dtype {arr.dtype})")
        out.append(arr.astype(np.int64).copy())
    return out


def compare_minibatches(got: list[np.ndarray], expected: list[Any], case: Case) -> None:
    """묶음 수, 묶음마다 크기, 그리고 인덱스를 정확히 (허용 오차 없이) 비교한다."""
    if len(got) != len(expected):
        raise CheckFailure(f"묶음 수가 다릅니다: 기대 {len(expected)}개, 실제 {len(got)}개 "
                           f"(묶음 크기: 기대 {[len(e) for e in expected]}, 실제 {[len(g) for g in got]})")
    for k, (g, e) in enumerate(zip(got, expected)):
        compare_arrays(g, np.asarray(e), rtol=0, atol=0, name=f"{k + 1}번째 묶음")


def _check_shuffled_partition(got: list[np.ndarray], expected: dict, case: Case) -> None:
    """섞은 경우의 성질: 묶음 크기, 모든 인덱스가 정확히 한 번, 그리고 정말 섞였는지."""
    sizes = [len(g) for g in got]
    if sizes != expected["sizes"]:
        raise CheckFailure(f"묶음 크기가 다릅니다: 기대 {expected['sizes']}, 실제 {sizes}")
    everything = np.concatenate(got)
    counts = np.bincount(everything[(everything >= 0) & (everything < expected["n"])], minlength=expected["n"])
    if everything.min() < 0 or everything.max() >= expected["n"] or (counts != 1).any():
        missing = [int(i) for i in np.flatnonzero(counts == 0)][:5]
        twice = [int(i) for i in np.flatnonzero(counts > 1)][:5]
        raise CheckFailure(f"0..{expected['n'] - 1}의 인덱스가 정확히 한 번씩 나와야 합니다 "
                           f"(빠진 인덱스 {missing}, 두 번 이상 나온 인덱스 {twice})")
    if np.array_equal(everything, np.arange(expected["n"])):
        raise CheckFailure("shuffle=True인데 순서가 섞이지 않았습니다 (0, 1, 2, … 그대로입니다)")


def _minibatch_compare(got: Any, expected: Any, case: Case) -> None:
    if isinstance(expected, dict):
        _check_shuffled_partition(got, expected, case)
    else:
        compare_minibatches(got, expected, case)


# --- 연습문제 5: Keras로 계수 추정 ---------------------------------------------------------------

# 닫힌 형태의 풀이(최소제곱)로 계수를 구하면 이 연습문제가 가르치는 것(모델을 만들어 학습시키기)을 건너뛴다
_CLOSED_FORM = re.compile(r"\b(polyfit|lstsq|pinv|solve|inv|curve_fit|Polynomial|LinearRegression|normal_equation)\b")


def run_fit_quadratic(func: Callable, case: Case, seed: int = 0) -> list[float]:
    """난수 시드를 고정하고 ``fit_quadratic(x, y)``를 불러 (a, b, c)를 float 목록으로 돌려준다.

    답은 Keras 옵티마이저로 학습해야 한다: ``fit``이든 직접 쓴 학습 루프든 옵티마이저의 ``apply``가 한 번도 불리지 않으면,
    또는 함수가 최소제곱 풀이(``np.polyfit``, ``np.linalg.lstsq`` …)를 부르면 틀린 것으로 본다.
    """
    import keras

    code = code_without_comments(func)
    found = _CLOSED_FORM.search(code) if code is not None else None
    if found:
        raise CheckFailure(f"`{found.group(1)}` 같은 닫힌 형태의 풀이를 쓰지 말고, Keras 모델을 학습시켜 계수를 구하세요")
    x, y = case.args
    keras.utils.set_random_seed(seed)  # 학생 모델의 초깃값을 매번 같게 (채점이 재현되도록)
    applied: list[str] = []
    original_apply = keras.optimizers.Optimizer.apply

    def counting_apply(self, *args, **kwargs):
        applied.append(type(self).__name__)
        return original_apply(self, *args, **kwargs)

    keras.optimizers.Optimizer.apply = counting_apply  # fit도, 직접 쓴 학습 루프도 결국 이것을 부른다
    try:
        got = func(np.array(x), np.array(y))
    finally:
        keras.optimizers.Optimizer.apply = original_apply
    if not applied:
        raise CheckFailure("Keras 옵티마이저로 학습한 흔적이 없습니다: 모델을 만들고 `fit`(또는 옵티마이저를 쓰는 학습 루프)으로 "
                           "학습시킨 뒤 계수를 꺼내세요")
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        raise CheckFailure(f"(a, b, c) 세 값의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    return [scalar_of(v, name) for v, name in zip(got, "abc")]


def compare_coefficients(got: list[float], expected: Any, case: Case, *, atol: float) -> None:
    compare_arrays(got, expected, rtol=0, atol=atol, name="계수 (a, b, c)")


def _fit_cases() -> list[Case]:
    x, y = _text_data()
    return [Case(args=(x, y), expected=[2.0, 3.0, 5.0], label="1-7절 데이터 y = 2x² + 3x + 5")]


# --- 목록 --------------------------------------------------------------------------------------

VISIBLE: dict[str, Exercise] = {
    "ch01-ex1-rmse": Exercise(id="ch01-ex1-rmse", cases=_rmse_cases, run=run_rmse_value,
                              rtol=1e-5, atol=1e-6),
    "ch01-ex2-gd-step": Exercise(id="ch01-ex2-gd-step", cases=_gd_cases, run=run_gd_steps,
                                 compare=lambda g, e, c: compare_gd_steps(g, e, c, rtol=1e-5, atol=1e-5)),
    **{f"ch01-ex3-optimizers/{name}": _optimizer_exercise(name, _OPTIMIZER_EXPECTED[name])
       for name in OPTIMIZER_NAMES},
    "ch01-ex4-minibatches": Exercise(
        id="ch01-ex4-minibatches",
        cases=lambda: [
            Case(args=(10, 4), kwargs={"shuffle": False},
                 expected=[[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]], label="n=10, batch_size=4, shuffle=False"),
            Case(args=(23, 5), kwargs={"shuffle": True, "seed": 7},
                 expected={"n": 23, "sizes": [5, 5, 5, 5, 3]},
                 label="n=23, batch_size=5, shuffle=True: 모든 인덱스가 한 번씩"),
        ],
        run=run_minibatches, compare=_minibatch_compare),
    "ch01-ex5-keras-quadratic": Exercise(
        id="ch01-ex5-keras-quadratic", cases=_fit_cases, run=run_fit_quadratic,
        compare=lambda g, e, c: compare_coefficients(g, e, c, atol=0.1)),
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들
forbid_calls(VISIBLE, {
    "ch01-ex1-rmse": ("keras.metrics", "keras.losses", "sklearn.metrics"),
    "ch01-ex3-optimizers": ("keras.optimizers",),
})
