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
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import Case, CheckFailure, Exercise, array_result, compare_arrays, scalar_of

__all__ = ["VISIBLE", "compare_result", "run_discriminator_loss", "run_generator_loss", "run_js",
           "run_optimal_d"]


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
}
