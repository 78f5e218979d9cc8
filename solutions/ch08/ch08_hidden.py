"""8장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다.

- GAN 손실의 기준은 Keras 자체: ``keras.losses.BinaryCrossentropy(from_logits=True)``로 판별자는
  BCE(1, 진짜 로짓) + BCE(0, 가짜 로짓), 생성자는 BCE(1, 가짜 로짓)이다.
- 최적 판별자의 기준은 SciPy: ``expit(norm.logpdf(x, μ_data, σ_data) − norm.logpdf(x, μ_g, σ_g))``
  (밀도의 비를 로그 공간에서 계산해 꼬리에서도 0/0이 나지 않는다).
- JS 발산의 기준은 ``scipy.spatial.distance.jensenshannon(p, q) ** 2``다. SciPy의 함수는 JS **거리**(발산의
  제곱근)를 주고, 기본 로그는 자연로그다.

TensorFlow, Keras, SciPy는 함수 안에서 import한다 (import 때의 로그가 테스트 셀의 stderr에 찍히지 않도록).
"""
from __future__ import annotations

import numpy as np

from dlbook.checker import Case, Exercise
from dlbook.exercises.ch08 import (GAN_BARS, N_SAMPLES, compare_result, gan_case, ring_gan_exercise,
                                   run_discriminator_loss, run_generator_loss, run_js, run_optimal_d)

# --- 연습문제 1: GAN 손실 -------------------------------------------------------------------------


def _logit_batches(seed: int) -> list[tuple[np.ndarray, np.ndarray, str]]:
    rng = np.random.default_rng(seed)
    out = []
    for n_real, n_fake, scale, shape in ((64, 64, 2.0, "(n,)"), (32, 48, 5.0, "(n, 1)"), (1, 1, 1.0, "(n,)"),
                                         (128, 16, 12.0, "(n, 1)"), (10, 10, 0.01, "(n,)")):
        real = rng.normal(1.0, scale, size=n_real).astype(np.float32)
        fake = rng.normal(-1.0, scale, size=n_fake).astype(np.float32)
        if shape == "(n, 1)":
            real, fake = real[:, None], fake[:, None]
        out.append((real, fake, f"무작위 로짓: 진짜 {n_real}개, 가짜 {n_fake}개, 척도 {scale}, 모양 {shape}"))
    # 판별자가 완전히 속은 경우와 완전히 이긴 경우 (큰 로짓)
    out.append((np.array([-60.0, -80.0], np.float32), np.array([90.0, 70.0, 50.0], np.float32),
                "판별자가 완전히 속았다 (진짜에 −60, 가짜에 +90)"))
    out.append((np.array([150.0, 40.0], np.float32), np.array([-150.0, -95.0], np.float32),
                "판별자가 완전히 이겼다 (진짜에 +150, 가짜에 −150)"))
    return out


def _bce_mean(labels_value: float, logits: np.ndarray) -> float:
    import keras

    logits = np.asarray(logits, dtype=np.float32).reshape(-1, 1)
    bce = keras.losses.BinaryCrossentropy(from_logits=True)
    return float(bce(np.full_like(logits, labels_value), logits))


def _discriminator_reference(case: Case) -> float:
    real, fake = case.args
    return _bce_mean(1.0, real) + _bce_mean(0.0, fake)


def _generator_reference(case: Case) -> float:
    return _bce_mean(1.0, case.args[0])


# --- 연습문제 2: 최적 판별자 ----------------------------------------------------------------------

def _optimal_d_cases() -> list[Case]:
    rng = np.random.default_rng(802)
    cases = []
    for shape in ((50,), (7, 3), (200,), (1,)):
        mu_d, mu_g = rng.uniform(-5.0, 5.0, size=2)
        sd_d, sd_g = rng.uniform(0.3, 3.0, size=2)
        x = rng.uniform(-12.0, 12.0, size=shape)
        cases.append(Case(args=(x, float(mu_d), float(sd_d), float(mu_g), float(sd_g)),
                          label=f"무작위 x 모양 {shape}, p_data = N({mu_d:.2f}, {sd_d:.2f}²), "
                                f"p_g = N({mu_g:.2f}, {sd_g:.2f}²)"))
    cases.append(Case(args=(np.linspace(-5.0, 5.0, 11), 0.5, 1.5, 0.5, 1.5),
                      label="p_g = p_data 이면 어디서나 1/2"))
    cases.append(Case(args=(np.array([-300.0, -45.0, 60.0, 400.0]), 1.0, 0.7, -2.0, 1.3),
                      label="먼 꼬리 (두 밀도가 모두 언더플로)"))
    return cases


