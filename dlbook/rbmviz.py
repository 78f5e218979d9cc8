"""제한된 볼츠만 머신 장(9장)의 그림 도우미.

- :func:`plot_rbm_graph` — 가시층과 은닉층을 잇는 이분 그래프 (9-1절에서 소개). ``full=True``면 같은 층 안의
  연결까지 그린 일반 볼츠만 머신이 된다.
- :func:`filter_mosaic` — 가중치 행렬 ``W`` (가시 유닛 × 은닉 유닛)의 열을 이미지 필터로 보고 한 장에 모은다
  (9-7절에서 소개). 필터마다 따로 0~1로 늘려 대비를 맞춘다.
"""
from __future__ import annotations

import numpy as np

from dlbook.som_plots import prototype_mosaic

__all__ = ["filter_mosaic", "plot_rbm_graph"]


def _row(n: int, width: float, y: float) -> np.ndarray:
    """유닛 n개의 중심 (x, y): 간격 1, 폭 ``width`` 안에서 가운데 정렬."""
    xs = np.arange(n) - (n - 1) / 2.0 + width / 2.0
    return np.column_stack([xs, np.full(n, y)])


def plot_rbm_graph(n_visible: int, n_hidden: int, *, full: bool = False, ax=None, title: str | None = None):
    """가시 유닛(아래, 흰 원)과 은닉 유닛(위, 회색 원)을 그리고 축(Axes)을 돌려준다.

    RBM은 두 층 사이만 모두 잇는다 (선 ``n_visible * n_hidden``개). ``full=True``면 같은 층 안의 유닛끼리도 이어
    제한이 없는 볼츠만 머신을 그린다 (곡선 ``C(n_visible, 2) + C(n_hidden, 2)``개가 더해진다).
    """
    import matplotlib.pyplot as plt
    from matplotlib.patches import Circle, FancyArrowPatch

    from dlbook.plotting import use_korean_font

    use_korean_font()
    if n_visible < 1 or n_hidden < 1:
        raise ValueError("층마다 유닛이 하나 이상 있어야 한다")
    if ax is None:
        _, ax = plt.subplots(figsize=(4.5, 3.2))
    width = float(max(n_visible, n_hidden) - 1) or 1.0
    visible, hidden = _row(n_visible, width, 0.0), _row(n_hidden, width, 2.0)
    for v in visible:
        for h in hidden:
            ax.plot([v[0], h[0]], [v[1], h[1]], color="0.45", lw=0.9, zorder=1)
    if full:
        for layer in (visible, hidden):
            for i in range(len(layer)):
                for j in range(i + 1, len(layer)):
                    bend = 0.25 + 0.08 * (j - i)
                    sign = -1.0 if layer is visible else 1.0
                    ax.add_patch(FancyArrowPatch(tuple(layer[i]), tuple(layer[j]), arrowstyle="-",
                                                 connectionstyle=f"arc3,rad={sign * bend}",
                                                 color="tab:red", lw=0.8, zorder=1))
    radius = 0.22
    for v in visible:
        ax.add_patch(Circle(tuple(v), radius, facecolor="white", edgecolor="black", zorder=3))
    for h in hidden:
        ax.add_patch(Circle(tuple(h), radius, facecolor="0.7", edgecolor="black", zorder=3))
    ax.text(-0.6, 0.0, "가시층 v", ha="right", va="center")
    ax.text(-0.6, 2.0, "은닉층 h", ha="right", va="center")
    ax.set_xlim(-2.6, width + 0.6)
    ax.set_ylim(-0.9, 2.9)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax


def filter_mosaic(W, grid_shape: tuple[int, int], image_shape: tuple[int, int] = (28, 28), *,
                  pad: int = 1) -> np.ndarray:
    """``W`` (모양 ``(화소 수, 은닉 유닛 수)``)의 앞쪽 열 ``rows*cols``개를 필터 이미지로 이어 붙인 배열.

    필터마다 최솟값을 0, 최댓값을 1로 늘린다 (값이 모두 같으면 0.5). 칸 사이는 1(흰색)로 채운다.
    """
    rows, cols = grid_shape
    weights = np.asarray(W, dtype=float)
    n = rows * cols
    if weights.ndim != 2 or weights.shape[0] != image_shape[0] * image_shape[1]:
        raise ValueError(f"W의 모양은 (화소 수 {image_shape[0] * image_shape[1]}, 은닉 유닛 수)여야 한다: "
                         f"{weights.shape}")
    if weights.shape[1] < n:
        raise ValueError(f"은닉 유닛이 {weights.shape[1]}개뿐이다: {rows}×{cols} = {n}개가 필요하다")
    filters = weights[:, :n].T
    lo = filters.min(axis=1, keepdims=True)
    span = filters.max(axis=1, keepdims=True) - lo
    scaled = np.where(span > 0, (filters - lo) / np.where(span > 0, span, 1.0), 0.5)
    return prototype_mosaic(scaled, grid_shape, image_shape, pad=pad, fill=1.0)
