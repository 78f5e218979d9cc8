"""1장의 일곱 가지 옵티마이저를 NumPy로 옮긴 갱신 규칙. 1-9절에서 소개.

규칙은 Keras 3(``keras/src/optimizers/*.py``)의 ``update_step``을 그대로 따른다. 기본값(ε = 1e-7,
Adagrad 누적값의 초깃값 0.1, RMSProp ρ = 0.9, Adadelta ρ = 0.95, Adam β₂ = 0.999)도 Keras와 같다.
``tests/dlbook/test_optim.py``가 각 규칙을 ``keras.optimizers``와 한 걸음씩 비교한다.

| 이름 | Keras | 갱신 (g: 그래디언트, α: 학습률) |
| --- | --- | --- |
| ``sgd`` | ``SGD()`` | θ ← θ − α g |
| ``momentum`` | ``SGD(momentum=β)`` | m ← β m − α g;  θ ← θ + m |
| ``nag`` | ``SGD(momentum=β, nesterov=True)`` | m ← β m − α g;  θ ← θ + β m − α g |
| ``adagrad`` | ``Adagrad()`` | G ← G + g² (G₀ = 0.1);  θ ← θ − α g / √(G + ε) |
| ``rmsprop`` | ``RMSprop()`` | v ← ρ v + (1 − ρ) g²;  θ ← θ − α g / √(v + ε) |
| ``adadelta`` | ``Adadelta()`` | Keras 식 그대로, 마지막에 학습률 α를 곱한다 |
| ``adam`` | ``Adam(beta_1=β)`` | α_t = α √(1 − β₂ᵗ) / (1 − β₁ᵗ);  θ ← θ − α_t m / (√v + ε) |

모든 연산이 원소별이라 시작점 하나(모양 ``(2,)``)든 여러 개(``(P, 2)``)든 한 번에 계산한다.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from dlbook.surfaces import Surface, get_surface

__all__ = ["DEFAULT_BETA", "OPTIMIZERS", "OPTIMIZER_TITLES", "optimize", "trajectory"]

OPTIMIZERS: tuple[str, ...] = ("sgd", "momentum", "nag", "adagrad", "rmsprop", "adadelta", "adam")
"""옵티마이저 이름 (1-9절의 순서)."""

OPTIMIZER_TITLES: dict[str, str] = {
    "sgd": "경사 하강법(SGD)",
    "momentum": "모멘텀(Momentum)",
    "nag": "네스테로프(NAG)",
    "adagrad": "Adagrad",
    "rmsprop": "RMSProp",
    "adadelta": "Adadelta",
    "adam": "Adam",
}
"""그림의 범례에 쓰는 한국어 이름."""

DEFAULT_BETA: dict[str, float] = {"momentum": 0.9, "nag": 0.9, "adam": 0.9}
"""β를 쓰는 옵티마이저와 그 기본값: 모멘텀·NAG의 ``momentum``, Adam의 ``beta_1``."""

EPSILON = 1e-7            # Keras 옵티마이저 공통 기본값
ADAGRAD_INITIAL = 0.1     # Adagrad(initial_accumulator_value=0.1)
RMSPROP_RHO = 0.9         # RMSprop(rho=0.9)
ADADELTA_RHO = 0.95       # Adadelta(rho=0.95)
ADAM_BETA_2 = 0.999       # Adam(beta_2=0.999)

GradientFn = Callable[[np.ndarray], np.ndarray]


def _as_keras_constant(value: float) -> float:
    """Keras가 ``ops.cast(파이썬 float, dtype)``으로 만든 상수 값.

    TensorFlow에서 파이썬 float은 먼저 float32 텐서가 되므로 momentum, β₁ᵗ·β₂ᵗ의 밑,
    Adagrad 누적값의 초깃값은 float32로 반올림된 값이 쓰인다. float64 변수로 비교할 때도
    Keras와 마지막 자리까지 같도록 여기서도 그렇게 한다 (float32 계산에서는 차이가 없다).
    """
    return float(np.float32(value))


def _check_name(optimizer: str) -> str:
    name = optimizer.lower()
    if name not in OPTIMIZERS:
        names = ", ".join(OPTIMIZERS)
        raise ValueError(f"알 수 없는 옵티마이저 {optimizer!r}: {names} 중 하나를 고르세요 "
                         f"(unknown optimizer; choose one of {names})")
    return name


def optimize(optimizer: str, gradient: GradientFn, theta0: np.ndarray, steps: int,
             learning_rate: float, beta: float | None = None) -> np.ndarray:
    """``theta0``에서 시작해 ``steps``번 갱신한 매개변수를 모두 돌려준다. 1-9절에서 소개.

    Args:
        optimizer: ``OPTIMIZERS`` 중 하나 (``"sgd"``, ``"momentum"``, ``"nag"``, ``"adagrad"``,
            ``"rmsprop"``, ``"adadelta"``, ``"adam"``).
        gradient: θ(어떤 모양이든)를 받아 같은 모양의 그래디언트를 돌려주는 함수.
        theta0: 시작 매개변수.
        steps: 갱신 횟수.
        learning_rate: 학습률 α.
        beta: 모멘텀·NAG의 ``momentum``, Adam의 ``beta_1``. ``None``이면 Keras 기본값 0.9.
            다른 옵티마이저에는 쓰이지 않는다.

    Returns:
        모양 ``(steps + 1, *theta0.shape)``의 배열; 0번째 행이 ``theta0``이다. 발산하면
        ``inf``/``nan``이 들어갈 수 있다 (경고는 내지 않는다).
    """
    name = _check_name(optimizer)
    theta = np.array(theta0, dtype=np.float64)
    if beta is None:
        beta = DEFAULT_BETA.get(name, 0.9)
    lr = float(learning_rate)
    beta = float(beta)
    out = np.empty((steps + 1, *theta.shape))
    out[0] = theta
    zeros = np.zeros_like(theta)
    with np.errstate(all="ignore"):
        if name == "sgd":
            for t in range(1, steps + 1):
                theta = theta - gradient(theta) * lr
                out[t] = theta
        elif name in ("momentum", "nag"):
            m = zeros.copy()
            nesterov = name == "nag"
            beta = _as_keras_constant(beta)
            for t in range(1, steps + 1):
                g = gradient(theta)
                m = m * beta - g * lr
                theta = theta + (m * beta - g * lr if nesterov else m)
                out[t] = theta
        elif name == "adagrad":
            acc = np.full_like(theta, _as_keras_constant(ADAGRAD_INITIAL))
            for t in range(1, steps + 1):
                g = gradient(theta)
                acc = acc + g * g
                theta = theta - (lr * g) / np.sqrt(acc + EPSILON)
                out[t] = theta
        elif name == "rmsprop":
            rho = RMSPROP_RHO
            v = zeros.copy()
            for t in range(1, steps + 1):
                g = gradient(theta)
                v = rho * v + (1 - rho) * (g * g)
                theta = theta - (lr * g) / np.sqrt(v + EPSILON)
                out[t] = theta
        elif name == "adadelta":
            rho = ADADELTA_RHO
            acc_g = zeros.copy()
            acc_dx = zeros.copy()
            for t in range(1, steps + 1):
                g = gradient(theta)
                acc_g = rho * acc_g + (1 - rho) * (g * g)
                delta = -(np.sqrt(acc_dx + EPSILON) * g) / np.sqrt(acc_g + EPSILON)
                acc_dx = rho * acc_dx + (1 - rho) * (delta * delta)
                theta = theta + lr * delta
                out[t] = theta
        else:  # adam
            beta_2 = ADAM_BETA_2
            m = zeros.copy()
            v = zeros.copy()
            beta_1_base = _as_keras_constant(beta)
            beta_2_base = _as_keras_constant(beta_2)
            for t in range(1, steps + 1):
                g = gradient(theta)
                alpha = lr * np.sqrt(1 - beta_2_base**t) / (1 - beta_1_base**t)
                m = m + (g - m) * (1 - beta)
                v = v + (g * g - v) * (1 - beta_2)
                theta = theta - (m * alpha) / (np.sqrt(v) + EPSILON)
                out[t] = theta
    return out


DIVERGED = 1e6
"""|좌표|가 이 값을 넘으면 발산한 것으로 보고 그 뒤의 궤적을 ``nan``으로 둔다."""


def trajectory(surface: str | Surface, optimizer: str, start: tuple[float, float] | np.ndarray | None = None,
               steps: int = 200, learning_rate: float | None = None,
               beta: float | None = None) -> tuple[np.ndarray, np.ndarray]:
    """손실 곡면 위에서 옵티마이저가 지나가는 점과 그 점의 손실. 1-9절에서 소개.

    Args:
        surface: ``"bowl"``, ``"valley"``, ``"rosenbrock"``, ``"saddle"`` 또는 ``Surface``.
        optimizer: ``OPTIMIZERS`` 중 하나.
        start: 시작점 ``(x, y)`` 또는 여러 시작점 ``(P, 2)``. ``None``이면 곡면의 기본 시작점.
        steps: 갱신 횟수.
        learning_rate: 학습률. ``None``이면 곡면의 기본 학습률.
        beta: 모멘텀·NAG의 ``momentum``, Adam의 ``beta_1`` (``None``이면 0.9).

    Returns:
        ``(points, losses)``: 시작점이 하나면 모양 ``(steps + 1, 2)``와 ``(steps + 1,)``,
        여러 개면 ``(steps + 1, P, 2)``와 ``(steps + 1, P)``. 발산한 뒤의 값은 ``nan``이다.
    """
    surf = get_surface(surface)
    theta0 = np.asarray(surf.start if start is None else start, dtype=np.float64)
    if theta0.shape[-1] != 2:
        raise ValueError(f"시작점의 마지막 차원은 2여야 합니다: 모양 {theta0.shape} "
                         f"(start must have shape (2,) or (P, 2))")
    lr = surf.learning_rate if learning_rate is None else learning_rate

    def grad(theta: np.ndarray) -> np.ndarray:
        g = np.empty_like(theta)
        g[..., 0], g[..., 1] = surf.gradient(theta[..., 0], theta[..., 1])
        return g

    points = optimize(optimizer, grad, theta0, steps, lr, beta)
    with np.errstate(all="ignore"):
        bad = ~np.isfinite(points).all(axis=-1) | (np.abs(points) > DIVERGED).any(axis=-1)
        bad = np.logical_or.accumulate(bad, axis=0)  # 한 번 발산하면 그 뒤는 모두 발산
        points[bad] = np.nan
        losses = surf.value(points[..., 0], points[..., 1])
    return points, losses