def _optimal_d_reference(case: Case) -> np.ndarray:
    from scipy.special import expit
    from scipy.stats import norm

    x, mu_d, sd_d, mu_g, sd_g = case.args
    x = np.asarray(x, dtype=np.float64)
    return expit(norm.logpdf(x, mu_d, sd_d) - norm.logpdf(x, mu_g, sd_g))


# --- 연습문제 3: 젠슨-섀넌 발산 ------------------------------------------------------------------

def _js_cases() -> list[Case]:
    rng = np.random.default_rng(803)
    cases = []
    for k in (2, 5, 20, 50):
        p, q = rng.dirichlet(np.ones(k)), rng.dirichlet(np.ones(k))
        cases.append(Case(args=(p, q), label=f"무작위 확률 벡터 {k}개 항목"))
    counts_p = rng.integers(0, 30, size=12).astype(float)
    counts_q = rng.integers(0, 30, size=12).astype(float)
    counts_p[[1, 4]] = 0.0
    counts_q[[4, 7, 9]] = 0.0
    cases.append(Case(args=(counts_p, counts_q), label="0이 섞인 히스토그램 개수 (정규화 필요)"))
    p = rng.dirichlet(np.ones(8))
    cases.append(Case(args=(p, 3.0 * p), label="같은 분포를 다른 척도로 (정규화하면 0)"))
    cases.append(Case(args=(np.array([0.7, 0.3, 0.0, 0.0]), np.array([0.0, 0.1, 0.5, 0.4])),
                      label="조금만 겹치는 두 분포"))
    return cases


def _js_reference(case: Case) -> float:
    from scipy.spatial.distance import jensenshannon

    p, q = (np.asarray(a, dtype=np.float64) for a in case.args)
    return float(jensenshannon(p, q) ** 2)


# --- 연습문제 4: 혼합 분포 GAN --------------------------------------------------------------------

def _gan_hidden_cases() -> list[Case]:
    # 원을 0.3 라디안 돌린 혼합 분포, 공개 사례와 다른 시드. 새 표본은 기댓값으로만 쓰이고 상자에 들어가지 않는다
    return [gan_case(811, 812, 813, 0.3, f"숨은 사례: 돌린 원, 훈련 표본 {N_SAMPLES}개")]


HIDDEN: dict[str, Exercise] = {
    "ch08-ex1-gan-loss/discriminator": Exercise(
        id="ch08-ex1-gan-loss/discriminator",
        cases=lambda: [Case(args=(r, f), label=label) for r, f, label in _logit_batches(801)],
        run=run_discriminator_loss, reference=_discriminator_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-5, name="판별자 손실")),
    "ch08-ex1-gan-loss/generator": Exercise(
        id="ch08-ex1-gan-loss/generator",
        cases=lambda: [Case(args=(f,), label=label) for _, f, label in _logit_batches(811)],
        run=run_generator_loss, reference=_generator_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-4, atol=1e-5, name="생성자 손실")),
    "ch08-ex2-optimal-d": Exercise(
        id="ch08-ex2-optimal-d", cases=_optimal_d_cases, run=run_optimal_d, reference=_optimal_d_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-7, name="D*(x)")),
    "ch08-ex3-js": Exercise(
        id="ch08-ex3-js", cases=_js_cases, run=run_js, reference=_js_reference,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-7, name="JS 발산")),
    **{f"ch08-ex4-ring-gan/{level}": ring_gan_exercise(level, _gan_hidden_cases) for level in GAN_BARS},
}
