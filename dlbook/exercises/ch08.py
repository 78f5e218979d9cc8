"""8장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 교재의 예를 Keras(``keras.losses.BinaryCrossentropy(from_logits=True)``)와
SciPy(``scipy.stats.norm``, ``scipy.spatial.distance.jensenshannon``)로 한 번 계산해 둔 숫자(리터럴)뿐이고, 함수들은
학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 입력과 기준 구현을 쓰는 숨은 사례는 강사용
``solutions/ch08/ch08_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch08-ex1-gan-loss/discriminator`` | 판별자 손실 (로짓에서) | 8-2 |
| ``ch08-ex1-gan-loss/generator`` | 포화하지 않는 생성자 손실 (로짓에서) | 8-2 |
| ``ch08-ex2-optimal-d`` | 두 정규 분포 사이의 최적 판별자 D*(x) | 8-8 |
| ``ch08-ex3-js`` | 이산 분포 두 개의 젠슨-섀넌 발산 (자연로그) | 8-8 |
| ``ch08-ex4-ring-gan/<pass|excellent>`` | 혼합 분포 GAN의 학습 루프를 쓰고 학습시키기 (에너지 거리 기준 두 단계) | 8-7 |

연습문제 4의 기댓값은 목표 분포에서 새로 뽑은 표본이다. 채점기는 학생 함수가 돌려준 생성 표본과 그 표본 사이의
에너지 거리와 덮은 모드 수를 잰다 (새 표본은 학생 함수에 들어가지 않는다).
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import (Case, CheckFailure, Exercise, array_result, compare_arrays, forbid_calls, scalar_of,
                            to_numpy)

__all__ = ["GAN_BARS", "MIXTURE", "VISIBLE", "compare_result", "energy_distance", "gan_case", "ring_gan_exercise",
           "ring_mixture", "run_discriminator_loss", "run_generator_loss", "run_js", "run_optimal_d",
           "run_train_gan"]


def _unchanged(before: np.ndarray, after: np.ndarray, what: str) -> None:
    if before.shape != after.shape or not np.array_equal(before, after):
        raise CheckFailure(f"함수가 입력 {what}을(를) 바꾸었습니다. 입력은 그대로 두고 새 배열을 만들어 쓰세요 "
                           "(예: p = p / p.sum())")


def compare_result(got: Any, expected: Any, case: Case, *, rtol: float = 1e-5, atol: float = 1e-6,
                   name: str = "반환값") -> None:
    compare_arrays(got, np.asarray(expected, dtype=np.float64), rtol=rtol, atol=atol, name=name)


# --- 연습문제 1: GAN 손실 -------------------------------------------------------------------------

def run_discriminator_loss(func: Callable, case: Case) -> float:
    """``discriminator_loss(real_logits, fake_logits)``: 스칼라 하나."""
    real, fake = (np.array(a, dtype=np.float32) for a in case.args)
    return scalar_of(func(real.copy(), fake.copy()), "판별자 손실")


def run_generator_loss(func: Callable, case: Case) -> float:
    """``generator_loss(fake_logits)``: 스칼라 하나."""
    fake = np.array(case.args[0], dtype=np.float32)
    return scalar_of(func(fake.copy()), "생성자 손실")


# 기댓값: keras.losses.BinaryCrossentropy(from_logits=True), float32
_REAL = [2.0, 0.5, -1.0]
_FAKE = [-1.5, 0.0, 3.0]
_D_CASES = [
    (_REAL, _FAKE, 1.9524714350700378, "교재의 예: 진짜 로짓 [2, 0.5, -1], 가짜 로짓 [-1.5, 0, 3]"),
    ([0.0, 0.0], [0.0, 0.0, 0.0, 0.0], 1.3862943649291992,
     "모든 로짓이 0 (D = 1/2): 2 log 2. 진짜와 가짜의 개수가 달라도 된다"),
    ([[1.0], [-2.0]], [[0.5], [2.5]], 2.996578335762024, "로짓 모양 (2, 1)"),
    ([200.0, 3.0], [-200.0, 1.0], 0.6809245496988297,
     "아주 큰 로짓 ±200: sigmoid를 거쳐 log를 취하면 log 0이 나온다"),
]
_G_CASES = [
    (_FAKE, 0.8143825531005859, "교재의 예: 가짜 로짓 [-1.5, 0, 3]"),
    ([0.0, 0.0, 0.0], 0.6931471824645996, "모든 로짓이 0 (D = 1/2): log 2"),
    ([[0.5], [2.5]], 0.27648335695266724, "로짓 모양 (2, 1)"),
    ([-200.0, 1.0], 100.15663146972656, "아주 작은 로짓 −200: 판별자가 확신하는 가짜"),
]


# --- 연습문제 2: 최적 판별자 ----------------------------------------------------------------------

def run_optimal_d(func: Callable, case: Case) -> np.ndarray:
    """``optimal_discriminator(x, mu_data, sigma_data, mu_g, sigma_g)``: x와 같은 모양, 값은 [0, 1]."""
    x = np.array(case.args[0], dtype=np.float64)
    x_in = x.copy()
    got = array_result(func(x_in, *case.args[1:]), x.shape, "D*(x)")
    _unchanged(x, x_in, "x")
    if not np.all(np.isfinite(got)):
        raise CheckFailure("D*(x)에 nan 또는 inf가 있습니다. 꼬리에서는 두 밀도가 모두 0으로 언더플로됩니다: "
                           "밀도의 비 대신 로그 밀도의 차이를 시그모이드에 넣어 보세요")
    if got.min() < 0.0 or got.max() > 1.0:
        raise CheckFailure(f"D*(x)는 확률이라 [0, 1] 안에 있어야 합니다 (최솟값 {got.min():.4g}, 최댓값 {got.max():.4g})")
    return got


# 기댓값: scipy.special.expit(norm.logpdf(x, mu_data, sigma_data) - norm.logpdf(x, mu_g, sigma_g))
_OPT_D_CASES = [
    ([0.0, 1.0, 2.0], (0.0, 1.0, 2.0, 1.0), [0.8807970779778823, 0.5, 0.11920292202211755],
     "교재의 예: p_data = N(0, 1), p_g = N(2, 1)이면 D*(x) = σ(2 − 2x)"),
    ([0.0, 2.0, 4.0, 6.0], (4.0, 1.25, 0.0, 2.0),
     [0.009471077629205493, 0.42311562472591696, 0.922012025835033, 0.975636491951779],
     "표준편차가 다른 두 분포: p_data = N(4, 1.25²), p_g = N(0, 2²)"),
    ([[-1.0, 0.0], [1.0, 3.0]], (1.0, 0.5, 1.0, 2.0),
     [[0.002207453847707376, 0.38019853342697635], [0.8, 0.002207453847707376]],
     "평균이 같고 표준편차만 다르다, x 모양 (2, 2)"),
    ([-50.0, 100.0], (0.0, 1.0, 2.0, 1.0), [1.0, 1.0225689071173033e-86],
     "먼 꼬리: 두 밀도가 모두 0으로 언더플로되는 곳"),
]


# --- 연습문제 3: 젠슨-섀넌 발산 ------------------------------------------------------------------

def run_js(func: Callable, case: Case) -> float:
    """``js_divergence(p, q)``: 스칼라 하나. 입력 배열은 바꾸지 않는다."""
    p, q = (np.array(a, dtype=np.float64) for a in case.args)
    p_in, q_in = p.copy(), q.copy()
    got = scalar_of(func(p_in, q_in), "JS 발산")
    _unchanged(p, p_in, "p")
    _unchanged(q, q_in, "q")
    return got


# 기댓값: scipy.spatial.distance.jensenshannon(p, q) ** 2 (자연로그)
_JS_CASES = [
    ([1.0, 0.0], [0.0, 1.0], 0.6931471805599452, "겹치지 않는 두 분포: log 2 (최댓값)"),
    ([0.5, 0.5], [0.9, 0.1], 0.10174922507919676, "교재의 예: [0.5, 0.5]와 [0.9, 0.1]"),
    ([0.2, 0.3, 0.5], [0.2, 0.3, 0.5], 0.0, "같은 분포: 0"),
    ([2.0, 6.0, 2.0], [1.0, 1.0, 8.0], 0.2039281321456863, "합이 1이 아닌 개수(히스토그램): 먼저 정규화한다"),
    ([1.0, 0.0, 0.0, 3.0], [0.0, 2.0, 2.0, 0.0], 0.6931471805599452, "0이 섞인 개수, 받침이 겹치지 않는다"),
]


# --- 연습문제 4: 혼합 분포 GAN (학습 루프를 쓰고 학습시키기) -------------------------------------

MIXTURE = {"n_modes": 6, "radius": 2.0, "std": 0.15}
"""목표 분포: 반지름 2인 원 위에 같은 간격으로 놓인 여섯 중심의 정규 분포(표준편차 0.15)를 같은 비율로 섞은 것.
숨은 사례는 원을 돌려(중심의 각도가 다르다) 다른 시드로 뽑는다."""

GAN_BARS = {"pass": 0.08, "excellent": 0.04}
"""생성 표본과 목표 분포의 새 표본 사이의 에너지 거리 상한. ``/excellent``는 여섯 모드를 모두 덮는 것도 요구한다."""

N_SAMPLES, NOISE_DIM = 2000, 8


def ring_mixture(n: int, seed: int, offset: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """혼합 분포에서 표본 ``n``개 (float32, 모양 (n, 2))와 중심 (모양 (K, 2))."""
    k_modes, radius, std = MIXTURE["n_modes"], MIXTURE["radius"], MIXTURE["std"]
    rng = np.random.default_rng(seed)
    angles = offset + 2 * np.pi * np.arange(k_modes) / k_modes
    centers = np.stack([radius * np.cos(angles), radius * np.sin(angles)], axis=1)
    which = rng.integers(0, k_modes, size=n)
    return (centers[which] + std * rng.normal(size=(n, 2))).astype(np.float32), centers


def _mean_distance(a: np.ndarray, b: np.ndarray) -> float:
    sq = (a ** 2).sum(axis=1)[:, None] + (b ** 2).sum(axis=1)[None, :] - 2.0 * a @ b.T
    return float(np.sqrt(np.maximum(sq, 0.0)).mean())


def energy_distance(a: Any, b: Any) -> float:
    """두 표본 집합 사이의 에너지 거리 2·E‖X − Y‖ − E‖X − X′‖ − E‖Y − Y′‖ (같은 분포면 0에 가깝다)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    return 2.0 * _mean_distance(a, b) - _mean_distance(a, a) - _mean_distance(b, b)


