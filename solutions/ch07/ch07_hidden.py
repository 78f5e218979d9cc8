"""7장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다. 재구성 손실의 기준은 Keras 자체
(``keras.losses.MeanSquaredError``와 ``keras.losses.BinaryCrossentropy``를 ``reduction=None``으로 부른 화소 평균에
화소 수를 곱한 값)다. 입력 오염은 Keras에 같은 연산이 없으므로 문제에 적힌 정의 그대로의 기준 구현과,
재매개변수화는 정의 μ + exp(½ log σ²)·ε와, KL 발산은 문제의 식과 다르게 쓴 두 대각 가우시안 사이의 일반 식
½(tr Σ + μᵀμ − k − log det Σ)과 비교한다.

TensorFlow와 Keras는 함수 안에서 import한다 (import 때의 로그가 테스트 셀의 stderr에 찍히지 않도록).
"""
from __future__ import annotations

import numpy as np

from dlbook.checker import Case, Exercise
from dlbook.exercises.ch07 import (DENOISE_BARS, compare_result, denoise_exercise, denoise_split, run_corrupt, run_kl,
                                   run_recon_loss, run_reparameterize)

# --- 연습문제 1: 재구성 손실 ----------------------------------------------------------------------


def _recon_cases() -> list[Case]:
    rng = np.random.default_rng(701)
    cases = []
    for shape, kind in (((5, 784), "mse"), ((5, 784), "bce"), ((4, 28, 28), "bce"), ((3, 8, 8, 1), "mse"),
                        ((6, 10), "bce"), ((1, 30), "mse")):
        x = rng.random(shape).astype(np.float32)
        if kind == "bce":
            x = (x > 0.6).astype(np.float32) * rng.uniform(0.7, 1.0, size=shape).astype(np.float32)
        x_hat = rng.random(shape).astype(np.float32)
        x_hat.reshape(-1)[:3] = [0.0, 1.0, 0.0]           # 잘라야(clip) 하는 값
        cases.append(Case(args=(x, x_hat), kwargs={"kind": kind}, label=f"무작위 모양 {shape}, kind='{kind}'"))
    x = rng.random((3, 5)).astype(np.float32)
    cases.append(Case(args=(x, x.copy()), kwargs={}, label="x_hat = x 이면 MSE는 0"))
    return cases


def recon_reference(x: np.ndarray, x_hat: np.ndarray, kind: str = "mse") -> np.ndarray:
    """Keras 손실(reduction=None)은 샘플마다 화소 평균을 준다. 화소 수를 곱하면 화소 합이다."""
    import keras

    n = x.shape[0]
    flat, flat_hat = x.reshape(n, -1), x_hat.reshape(n, -1)
    loss = (keras.losses.MeanSquaredError(reduction=None) if kind == "mse"
            else keras.losses.BinaryCrossentropy(reduction=None))
    return np.asarray(loss(flat, flat_hat), dtype=np.float64) * flat.shape[1]


# --- 연습문제 2: 입력 오염 ------------------------------------------------------------------------

def corrupt_reference(x, noise_std, mask_prob, seed):
    rng = np.random.default_rng(seed)
    noisy = np.asarray(x, dtype=np.float64) + noise_std * rng.normal(size=np.shape(x))
    mask = rng.random(np.shape(x)) < mask_prob
    return np.clip(np.where(mask, 0.0, noisy), 0.0, 1.0)


def _corrupt_cases() -> list[Case]:
    rng = np.random.default_rng(702)
    cases = []
    for shape, std, prob, seed in (((4, 28, 28), 0.3, 0.2, 0), ((10, 784), 0.5, 0.0, 7), ((3, 8, 8, 1), 0.0, 0.35, 11),
                                   ((2, 50), 0.2, 0.9, 123), ((6, 6), 0.1, 0.5, 5)):
        x = rng.random(shape)
        cases.append(Case(args=(x,), kwargs={"noise_std": std, "mask_prob": prob, "seed": seed},
                          label=f"무작위 모양 {shape}, noise_std={std}, mask_prob={prob}, seed={seed}"))
    # 확률이 딱 맞아떨어지는 경계: rng.random()이 정확히 mask_prob와 같은 경우는 없지만 0은 나올 수 있다
    cases.append(Case(args=(np.full((5, 5), 0.5),), kwargs={"noise_std": 0.0, "mask_prob": 0.0, "seed": 1},
                      label="mask_prob = 0이면 아무 화소도 가리지 않는다 (< 로 비교)"))
    return cases


