"""7장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 교재의 예를 Keras(또는 문제의 정의)로 한 번 계산해 둔 숫자(리터럴)뿐이고,
함수들은 학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 입력과 기준 구현을 쓰는 숨은 사례는 강사용
``solutions/ch07/ch07_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch07-ex1-recon-loss`` | 샘플별 재구성 손실 (MSE, BCE) | 7-2 |
| ``ch07-ex2-corrupt`` | 잡음 제거 오토인코더의 입력 오염 | 7-6 |
| ``ch07-ex3-vae/reparameterize`` | 재매개변수화 z = μ + σ·ε | 7-8 |
| ``ch07-ex3-vae/kl`` | 표준 정규 분포에 대한 KL 발산 (닫힌 꼴) | 7-8 |
| ``ch07-ex4-denoiser/<pass|excellent>`` | 잡음 제거 오토인코더를 만들고 학습시키기 (MSE 기준 두 단계) | 7-6 |

연습문제 4의 공개 사례는 MNIST의 앞쪽 이미지에 문제의 규칙대로 잡음을 넣어 만든다. 깨끗한 시험 이미지는
기댓값으로만 쓰이고 학생 함수에는 들어가지 않는다.
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook import checker
from dlbook.checker import Case, CheckFailure, Exercise, compare_arrays, forbid_calls, to_numpy

__all__ = ["DENOISE_BARS", "VISIBLE", "array_result", "compare_result", "denoise_exercise", "denoise_split",
           "run_corrupt", "run_denoise", "run_kl", "run_recon_loss", "run_reparameterize"]


def array_result(value: Any, shape: tuple[int, ...], what: str) -> np.ndarray:
    """:func:`dlbook.checker.array_result`에 더해 nan·inf가 없는지 본다 (BCE의 log(0))."""
    arr = checker.array_result(value, shape, what)
    if not np.all(np.isfinite(arr)):
        raise CheckFailure(f"{what}에 nan 또는 inf가 있습니다. log(0)을 피하도록 값을 잘라(clip) 두었는지 보세요")
    return arr


def _unchanged(before: np.ndarray, after: np.ndarray, what: str) -> None:
    if before.shape != after.shape or not np.array_equal(before, after):
        raise CheckFailure(f"함수가 입력 {what}을(를) 바꾸었습니다. 입력은 그대로 두고 새 배열을 만들어 쓰세요 "
                           "(예: x.copy() 또는 x + noise)")


def compare_result(got: np.ndarray, expected: Any, case: Case, *, rtol: float = 1e-5, atol: float = 1e-6,
                   name: str = "반환값") -> None:
    compare_arrays(got, np.asarray(expected, dtype=np.float64), rtol=rtol, atol=atol, name=name)


# --- 연습문제 1: 재구성 손실 ----------------------------------------------------------------------

def run_recon_loss(func: Callable, case: Case) -> np.ndarray:
    """``reconstruction_loss(x, x_hat, kind=…)``: 입력은 그대로, 결과는 모양 ``(배치,)``."""
    x = np.array(case.args[0], dtype=np.float32)
    x_hat = np.array(case.args[1], dtype=np.float32)
    x_in, x_hat_in = x.copy(), x_hat.copy()
    got = func(x_in, x_hat_in, **case.kwargs)
    _unchanged(x, x_in, "x")
    _unchanged(x_hat, x_hat_in, "x_hat")
    return array_result(got, (x.shape[0],), "샘플별 손실")


# 기댓값: keras.losses.MeanSquaredError / BinaryCrossentropy (reduction=None) × 화소 수, float32
_X = [[0.0, 1.0, 1.0, 0.0], [1.0, 0.5, 0.0, 0.25]]
_X_HAT = [[0.1, 0.8, 0.9, 0.0], [0.5, 0.5, 0.5, 1.0]]
_RECON_CASES = [
    (_X, _X_HAT, {"kind": "mse"}, [0.06000000238418579, 1.0625], "x와 x_hat이 모양 (2, 4), kind='mse'"),
    (_X, _X_HAT, {}, [0.06000000238418579, 1.0625], "kind를 주지 않으면 'mse'"),
    (_X, _X_HAT, {"kind": "bce"}, [0.4338647425174713, 14.036230087280273],
     "모양 (2, 4), kind='bce': x_hat = 0, 1이 있어 1e-7로 잘라야 한다"),
    (np.tile(np.linspace(0.0, 1.0, 9, dtype=np.float32).reshape(1, 3, 3), (2, 1, 1)),
     np.stack([np.full((3, 3), 0.5, np.float32), np.full((3, 3), 0.25, np.float32)]), {"kind": "bce"},
     [6.2383246421813965, 7.532893896102905], "이미지 모양 (2, 3, 3): 배치 축 밖의 모든 축을 더한다"),
]


# --- 연습문제 2: 입력 오염 ------------------------------------------------------------------------

def run_corrupt(func: Callable, case: Case) -> np.ndarray:
    """``corrupt(x, noise_std, mask_prob, seed)``: 입력은 그대로, 결과는 같은 모양의 [0, 1] 배열."""
    x = np.array(case.args[0], dtype=np.float64)
    x_in = x.copy()
    got = func(x_in, **case.kwargs)
    _unchanged(x, x_in, "x")
    arr = array_result(got, x.shape, "오염된 입력")
    if arr.min() < 0.0 or arr.max() > 1.0:
        raise CheckFailure(f"오염된 입력이 [0, 1] 밖에 있습니다 (최솟값 {arr.min():.4g}, 최댓값 {arr.max():.4g}). "
                           "마지막에 np.clip(…, 0, 1)을 하세요")
    return arr


# 기댓값: 문제의 정의대로 한 번 계산한 값 (np.random.default_rng(seed): normal 다음 random)
_CORRUPT_X = [[0.0, 0.5, 1.0], [0.25, 0.75, 0.5]]
_CORRUPT_CASES = [
    (_CORRUPT_X, {"noise_std": 0.0, "mask_prob": 0.0, "seed": 0}, _CORRUPT_X, "잡음도 가림도 없으면 x 그대로"),
    (_CORRUPT_X, {"noise_std": 0.1, "mask_prob": 0.0, "seed": 0},
     [[0.01257302210933933, 0.4867895136708698, 1.0], [0.26049001171530395, 0.6964330626838889, 0.5361595054909485]],
     "가우시안 잡음만 (표준편차 0.1, seed 0)"),
    (_CORRUPT_X, {"noise_std": 0.1, "mask_prob": 0.5, "seed": 0},
     [[0.01257302210933933, 0.4867895136708698, 1.0], [0.26049001171530395, 0.6964330626838889, 0.0]],
     "잡음 뒤에 화소를 확률 0.5로 0으로 가린다 (seed 0: 이번에는 하나만 가려진다)"),
    (_CORRUPT_X, {"noise_std": 0.0, "mask_prob": 1.0, "seed": 3}, [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]],
     "mask_prob = 1이면 모두 0"),
    (_CORRUPT_X, {"noise_std": 0.0, "mask_prob": 0.5, "seed": 0}, [[0.0, 0.5, 1.0], [0.25, 0.75, 0.0]],
     "noise_std = 0이어도 잡음을 먼저 뽑는다: seed 0이면 가려지는 화소는 위의 잡음 사례와 같은 마지막 하나"),
]


# --- 연습문제 3: VAE의 두 조각 --------------------------------------------------------------------

def run_reparameterize(func: Callable, case: Case) -> np.ndarray:
    """``reparameterize(mu, log_var, eps)``: 결과는 mu와 같은 모양."""
    mu, log_var, eps = (np.array(a, dtype=np.float32) for a in case.args)
    got = func(mu.copy(), log_var.copy(), eps.copy())
    return array_result(got, mu.shape, "z")


def run_kl(func: Callable, case: Case) -> np.ndarray:
    """``kl_divergence(mu, log_var)``: 결과는 샘플마다 하나, 모양 ``(배치,)``."""
    mu, log_var = (np.array(a, dtype=np.float32) for a in case.args)
    got = func(mu.copy(), log_var.copy())
    return array_result(got, (mu.shape[0],), "샘플별 KL 발산")


_MU = [[0.0, 0.0], [1.0, -1.0], [0.5, 2.0]]
_LOG_VAR = [[0.0, 0.0], [1.3862943611198906, 0.0], [-1.0, 0.5]]
_EPS = [[1.0, -1.0], [0.5, 2.0], [-1.0, 0.0]]
_REPARAM_CASES = [
    (_MU, _LOG_VAR, _EPS, [[1.0, -1.0], [2.0, 1.0], [-0.10653065971263342, 2.0]],
     "μ, log σ², ε가 모양 (3, 2): 둘째 샘플은 σ = (2, 1)"),
    ([[3.0]], [[-20.0]], [[5.0]], [[3.0002269996488122]], "log σ² 가 아주 작으면 z ≈ μ"),
]
_KL_CASES = [
    (_MU, _LOG_VAR, [0.0, 1.8068528251540177, 2.383300355935785], "모양 (3, 2): 첫 샘플은 N(0, I) 그 자체라 KL = 0"),
    ([[0.0, 0.0, 0.0]], [[np.log(0.25)] * 3], [0.9544415459653082], "μ = 0, σ² = 0.25 (차원 3)"),
]


# --- 연습문제 4: 잡음 제거 오토인코더 (만들고 학습시키기) ------------------------------------------

DENOISE_BARS = {"pass": 0.045, "excellent": 0.040}
"""깨끗한 시험 이미지와의 화소당 MSE 상한: ``ch07-ex4-denoiser/pass``(부분 점수)와 ``…/excellent``(나머지 점수).
잡음 입력 그대로는 약 0.084다. 공개 사례는 MNIST 훈련 이미지 2,000장과 시험 이미지 500장, 숨은 사례는 다른 이미지와
다른 잡음 시드에서 잰다."""

DENOISE_NOISE = {"noise_std": 0.4, "mask_prob": 0.2}
"""7-6절과 같은 오염: 표준편차 0.4의 가우시안 잡음을 더하고, 화소를 확률 0.2로 0으로 가리고, [0, 1]로 자른다."""


def noisy_images(images: np.ndarray, seed: int) -> np.ndarray:
    """연습문제 2의 규칙(잡음 먼저, 그다음 가림, 마지막에 자르기)으로 오염시킨 새 배열 (float32)."""
    rng = np.random.default_rng(seed)
    noisy = images + DENOISE_NOISE["noise_std"] * rng.normal(size=images.shape)
    noisy = np.where(rng.random(images.shape) < DENOISE_NOISE["mask_prob"], 0.0, noisy)
    return np.clip(noisy, 0.0, 1.0).astype(np.float32)


def _shifted(images: np.ndarray, seed: int) -> np.ndarray:
    """이미지마다 가로·세로로 −1, 0, 1 화소 중 하나만큼 옮긴다 (MNIST의 가장자리는 0이라 돌려 붙여도 된다)."""
    rng = np.random.default_rng(seed)
    moves = rng.integers(-1, 2, size=(len(images), 2))
    return np.stack([np.roll(image, (int(dy), int(dx)), axis=(0, 1)) for image, (dy, dx) in zip(images, moves)])


def denoise_split(train: slice, test: slice, noise_seed: int, shift_seed: int | None = None,
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """MNIST(0~1, float32)에서 (잡음 훈련, 깨끗한 훈련, 잡음 시험, 깨끗한 시험) 이미지를 만든다. 모양 (n, 28, 28).

    ``shift_seed``를 주면 이미지를 한 화소 안쪽에서 무작위로 옮겨, 패키지에 든 이미지와 같지 않게 한다 (숨은 사례)."""
    from dlbook.data import load_mnist

    (x_train, _), (x_test, _) = load_mnist(subset=max(train.stop, test.stop))
    clean_train = (x_train[train] / 255.0).astype(np.float32)
    clean_test = (x_test[test] / 255.0).astype(np.float32)
    if shift_seed is not None:
        clean_train, clean_test = _shifted(clean_train, shift_seed), _shifted(clean_test, shift_seed + 1)
    return (noisy_images(clean_train, noise_seed), clean_train,
            noisy_images(clean_test, noise_seed + 1), clean_test)


def run_denoise(func: Callable, case: Case) -> np.ndarray:
    """시드를 고정하고 ``func(noisy_train, clean_train, noisy_test)``를 부른다: 되살린 시험 이미지 (n, 28, 28)."""
    import keras

    noisy_train, clean_train, noisy_test = (np.array(a) for a in case.args)
    keras.utils.set_random_seed(0)
    got = to_numpy(func(noisy_train.copy(), clean_train.copy(), noisy_test.copy()))
    n = len(noisy_test)
    if got.size != n * 784 or got.shape[0] != n:
        raise CheckFailure(f"잡음 시험 이미지 {n}장을 되살린 이미지(모양 ({n}, 28, 28), ({n}, 784) 또는 "
                           f"({n}, 28, 28, 1))를 돌려주어야 합니다 (실제 모양: {got.shape})")
    got = got.reshape(n, 28, 28).astype(np.float64)
    if not np.all(np.isfinite(got)):
        raise CheckFailure("되살린 이미지에 nan 또는 inf가 있습니다")
    return got


def _pixel_mse(got: np.ndarray, expected: Any) -> float:
    return float(np.mean((np.asarray(got, dtype=np.float64) - np.asarray(expected, dtype=np.float64)) ** 2))


def _mse_at_most(bar: float) -> Callable[[np.ndarray, Any, Case], None]:
    def compare(got: np.ndarray, expected: Any, case: Case) -> None:
        mse = _pixel_mse(got, expected)
        if not mse <= bar:
            raise CheckFailure(f"깨끗한 시험 이미지와의 화소당 MSE {mse:.4f}가 기준 {bar:.3f}보다 큽니다 "
                               f"(잡음 입력 그대로는 {_pixel_mse(case.args[2], expected):.4f})")
    return compare


def _mse_note(got: np.ndarray, expected: Any, case: Case) -> str:
    return f"깨끗한 시험 이미지와의 화소당 MSE {_pixel_mse(got, expected):.4f}"


def denoise_exercise(level: str, cases: Callable[[], list[Case]]) -> Exercise:
    return Exercise(id=f"ch07-ex4-denoiser/{level}", cases=cases, run=run_denoise,
                    compare=_mse_at_most(DENOISE_BARS[level]), report=_mse_note)


def _denoise_visible_cases() -> list[Case]:
    noisy_train, clean_train, noisy_test, clean_test = denoise_split(slice(0, 2000), slice(0, 500), noise_seed=701)
    return [Case(args=(noisy_train, clean_train, noisy_test), expected=clean_test,
                 label=f"MNIST 훈련 이미지 {len(clean_train):,}장, 시험 이미지 {len(clean_test)}장 (잡음 시드 701)")]


# --- 목록 --------------------------------------------------------------------------------------

VISIBLE: dict[str, Exercise] = {
    "ch07-ex1-recon-loss": Exercise(
        id="ch07-ex1-recon-loss",
        cases=lambda: [Case(args=(x, xh), kwargs=kw, expected=exp, label=label)
                       for x, xh, kw, exp, label in _RECON_CASES],
        run=run_recon_loss, compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-5,
                                                                    name="샘플별 손실")),
    "ch07-ex2-corrupt": Exercise(
        id="ch07-ex2-corrupt",
        cases=lambda: [Case(args=(x,), kwargs=kw, expected=exp, label=label) for x, kw, exp, label in _CORRUPT_CASES],
        run=run_corrupt, compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-6, atol=1e-7,
                                                                 name="오염된 입력")),
    "ch07-ex3-vae/reparameterize": Exercise(
        id="ch07-ex3-vae/reparameterize",
        cases=lambda: [Case(args=(m, lv, e), expected=exp, label=label) for m, lv, e, exp, label in _REPARAM_CASES],
        run=run_reparameterize, compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-6, name="z")),
    "ch07-ex3-vae/kl": Exercise(
        id="ch07-ex3-vae/kl",
        cases=lambda: [Case(args=(m, lv), expected=exp, label=label) for m, lv, exp, label in _KL_CASES],
        run=run_kl, compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-6, name="샘플별 KL 발산")),
    **{f"ch07-ex4-denoiser/{level}": denoise_exercise(level, _denoise_visible_cases) for level in DENOISE_BARS},
}

# 답이 부르면 안 되는 것 (dlbook._forbid)
forbid_calls(VISIBLE, {
    # Keras의 손실 함수는 이 값을 화소 평균으로 준다: 그것에 화소 수를 곱하는 답은 구현이 아니다
    "ch07-ex1-recon-loss": ("keras.losses", "keras.metrics", "keras.ops.binary_crossentropy"),
    # 모델은 함수 안에서 직접 만든다. MNIST를 더 불러오는 데이터 함수는 부르지 않는다 (깨끗한 시험 이미지가 그 안에 있다).
    # `dlbook.data` 모듈 전체를 막으면 소스 검사가 `tf.data`까지 잡으므로 함수 이름으로 막는다
    "ch07-ex4-denoiser": ("dlbook.data.load_mnist", "dlbook.data.package_path", "keras.datasets",
                          "sklearn.datasets", "sklearn.decomposition", "sklearn.neural_network"),
})