def gan_case(train_seed: int, fresh_seed: int, noise_seed: int, offset: float, label: str) -> Case:
    """(훈련 표본, 잡음 z)는 학생 함수로, 새로 뽑은 표본과 중심은 기댓값으로만 간다."""
    real, centers = ring_mixture(N_SAMPLES, train_seed, offset)
    fresh, _ = ring_mixture(N_SAMPLES, fresh_seed, offset)
    z = np.random.default_rng(noise_seed).normal(size=(N_SAMPLES, NOISE_DIM)).astype(np.float32)
    return Case(args=(real, z), expected={"samples": fresh, "centers": centers}, label=label)


def run_train_gan(func: Callable, case: Case) -> np.ndarray:
    """시드를 고정하고 ``func(real, z)``를 부른다: 학습한 생성자가 z에서 만든 표본, 모양 (len(z), 2)."""
    import keras

    real, z = (np.array(a) for a in case.args)
    keras.utils.set_random_seed(0)
    got = to_numpy(func(real.copy(), z.copy()))
    if got.shape != (len(z), 2):
        raise CheckFailure(f"잡음 z {len(z)}개에서 만든 2차원 표본(모양 ({len(z)}, 2))을 돌려주어야 합니다 "
                           f"(실제 모양: {got.shape})")
    got = got.astype(np.float64)
    if not np.all(np.isfinite(got)):
        raise CheckFailure("생성 표본에 nan 또는 inf가 있습니다. 학습이 발산하지 않았는지 손실을 찍어 보세요")
    return got