# --- 연습문제 3: VAE의 두 조각 --------------------------------------------------------------------

def _vae_inputs(seed: int) -> list[tuple[np.ndarray, np.ndarray, np.ndarray, str]]:
    rng = np.random.default_rng(seed)
    out = []
    for n, k in ((8, 2), (16, 10), (1, 32), (5, 3)):
        mu = rng.normal(0.0, 1.5, size=(n, k)).astype(np.float32)
        log_var = rng.uniform(-4.0, 2.0, size=(n, k)).astype(np.float32)
        eps = rng.normal(size=(n, k)).astype(np.float32)
        out.append((mu, log_var, eps, f"무작위 μ, log σ², ε 모양 ({n}, {k})"))
    return out


def _reparam_reference(case: Case) -> np.ndarray:
    mu, log_var, eps = (np.asarray(a, dtype=np.float64) for a in case.args)
    return mu + np.exp(0.5 * log_var) * eps


def _kl_reference(case: Case) -> np.ndarray:
    """KL(N(μ, diag σ²) ‖ N(0, I)) = ½ (tr Σ + μᵀμ − k − log det Σ)."""
    mu, log_var = (np.asarray(a, dtype=np.float64) for a in case.args)
    variance = np.exp(log_var)
    k = mu.shape[1]
    trace = variance.sum(axis=1)
    log_det = np.log(np.prod(variance, axis=1))
    return 0.5 * (trace + np.einsum("ij,ij->i", mu, mu) - k - log_det)


# --- 연습문제 4: 잡음 제거 오토인코더 ------------------------------------------------------------

def _denoise_hidden_cases() -> list[Case]:
    # 공개 사례와 겹치지 않는 이미지(훈련 2000~3999번, 시험 5000~5499번)를 한 화소 안쪽에서 무작위로 옮기고, 다른
    # 시드로 오염시킨다. 깨끗한 시험 이미지는 기댓값으로만 쓰이고 상자에 들어가지 않는다
    noisy_train, clean_train, noisy_test, clean_test = denoise_split(slice(2000, 4000), slice(5000, 5500),
                                                                     noise_seed=711, shift_seed=713)
    return [Case(args=(noisy_train, clean_train, noisy_test), expected=clean_test,
                 label=f"숨은 이미지 (훈련 {len(clean_train):,}장, 시험 {len(clean_test)}장)")]


HIDDEN: dict[str, Exercise] = {
    "ch07-ex1-recon-loss": Exercise(
        id="ch07-ex1-recon-loss", cases=_recon_cases, run=run_recon_loss,
        reference=lambda case: recon_reference(*case.args, **case.kwargs),
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-4, name="샘플별 손실")),
    "ch07-ex2-corrupt": Exercise(
        id="ch07-ex2-corrupt", cases=_corrupt_cases, run=run_corrupt,
        reference=lambda case: corrupt_reference(*case.args, **case.kwargs),
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-6, atol=1e-6, name="오염된 입력")),
    "ch07-ex3-vae/reparameterize": Exercise(
        id="ch07-ex3-vae/reparameterize",
        cases=lambda: [Case(args=(m, lv, e), label=label) for m, lv, e, label in _vae_inputs(703)],
        run=run_reparameterize, reference=_reparam_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-5, name="z")),
    "ch07-ex3-vae/kl": Exercise(
        id="ch07-ex3-vae/kl",
        cases=lambda: [Case(args=(m, lv), label=label) for m, lv, _, label in _vae_inputs(704)],
        run=run_kl, reference=_kl_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-4, name="샘플별 KL 발산")),
    **{f"ch07-ex4-denoiser/{level}": denoise_exercise(level, _denoise_hidden_cases) for level in DENOISE_BARS},
}
