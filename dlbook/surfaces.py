"""최적화 탐색기(optimizer explorer)가 쓰는 2차원 손실 곡면. 1-9절에서 소개.

각 곡면은 값 f(x, y)와 해석적 그래디언트 ∇f(x, y)를 NumPy로 계산한다. 배열을 넣으면 원소마다
계산하므로 격자(등고선)나 여러 점의 궤적을 한 번에 다룰 수 있다.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

__all__ = ["SURFACES", "Surface", "get_surface"]

ArrayFn = Callable[[np.ndarray, np.ndarray], np.ndarray]
GradFn = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]


@dataclass(frozen=True)
class Surface:
    """2차원 손실 곡면 하나. 1-9절에서 소개.

    Attributes:
        key: 코드에서 쓰는 영문 이름 (``"bowl"``).
        title: 그림에 쓰는 한국어 이름.
        description: 이 곡면에서 무엇을 볼 수 있는지 한 줄 설명.
        value: ``f(x, y)``.
        gradient: ``(∂f/∂x, ∂f/∂y)``.
        start: 기본 시작점 ``(x, y)``.
        x_range, y_range: 그림의 범위.
        minimum: 전역 최솟점 ``(x, y)``.
        learning_rate: 탐색기의 기본 학습률.
        learning_rates: 정적 그림(책 웹페이지)의 슬라이더에 쓰는 학습률 8개.
    """

    key: str
    title: str
    description: str
    value: ArrayFn
    gradient: GradFn
    start: tuple[float, float]
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    minimum: tuple[float, float]
    learning_rate: float
    learning_rates: tuple[float, ...]

    @property
    def min_value(self) -> float:
        """전역 최솟값 f(최솟점)."""
        return float(self.value(np.float64(self.minimum[0]), np.float64(self.minimum[1])))

    def grid(self, num: int = 80) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """등고선용 격자 ``(xs[num], ys[num], z[num, num])``; ``z[i, j] = f(xs[j], ys[i])``."""
        xs = np.linspace(*self.x_range, num)
        ys = np.linspace(*self.y_range, num)
        xx, yy = np.meshgrid(xs, ys)
        return xs, ys, self.value(xx, yy)


# --- 1. 둥근 그릇: f = (x² + y²) / 2 ------------------------------------------------------
def _bowl(x, y):
    return 0.5 * (x * x + y * y)


def _bowl_grad(x, y):
    return x, y


# --- 2. 길쭉한 골짜기: f = 0.05 x² + y²  (조건수 20) -----------------------------------
def _valley(x, y):
    return 0.05 * x * x + y * y


def _valley_grad(x, y):
    return 0.1 * x, 2.0 * y


# --- 3. 로젠브록: f = (1 − x)² + 100 (y − x²)² --------------------------------------------
def _rosenbrock(x, y):
    return (1.0 - x) ** 2 + 100.0 * (y - x * x) ** 2


def _rosenbrock_grad(x, y):
    r = y - x * x
    return -2.0 * (1.0 - x) - 400.0 * x * r, 200.0 * r


# --- 4. 안장점과 지역 최솟값: f = (x² − 1)² + 0.3 x + y² / 2 -------------------------------
# x 방향으로 두 골짜기(x ≈ −1.04 전역, x ≈ 0.96 지역)와 그 사이의 안장점(x ≈ 0.075, y = 0)이 있다.
_TILT = 0.3


def _saddle(x, y):
    return (x * x - 1.0) ** 2 + _TILT * x + 0.5 * y * y


def _saddle_grad(x, y):
    return 4.0 * x * (x * x - 1.0) + _TILT, y


def _saddle_critical_x() -> np.ndarray:
    """4x³ − 4x + 0.3 = 0 의 세 실근 (작은 것부터): 전역 최솟점, 안장점, 지역 최솟점의 x."""
    return np.sort(np.roots([4.0, 0.0, -4.0, _TILT]).real)


_SADDLE_X = _saddle_critical_x()
SADDLE_POINT: tuple[float, float] = (float(_SADDLE_X[1]), 0.0)
LOCAL_MINIMUM: tuple[float, float] = (float(_SADDLE_X[2]), 0.0)

SURFACES: dict[str, Surface] = {
    s.key: s
    for s in (
        Surface(
            key="bowl", title="둥근 그릇", value=_bowl, gradient=_bowl_grad,
            description="모든 방향의 곡률이 같아 그래디언트의 반대 방향이 늘 최솟점을 가리킨다.",
            start=(-4.0, 3.0), x_range=(-5.0, 5.0), y_range=(-5.0, 5.0), minimum=(0.0, 0.0),
            learning_rate=0.1,
            learning_rates=(0.01, 0.03, 0.1, 0.3, 0.6, 1.0, 1.5, 2.05),
        ),
        Surface(
            key="valley", title="길쭉한 골짜기", value=_valley, gradient=_valley_grad,
            description="한 방향은 가파르고 다른 방향은 완만해(조건수 20) 경사 하강법이 지그재그로 움직인다.",
            start=(-9.0, 2.0), x_range=(-10.0, 10.0), y_range=(-3.0, 3.0), minimum=(0.0, 0.0),
            learning_rate=0.3,
            learning_rates=(0.01, 0.03, 0.1, 0.3, 0.6, 0.9, 1.0, 1.2),
        ),
        Surface(
            key="rosenbrock", title="로젠브록 함수", value=_rosenbrock, gradient=_rosenbrock_grad,
            description="굽은 좁은 골짜기 바닥을 따라 (1, 1)까지 가야 해서 빠르게 수렴하기 어렵다.",
            start=(-1.5, 2.0), x_range=(-2.0, 2.0), y_range=(-1.0, 3.0), minimum=(1.0, 1.0),
            learning_rate=0.001,
            learning_rates=(0.0001, 0.0003, 0.001, 0.002, 0.005, 0.01, 0.03, 0.1),
        ),
        Surface(
            key="saddle", title="안장점과 지역 최솟값", value=_saddle, gradient=_saddle_grad,
            description="오른쪽 시작점에서 경사 하강법은 지역 최솟값에 갇히고, 관성이 있으면 안장점을 넘어 전역 최솟값으로 갈 수 있다.",
            start=(1.9, 1.5), x_range=(-2.0, 2.0), y_range=(-2.0, 2.0),
            minimum=(float(_SADDLE_X[0]), 0.0),
            learning_rate=0.02,
            learning_rates=(0.003, 0.01, 0.02, 0.03, 0.05, 0.1, 0.15, 0.2),
        ),
    )
}


def get_surface(surface: str | Surface) -> Surface:
    """이름(``"bowl"``, ``"valley"``, ``"rosenbrock"``, ``"saddle"``) 또는 Surface를 Surface로 돌려준다."""
    if isinstance(surface, Surface):
        return surface
    try:
        return SURFACES[surface]
    except KeyError:
        names = ", ".join(SURFACES)
        raise ValueError(f"알 수 없는 손실 곡면 {surface!r}: {names} 중 하나를 고르세요 "
                         f"(unknown surface; choose one of {names})") from None