def _gan_scores(got: np.ndarray, expected: dict, case: Case) -> dict:
    centers = np.asarray(expected["centers"])
    dist = np.linalg.norm(got[:, None, :] - centers[None, :, :], axis=2)
    near = dist.min(axis=1) < 3 * MIXTURE["std"]
    counts = np.bincount(dist.argmin(axis=1)[near], minlength=len(centers))
    # 훈련 표본을 그대로 돌려준 답을 가린다: 생성 표본마다 가장 가까운 훈련 표본까지의 거리
    real = np.asarray(case.args[0], dtype=np.float64)
    nearest_sq = ((got ** 2).sum(axis=1)[:, None] + (real ** 2).sum(axis=1)[None, :] - 2.0 * got @ real.T).min(axis=1)
    return {"energy": energy_distance(got, expected["samples"]),
            "modes": int((counts >= 0.25 * len(got) / len(centers)).sum()), "quality": float(near.mean()),
            "copies": float(np.mean(nearest_sq < 1e-8))}


def _gan_within(level: str) -> Callable[[np.ndarray, Any, Case], None]:
    bar = GAN_BARS[level]

    def compare(got: np.ndarray, expected: Any, case: Case) -> None:
        s = _gan_scores(got, expected, case)
        k_modes = MIXTURE["n_modes"]
        if s["copies"] > 0.01:
            raise CheckFailure(f"생성 표본의 {s['copies']:.0%}가 훈련 표본과 똑같습니다. 훈련 표본이 아니라 학습한 생성자가 "
                               "z에서 만든 표본을 돌려주세요")
        if not s["energy"] <= bar:
            raise CheckFailure(f"목표 분포의 새 표본과의 에너지 거리 {s['energy']:.4f}가 기준 {bar:.2f}보다 큽니다 "
                               f"(덮은 모드 {s['modes']}/{k_modes}, 표본 품질 {s['quality']:.2f})")
        if level == "excellent" and s["modes"] < k_modes:
            raise CheckFailure(f"덮은 모드가 {s['modes']}/{k_modes}입니다: 모든 모드를 덮어야 합니다 "
                               f"(에너지 거리 {s['energy']:.4f})")
    return compare


