"""2장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다.

- OLS 직선: ``np.polyfit(x, y, 1)``.
- TLS 직선: 중심화한 데이터 행렬의 SVD에서 가장 작은 특잇값의 오른쪽 특이벡터(직선의 법선)로 이
  파일이 계산한다 (scikit-learn과 TensorFlow에는 TLS 직선 적합이 없다). x와 y 모두에 잡음이 큰 사례에서는
  OLS와 TLS 직선의 기울기가 뚜렷이 달라서, OLS 답이 TLS 검사를 통과할 수 없다.
- 로지스틱 회귀 한 스텝: float64 ``tf.Variable``, ``tf.GradientTape``,
  ``keras.losses.binary_crossentropy(from_logits=True)``의 평균.
- 엔트로피·KL·교차 엔트로피: ``keras.losses.categorical_crossentropy``와 ``keras.losses.kl_divergence``
  (자연로그; Keras가 확률을 1e-7로 자르므로 허용 오차는 1e-5).
- 안정한 BCE: ``tf.nn.sigmoid_cross_entropy_with_logits``.

TensorFlow와 Keras는 함수 안에서 import한다: 채점기는 ``cases``/``run``/``reference``를 ``quiet()``
안에서 부르므로 import 때의 로그가 테스트 셀의 stderr에 찍히지 않는다.
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from dlbook.checker import Case, Exercise, compare_arrays
from dlbook.exercises.ch02 import (
    DIGIT_BARS,
    INFORMATION_PARTS,
    _digit_exercise,
    digits_split,
    compare_line,
    compare_logistic_step,
    run_array,
    run_line_fit,
    run_logistic_step,
)

# --- 연습문제 1: OLS ------------------------------------------------------------------------------

def _ols_cases() -> list[Case]:
    rng = np.random.default_rng(1201)
    cases = []
    for n, slope, intercept, noise in ((6, 1.5, -2.0, 0.5), (40, -0.7, 3.0, 1.0), (300, 0.05, 10.0, 2.0)):
        x = rng.uniform(-5.0, 5.0, size=n)
        y = slope * x + intercept + rng.normal(0.0, noise, size=n)
        cases.append(Case(args=(x, y), label=f"무작위 데이터 {n}개, 참 직선의 기울기 {slope}"))
    # x의 평균이 0에서 멀 때: 중심화(평균 빼기)를 빠뜨리면 크게 틀린다
    x = rng.uniform(95.0, 105.0, size=25)
    y = 2.0 * x - 150.0 + rng.normal(0.0, 1.0, size=25)
    cases.append(Case(args=(x, y), label="x가 95~105에 모여 있는 데이터 (평균이 원점에서 멀다)"))
    # x와 y 모두에 잡음: OLS와 TLS가 다르다 (OLS 답은 여기서 np.polyfit과 같아야 한다)
    t = rng.uniform(0.0, 6.0, size=30)
    cases.append(Case(args=(t + rng.normal(0.0, 1.5, 30), 1.2 * t + rng.normal(0.0, 1.5, 30)),
                      label="x와 y 모두에 잡음이 있는 데이터"))
    return cases


def _ols_reference(case: Case) -> list[float]:
    slope, intercept = np.polyfit(np.asarray(case.args[0], float), np.asarray(case.args[1], float), 1)
    return [float(slope), float(intercept)]


# --- 연습문제 2: TLS ------------------------------------------------------------------------------

def _tls_reference(case: Case) -> list[float]:
    """중심화한 (x, y)의 SVD: 가장 작은 특잇값의 오른쪽 특이벡터 (n_x, n_y)가 직선의 법선이다."""
    x = np.asarray(case.args[0], dtype=np.float64)
    y = np.asarray(case.args[1], dtype=np.float64)
    centered = np.column_stack([x - x.mean(), y - y.mean()])
    _, _, vt = np.linalg.svd(centered, full_matrices=False)
    n_x, n_y = vt[-1]
    slope = -n_x / n_y          # n_x (x − x̄) + n_y (y − ȳ) = 0
    return [float(slope), float(y.mean() - slope * x.mean())]


def _tls_cases() -> list[Case]:
    rng = np.random.default_rng(1202)
    cases = []
    for n, slope, intercept, noise in ((12, 0.6, 1.0, 0.3), (50, -1.8, 4.0, 0.5), (80, 4.0, -3.0, 0.7),
                                       (200, 0.1, 2.0, 0.2)):
        t = rng.uniform(-3.0, 3.0, size=n)
        x = t + rng.normal(0.0, noise, size=n)
        y = slope * t + intercept + rng.normal(0.0, noise, size=n)
        cases.append(Case(args=(x, y), label=f"x와 y에 잡음, 점 {n}개, 참 직선의 기울기 {slope}"))
    # OLS와 TLS가 뚜렷이 다른 사례 (잡음이 크다): OLS로 답하면 여기서 떨어진다
    t = rng.uniform(0.0, 10.0, size=40)
    x = 20.0 + t + rng.normal(0.0, 2.0, size=40)
    y = 0.9 * t + 5.0 + rng.normal(0.0, 2.0, size=40)
    case = Case(args=(x, y), label="x와 y 모두에 큰 잡음, x의 평균이 약 25 (OLS와 TLS 직선의 기울기가 뚜렷이 다르다)")
    ols, tls = _ols_reference(case)[0], _tls_reference(case)[0]
    assert abs(ols - tls) > 0.1, (ols, tls)  # 사례가 제 역할을 하는지 (만들 때 한 번 확인)
    cases.append(case)
    return cases


# --- 연습문제 3: 로지스틱 회귀 한 스텝 -----------------------------------------------------------

def _logistic_cases() -> list[Case]:
    rng = np.random.default_rng(1203)
    cases = []
    for n, d, learning_rate in ((10, 3, 0.1), (64, 5, 1.0), (7, 1, 0.05), (200, 2, 0.3)):
        X = rng.normal(0.0, 1.0, size=(n, d))
        w_true = rng.normal(0.0, 1.5, size=d)
        y = (rng.uniform(size=n) < 1 / (1 + np.exp(-(X @ w_true)))).astype(np.float64)
        w = rng.normal(0.0, 0.5, size=d)
        b = float(rng.normal(0.0, 0.5))
        cases.append(Case(args=(w, b, X, y, learning_rate),
                          label=f"무작위 데이터 n = {n}, 특성 {d}개, 학습률 {learning_rate}"))
    return cases


def _logistic_reference(case: Case) -> dict:
    """같은 갱신을 tf.GradientTape과 Keras의 BCE(로짓 입력)로 한다. float64."""
    import keras
    import tensorflow as tf

    w0, b0, X, y, learning_rate = case.args
    w = tf.Variable(np.asarray(w0, dtype=np.float64))
    b = tf.Variable(float(b0), dtype=tf.float64)
    with tf.GradientTape() as tape:
        logits = tf.linalg.matvec(tf.constant(X, dtype=tf.float64), w) + b
        loss = tf.reduce_mean(keras.losses.binary_crossentropy(
            tf.constant(y, dtype=tf.float64)[:, None], logits[:, None], from_logits=True))
    grad_w, grad_b = tape.gradient(loss, [w, b])
    return {"loss": float(loss), "w": (w - learning_rate * grad_w).numpy(),
            "b": float(b - learning_rate * grad_b)}


# --- 연습문제 4: 엔트로피, KL, 교차 엔트로피 -----------------------------------------------------

def _distributions(rng: np.random.Generator, shape: tuple[int, ...], zeros: bool) -> np.ndarray:
    """마지막 축의 합이 1인 분포들. ``zeros``면 일부 성분을 정확히 0으로 만든다."""
    p = rng.dirichlet(np.ones(shape[-1]), size=shape[:-1])
    if zeros:
        mask = rng.uniform(size=p.shape) < 0.25
        mask[..., 0] = False          # 분포마다 0이 아닌 성분이 하나는 남게
        p = np.where(mask, 0.0, p)
        p = p / p.sum(axis=-1, keepdims=True)
    return p


def _positive(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """모든 성분이 0.01 이상인 분포 (q가 0이면 KL과 교차 엔트로피가 무한대다)."""
    q = rng.dirichlet(np.full(shape[-1], 2.0), size=shape[:-1]) + 0.02
    return q / q.sum(axis=-1, keepdims=True)


def _information_cases(part: str) -> list[Case]:
    rng = np.random.default_rng(1204 + INFORMATION_PARTS.index(part))
    cases = []
    for shape, zeros in (((6,), False), ((8, 4), True), ((3, 5, 10), True), ((20, 2), False)):
        p = _distributions(rng, shape, zeros)
        label = f"모양 {shape}인 분포 묶음 (마지막 축이 분포)" + (", p의 일부 성분이 0" if zeros else "")
        if part == "entropy":
            cases.append(Case(args=(p,), label=label))
        else:
            cases.append(Case(args=(p, _positive(rng, shape)), label=label))
    one_hot = np.eye(5)[rng.integers(0, 5, size=7)]
    if part == "entropy":
        cases.append(Case(args=(one_hot,), label="원-핫 분포 7개: 엔트로피 0"))
    else:
        cases.append(Case(args=(one_hot, _positive(rng, (7, 5))), label="원-핫 p (분류 문제의 정답 레이블)"))
    return cases


def _information_reference(part: str) -> Callable[[Case], np.ndarray]:
    def reference(case: Case) -> np.ndarray:
        import keras

        p = np.asarray(case.args[0], dtype=np.float64)
        if part == "entropy":
            value = keras.losses.categorical_crossentropy(p, p)          # H(p) = H(p, p)
        elif part == "kl_divergence":
            value = keras.losses.kl_divergence(p, np.asarray(case.args[1], dtype=np.float64))
        else:
            value = keras.losses.categorical_crossentropy(p, np.asarray(case.args[1], dtype=np.float64))
        return np.asarray(value, dtype=np.float64).reshape(p.shape[:-1])
    return reference


def _information_exercise(part: str) -> Exercise:
    return Exercise(id=f"ch02-ex4-information/{part}", cases=lambda: _information_cases(part),
                    run=run_array, reference=_information_reference(part), rtol=1e-5, atol=1e-5)


# --- 연습문제 5: 안정한 BCE ------------------------------------------------------------------------

def _bce_cases() -> list[Case]:
    rng = np.random.default_rng(1205)
    z = np.concatenate([rng.normal(0.0, 3.0, size=20), [-1000.0, -750.0, -40.0, 0.0, 40.0, 750.0, 1000.0]])
    y = rng.integers(0, 2, size=z.size).astype(np.float64)
    cases = [Case(args=(y, z), label="0/1 레이블, 로짓이 −1000에서 1000까지 (exp가 넘치는 값 포함)")]
    z2 = rng.normal(0.0, 50.0, size=(3, 4))
    cases.append(Case(args=(rng.uniform(size=(3, 4)), z2), label="모양 (3, 4), 0과 1 사이의 부드러운 레이블"))
    cases.append(Case(args=(np.ones(5), np.array([-800.0, -100.0, -20.0, -1.0, 0.5])),
                      label="정답이 1인데 로짓이 크게 음수 (확신에 찬 오답)"))
    return cases


def _bce_reference(case: Case) -> np.ndarray:
    import tensorflow as tf

    y, z = (np.asarray(a, dtype=np.float64) for a in case.args)
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=y, logits=z).numpy()


def _bce_compare(got: np.ndarray, expected: np.ndarray, case: Case) -> None:
    compare_arrays(got, expected, rtol=1e-6, atol=1e-8, name="샘플별 BCE")


def _digit_hidden_cases() -> list[Case]:
    # 숨은 나누기: 2-7절(시드 0)과 다른 시드. 시험 레이블은 기댓값으로만 쓰이고 상자에 들어가지 않는다
    x_train, y_train, x_test, y_test = digits_split(1)
    return [Case(args=(x_train, y_train, x_test), expected=y_test,
                 label=f"숨은 나누기 (훈련 {len(x_train)}장, 시험 {len(x_test)}장)")]


# --- 목록 --------------------------------------------------------------------------------------

HIDDEN: dict[str, Exercise] = {
    "ch02-ex1-ols": Exercise(id="ch02-ex1-ols", cases=_ols_cases, run=run_line_fit,
                             reference=_ols_reference, compare=compare_line),
    "ch02-ex2-tls": Exercise(id="ch02-ex2-tls", cases=_tls_cases, run=run_line_fit,
                             reference=_tls_reference, compare=compare_line),
    "ch02-ex3-logistic-step": Exercise(id="ch02-ex3-logistic-step", cases=_logistic_cases,
                                       run=run_logistic_step, reference=_logistic_reference,
                                       compare=compare_logistic_step),
    **{f"ch02-ex4-information/{part}": _information_exercise(part) for part in INFORMATION_PARTS},
    "ch02-ex5-stable-bce": Exercise(id="ch02-ex5-stable-bce", cases=_bce_cases, run=run_array,
                                    reference=_bce_reference, compare=_bce_compare),
    **{f"ch02-ex6-digits/{level}": _digit_exercise(level, _digit_hidden_cases) for level in DIGIT_BARS},
}
