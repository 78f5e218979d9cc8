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
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook import checker
from dlbook.checker import Case, CheckFailure, Exercise, compare_arrays

__all__ = ["VISIBLE", "array_result", "compare_result", "run_corrupt", "run_kl", "run_recon_loss",
           "run_reparameterize"]


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
}