def _gan_note(got: np.ndarray, expected: Any, case: Case) -> str:
    s = _gan_scores(got, expected, case)
    return (f"에너지 거리 {s['energy']:.4f}, 덮은 모드 {s['modes']}/{MIXTURE['n_modes']}, "
            f"표본 품질 {s['quality']:.2f}")


def ring_gan_exercise(level: str, cases: Callable[[], list[Case]]) -> Exercise:
    return Exercise(id=f"ch08-ex4-ring-gan/{level}", cases=cases, run=run_train_gan, compare=_gan_within(level),
                    report=_gan_note)


def _gan_visible_cases() -> list[Case]:
    return [gan_case(801, 802, 803, 0.0, f"훈련 표본 {N_SAMPLES}개, 잡음 z {N_SAMPLES}개 (시드 801, 803)")]


# --- 목록 --------------------------------------------------------------------------------------

VISIBLE: dict[str, Exercise] = {
    "ch08-ex1-gan-loss/discriminator": Exercise(
        id="ch08-ex1-gan-loss/discriminator",
        cases=lambda: [Case(args=(r, f), expected=e, label=label) for r, f, e, label in _D_CASES],
        run=run_discriminator_loss,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-5, name="판별자 손실")),
    "ch08-ex1-gan-loss/generator": Exercise(
        id="ch08-ex1-gan-loss/generator",
        cases=lambda: [Case(args=(f,), expected=e, label=label) for f, e, label in _G_CASES],
        run=run_generator_loss,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-5, name="생성자 손실")),
    "ch08-ex2-optimal-d": Exercise(
        id="ch08-ex2-optimal-d",
        cases=lambda: [Case(args=(x, *params), expected=e, label=label) for x, params, e, label in _OPT_D_CASES],
        run=run_optimal_d,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-7, name="D*(x)")),
    "ch08-ex3-js": Exercise(
        id="ch08-ex3-js",
        cases=lambda: [Case(args=(p, q), expected=e, label=label) for p, q, e, label in _JS_CASES],
        run=run_js,
        compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-7, name="JS 발산")),
    **{f"ch08-ex4-ring-gan/{level}": ring_gan_exercise(level, _gan_visible_cases) for level in GAN_BARS},
}

# 답이 부르면 안 되는 것 (dlbook._forbid)
forbid_calls(VISIBLE, {
    # 로짓에서 BCE를 계산하는 라이브러리 함수 (숨은 사례의 기준이 바로 이것이다)
    "ch08-ex1-gan-loss": ("keras.losses", "keras.metrics", "keras.ops.binary_crossentropy",
                          "tensorflow.nn.sigmoid_cross_entropy_with_logits",
                          "tensorflow.nn.weighted_cross_entropy_with_logits"),
    # 정규 분포의 (로그) 밀도를 주는 SciPy 함수 (숨은 사례의 기준)
    "ch08-ex2-optimal-d": ("scipy.stats",),
    # JS 거리·상대 엔트로피를 주는 SciPy 함수와 Keras의 KL 발산
    "ch08-ex3-js": ("scipy.spatial.distance", "scipy.special.rel_entr", "scipy.special.kl_div", "scipy.special.entr",
                    "scipy.special.xlogy", "scipy.stats", "keras.losses"),
    # 생성자는 GAN으로 학습한다: 혼합 모형·밀도 추정·군집으로 표본을 만드는 지름길은 막는다
    "ch08-ex4-ring-gan": ("sklearn.mixture", "sklearn.neighbors", "sklearn.cluster", "scipy.stats", "scipy.cluster"),
})
