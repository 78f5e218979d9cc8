"""6장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

기준은 TensorFlow/Keras 자체다: 합성곱은 ``tf.nn.conv2d``, 풀링은 ``tf.nn.max_pool2d``, 출력 크기는
무작위 크기로 만든 ``keras.layers.Conv2D``/``Conv2DTranspose`` 층이 실제로 내는 모양, 커널 그래디언트는
``tf.GradientTape``이다. TensorFlow와 Keras는 함수 안에서 import한다 (import 때의 로그가 stderr로 가지 않도록).
"""
from __future__ import annotations

import numpy as np

from dlbook.checker import Case, Exercise, compare_arrays
from dlbook.exercises.ch06 import MNIST_BARS, compare_int, mnist_cnn_exercise, run_array, run_size


def _compare(got, expected, case: Case) -> None:
    compare_arrays(got, expected, rtol=1e-4, atol=1e-4, name=f"결과 ({case.label})")


# --- 연습문제 1: conv2d -------------------------------------------------------------------------

def _conv_cases() -> list[Case]:
    rng = np.random.default_rng(601)
    rows = [  # (batch, H, W, C_in, C_out, kh, kw, stride, padding)
        (1, 5, 5, 1, 1, 3, 3, 1, "same"),
        (2, 7, 6, 3, 2, 3, 3, 2, "same"),
        (2, 8, 8, 2, 3, 3, 3, 2, "same"),
        (1, 9, 7, 2, 2, 4, 2, 3, "same"),
        (2, 6, 9, 3, 4, 2, 3, 2, "valid"),
        (1, 10, 10, 1, 2, 5, 5, 3, "valid"),
        (3, 6, 6, 2, 1, 1, 1, 2, "same"),
        (1, 4, 4, 2, 2, 4, 4, 1, "valid"),
    ]
    cases = []
    for b, h, w, ci, co, kh, kw, s, p in rows:
        x = rng.normal(size=(b, h, w, ci)).astype(np.float32)
        k = rng.normal(size=(kh, kw, ci, co)).astype(np.float32)
        cases.append(Case(args=(x, k), kwargs={"stride": s, "padding": p},
                          label=f"입력 {x.shape}, 커널 {k.shape}, stride {s}, '{p}'"))
    return cases


def _conv_reference(case: Case) -> np.ndarray:
    import tensorflow as tf

    x, k = case.args
    out = tf.nn.conv2d(x, k, strides=case.kwargs["stride"], padding=case.kwargs["padding"].upper())
    return out.numpy().astype(np.float64)


# --- 연습문제 2: max_pool2d ---------------------------------------------------------------------

def _pool_cases() -> list[Case]:
    rng = np.random.default_rng(602)
    rows = [(2, 6, 6, 3, 2, 2, "valid"), (1, 7, 5, 2, 2, 2, "same"), (2, 7, 7, 1, 3, 2, "valid"),
            (1, 8, 9, 2, 3, 2, "same"), (2, 6, 6, 2, 3, 3, "same"), (1, 5, 5, 1, 2, 1, "valid")]
    cases = []
    for b, h, w, c, ps, s, p in rows:
        x = (rng.normal(size=(b, h, w, c)) - 1.5).astype(np.float32)  # 음수가 많다: 0 패딩이면 틀린다
        cases.append(Case(args=(x, ps), kwargs={"stride": s, "padding": p},
                          label=f"입력 {x.shape}, pool {ps}, stride {s}, '{p}'"))
    return cases


def _pool_reference(case: Case) -> np.ndarray:
    import tensorflow as tf

    x, ps = case.args
    out = tf.nn.max_pool2d(x, ps, case.kwargs["stride"], case.kwargs["padding"].upper())
    return out.numpy().astype(np.float64)


# --- 연습문제 3: 출력 크기 (Keras 층이 실제로 만드는 모양) ----------------------------------------

def _size_cases(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases = []
    for _ in range(14):
        k = int(rng.integers(1, 6))
        s = int(rng.integers(1, 4))
        n = int(rng.integers(k, 20))
        p = str(rng.choice(["valid", "same"]))
        cases.append(Case(args=(n, k, s, p), label=f"n={n}, kernel={k}, stride={s}, '{p}'"))
    for n, k, s, p in [(9, 2, 3, "valid"), (10, 4, 3, "same"), (6, 1, 3, "valid"), (13, 5, 2, "valid")]:
        cases.append(Case(args=(n, k, s, p), label=f"n={n}, kernel={k}, stride={s}, '{p}'"))
    return cases


def _layer_size(case: Case, transpose: bool) -> int:
    import keras

    n, k, s, p = case.args
    cls = keras.layers.Conv2DTranspose if transpose else keras.layers.Conv2D
    layer = cls(1, k, strides=s, padding=p)
    out = layer.compute_output_shape((1, n, n + 1, 1))
    return int(out[1])


# --- 연습문제 4: 커널 그래디언트 --------------------------------------------------------------------

def _grad_cases() -> list[Case]:
    rng = np.random.default_rng(604)
    cases = []
    for b, h, w, ci, co, kh, kw in [(1, 5, 5, 1, 1, 3, 3), (2, 6, 7, 2, 3, 3, 2), (3, 4, 5, 3, 2, 2, 2)]:
        x = rng.normal(size=(b, h, w, ci)).astype(np.float32)
        g = rng.normal(size=(b, h - kh + 1, w - kw + 1, co)).astype(np.float32)
        cases.append(Case(args=(x, g), label=f"입력 {x.shape}, 위쪽 그래디언트 {g.shape}"))
    return cases


def _grad_reference(case: Case) -> np.ndarray:
    import tensorflow as tf

    x, g = case.args
    kh = x.shape[1] - g.shape[1] + 1
    kw = x.shape[2] - g.shape[2] + 1
    kernel = tf.Variable(tf.zeros((kh, kw, x.shape[3], g.shape[3])))
    with tf.GradientTape() as tape:
        y = tf.nn.conv2d(x, kernel, 1, "VALID")
        loss = tf.reduce_sum(y * g)
    return tape.gradient(loss, kernel).numpy().astype(np.float64)


HIDDEN: dict[str, Exercise] = {
    "ch06-ex1-conv2d": Exercise(id="ch06-ex1-conv2d", cases=_conv_cases, run=run_array,
                                reference=_conv_reference, compare=_compare),
    "ch06-ex2-max-pool": Exercise(id="ch06-ex2-max-pool", cases=_pool_cases, run=run_array,
                                  reference=_pool_reference, compare=_compare),
    "ch06-ex3-output-size/conv": Exercise(
        id="ch06-ex3-output-size/conv", cases=lambda: _size_cases(603), run=run_size,
        reference=lambda c: _layer_size(c, transpose=False), compare=compare_int),
    "ch06-ex3-output-size/transpose": Exercise(
        id="ch06-ex3-output-size/transpose", cases=lambda: _size_cases(613), run=run_size,
        reference=lambda c: _layer_size(c, transpose=True), compare=compare_int),
    "ch06-ex4-kernel-grad": Exercise(id="ch06-ex4-kernel-grad", cases=_grad_cases, run=run_array,
                                     reference=_grad_reference, compare=_compare),
    # 숨은 부분 집합: 공개 사례(시드 0)와 다른 시드로 뽑은 훈련·시험 이미지. 시험 레이블은 기댓값으로만 쓰이고
    # 상자에 들어가지 않는다
    **{f"ch06-ex5-mnist-cnn/{level}": mnist_cnn_exercise(level, 1, "숨은 부분 집합") for level in MNIST_BARS},
}
