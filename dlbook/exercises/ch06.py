"""6장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

정답 구현은 없다: 기댓값은 교재 6-6절의 손 계산 예를 TensorFlow로 한 번 계산해 적어 둔 숫자(리터럴)다.
무작위 입력과 TensorFlow/Keras 기준을 쓰는 숨은 사례는 강사용 ``solutions/ch06/ch06_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch06-ex1-conv2d`` | NumPy로 쓰는 2D 합성곱 (stride, 'valid'/'same') | 6-3 |
| ``ch06-ex2-max-pool`` | NumPy로 쓰는 최대 풀링 | 6-4 |
| ``ch06-ex3-output-size/conv`` | 합성곱 층의 출력 크기 | 6-5 |
| ``ch06-ex3-output-size/transpose`` | 전치 합성곱 층의 출력 크기 | 6-5 |
| ``ch06-ex4-kernel-grad`` | 커널에 대한 손실의 그래디언트 | 6-8 |
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import forbid_calls, Case, CheckFailure, Exercise, compare_arrays, to_numpy

__all__ = ["VISIBLE", "WORKED_INPUT", "WORKED_KERNEL", "compare_int", "run_array", "run_size"]

# 6-6절의 손 계산 예: 5×5 입력과 3×3 커널
WORKED_INPUT = np.array([[1, 2, 0, 1, 3],
                         [0, 1, 3, 2, 1],
                         [2, 1, 0, 1, 0],
                         [1, 0, 2, 3, 1],
                         [0, 1, 1, 0, 2]], np.float32)
WORKED_KERNEL = np.array([[1, 0, -1],
                          [2, 1, 0],
                          [0, 1, 1]], np.float32)

# 6×6 입력 (stride 2, 'same'에서 TF가 패딩을 뒤쪽에만 넣는 예)
_X6 = (np.arange(36, dtype=np.float32).reshape(6, 6) % 7) - 3
_K6 = np.array([[1, -1, 0], [0, 2, 1], [-1, 0, 1]], np.float32)
# 풀링용: 오른쪽 아래 2×2를 음수로 바꿔, 'same'에서 패딩이 닿는 마지막 창이 음수뿐이게 한다 (0으로 패딩하면 틀린다)
_X6_POOL = _X6.copy()
_X6_POOL[4:, 4:] = [[-2, -1], [-3, -2]]


def _nhwc(a: np.ndarray) -> np.ndarray:
    return a[None, :, :, None]


def _kernel4(k: np.ndarray) -> np.ndarray:
    return k[:, :, None, None]


def run_array(func: Callable, case: Case) -> np.ndarray:
    """학생 함수를 입력의 복사본으로 부르고 결과를 float64 NumPy 배열로 돌려준다."""
    args = tuple(np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in case.args)
    got = func(*args, **case.kwargs)
    try:
        arr = to_numpy(got)
    except Exception as exc:  # noqa: BLE001 - 학생 객체가 무엇이든 한국어로 알린다
        raise CheckFailure(f"반환값을 배열로 바꿀 수 없습니다: {type(got).__name__} ({exc})") from None
    if arr.dtype.kind not in "fiu":
        raise CheckFailure(f"반환값은 숫자 배열이어야 합니다 (실제 dtype {arr.dtype})")
    return arr.astype(np.float64)


def run_size(func: Callable, case: Case) -> int:
    """출력 크기 함수를 불러 정수인지 확인한다."""
    got = func(*case.args, **case.kwargs)
    if isinstance(got, (bool, np.bool_)) or not isinstance(got, (int, np.integer)):
        if isinstance(got, (float, np.floating)) and float(got).is_integer():
            raise CheckFailure(f"출력 크기는 int여야 합니다 (실제 {type(got).__name__} {got}). "
                               "// 또는 int(...)로 정수를 돌려주세요")
        raise CheckFailure(f"출력 크기는 정수(int)여야 합니다 (실제: {type(got).__name__} {got!r})")
    return int(got)


def compare_int(got: int, expected: int, case: Case) -> None:
    if got != expected:
        raise CheckFailure(f"출력 크기가 다릅니다 ({case.label}): 기대 {expected}, 실제 {got}")


def _compare_array(got: Any, expected: Any, case: Case) -> None:
    compare_arrays(got, expected, rtol=1e-4, atol=1e-4, name=f"결과 ({case.label})")


# --- 연습문제 1: conv2d -------------------------------------------------------------------------

def _conv_cases() -> list[Case]:
    return [
        Case(args=(_nhwc(WORKED_INPUT), _kernel4(WORKED_KERNEL)), kwargs={"stride": 1, "padding": "valid"},
             expected=_nhwc(np.array([[3, 7, 6], [4, 6, 7], [6, 3, 9]], np.float32)),
             label="6-6절 5×5 입력, 3×3 커널, stride 1, 'valid'"),
        Case(args=(_nhwc(_X6), _kernel4(_K6)), kwargs={"stride": 2, "padding": "same"},
             expected=_nhwc(np.array([[-14, -1, 2], [8, -14, 0], [0, 6, -7]], np.float32)),
             label="6×6 입력, 3×3 커널, stride 2, 'same' (패딩 위·왼쪽 0줄, 아래·오른쪽 1줄)"),
    ]


# --- 연습문제 2: max_pool2d ---------------------------------------------------------------------

def _pool_cases() -> list[Case]:
    return [
        Case(args=(_nhwc(WORKED_INPUT), 2), kwargs={"stride": 2, "padding": "valid"},
             expected=_nhwc(np.array([[2, 3], [2, 3]], np.float32)),
             label="6-6절 5×5 입력, 2×2 풀링, stride 2, 'valid'"),
        Case(args=(_nhwc(WORKED_INPUT), 2), kwargs={"stride": 2, "padding": "same"},
             expected=_nhwc(np.array([[2, 3, 3], [2, 3, 1], [1, 1, 2]], np.float32)),
             label="6-6절 5×5 입력, 2×2 풀링, stride 2, 'same'"),
        Case(args=(_nhwc(_X6_POOL), 3), kwargs={"stride": 2, "padding": "same"},
             expected=_nhwc(np.array([[3, 1, 2], [3, 3, 0], [2, 3, -1]], np.float32)),
             label="6×6 입력, 3×3 풀링, stride 2, 'same' (겹치는 창, 오른쪽 아래 창은 음수뿐)"),
    ]


# --- 연습문제 3: 출력 크기 ----------------------------------------------------------------------

def _conv_size_cases() -> list[Case]:
    rows = [(28, 3, 1, "valid", 26), (28, 3, 1, "same", 28), (28, 5, 2, "valid", 12), (7, 3, 2, "same", 4),
            (224, 7, 2, "valid", 109)]
    return [Case(args=(n, k, s, p), expected=e, label=f"n={n}, kernel={k}, stride={s}, '{p}'")
            for n, k, s, p, e in rows]


def _transpose_size_cases() -> list[Case]:
    rows = [(7, 3, 2, "valid", 15), (7, 3, 2, "same", 14), (4, 4, 2, "valid", 10), (3, 1, 2, "valid", 6),
            (5, 3, 1, "same", 5)]
    return [Case(args=(n, k, s, p), expected=e, label=f"n={n}, kernel={k}, stride={s}, '{p}'")
            for n, k, s, p, e in rows]


# --- 연습문제 4: 커널 그래디언트 --------------------------------------------------------------------

def _kernel_grad_cases() -> list[Case]:
    x = _nhwc(np.array([[1, 2, 0], [0, 1, 3], [2, 1, 0]], np.float32))
    g = _nhwc(np.array([[1, -1], [0, 2]], np.float32))
    # dK[a, b] = Σ_ij x[i+a, j+b] · g[i, j]
    return [Case(args=(x, g), expected=np.array([[1, 8], [1, -2]], np.float32)[:, :, None, None],
                 label="3×3 입력, 2×2 위쪽 그래디언트 → 2×2 커널 그래디언트")]


VISIBLE: dict[str, Exercise] = {
    "ch06-ex1-conv2d": Exercise(id="ch06-ex1-conv2d", cases=_conv_cases, run=run_array,
                                compare=_compare_array),
    "ch06-ex2-max-pool": Exercise(id="ch06-ex2-max-pool", cases=_pool_cases, run=run_array,
                                  compare=_compare_array),
    "ch06-ex3-output-size/conv": Exercise(id="ch06-ex3-output-size/conv", cases=_conv_size_cases,
                                          run=run_size, compare=compare_int),
    "ch06-ex3-output-size/transpose": Exercise(id="ch06-ex3-output-size/transpose",
                                               cases=_transpose_size_cases, run=run_size, compare=compare_int),
    "ch06-ex4-kernel-grad": Exercise(id="ch06-ex4-kernel-grad", cases=_kernel_grad_cases, run=run_array,
                                     compare=_compare_array),
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들
forbid_calls(VISIBLE, {
    "ch06-ex1-conv2d": ("tensorflow.nn.conv2d", "tensorflow.nn.convolution", "tensorflow.nn.depthwise_conv2d",
                        "tensorflow.raw_ops.Conv2D", "keras.layers.Conv2D", "keras.ops.conv",
                        "scipy.signal", "scipy.ndimage"),
    "ch06-ex2-max-pool": ("tensorflow.nn.max_pool2d", "tensorflow.nn.max_pool", "tensorflow.nn.pool",
                          "tensorflow.raw_ops.MaxPool", "tensorflow.raw_ops.MaxPoolV2",
                          "keras.layers.MaxPooling2D", "keras.ops.max_pool", "scipy.ndimage"),
    "ch06-ex4-kernel-grad": ("tensorflow.GradientTape", "tensorflow.nn.conv2d", "tensorflow.nn.convolution",
                             "tensorflow.raw_ops.Conv2D", "tensorflow.raw_ops.Conv2DBackpropFilter",
                             "keras.layers.Conv2D", "keras.ops.conv", "scipy.signal"),
})
