"""신경망 구조 그림: 층마다 뉴런을 원으로, 연결을 선으로 그린다 (4장에서 소개).

``draw_network([2, 2, 1])``은 입력 2개, 은닉 뉴런 2개, 출력 1개인 망을 그린다. ``weights``에 층마다
``(입력 수, 출력 수)`` 모양의 가중치 행렬(Keras ``Dense``의 kernel과 같은 배치)을 주면 선의 색과 굵기가
부호와 크기를 나타내고, ``show_values=True``면 선 위에 값을 적는다.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

__all__ = ["draw_network", "layer_positions"]


def layer_positions(layer_sizes: Sequence[int], *, layer_gap: float = 1.6, unit_gap: float = 1.0) -> list[np.ndarray]:
    """층마다 뉴런 중심의 (x, y) 좌표 배열. 층은 왼쪽에서 오른쪽으로 ``layer_gap`` 간격, 뉴런은 위에서 아래로
    ``unit_gap`` 간격으로 놓고, 층마다 뉴런들을 y = 0을 중심으로 가운데 맞춘다."""
    sizes = [int(n) for n in layer_sizes]
    if len(sizes) < 2 or min(sizes) < 1:
        raise ValueError(f"층은 두 개 이상, 층마다 뉴런은 하나 이상이어야 한다: {sizes}")
    positions = []
    for i, n in enumerate(sizes):
        ys = (n - 1) * unit_gap / 2 - unit_gap * np.arange(n)
        positions.append(np.column_stack([np.full(n, i * layer_gap), ys]))
    return positions


def _check_weights(layer_sizes: Sequence[int], weights) -> list[np.ndarray] | None:
    if weights is None:
        return None
    weights = [np.asarray(w, dtype=float) for w in weights]
    if len(weights) != len(layer_sizes) - 1:
        raise ValueError(f"가중치 행렬은 층 사이마다 하나씩 {len(layer_sizes) - 1}개여야 한다: {len(weights)}개")
    for k, w in enumerate(weights):
        expected = (layer_sizes[k], layer_sizes[k + 1])
        if w.shape != expected:
            raise ValueError(f"{k + 1}번째 가중치 행렬의 모양은 {expected}여야 한다: {w.shape}")
    return weights


def draw_network(layer_sizes: Sequence[int], *, weights=None, biases=None, show_values: bool = True,
                 layer_names: Sequence[str] | None = None, node_labels: Sequence[Sequence[str]] | None = None,
                 ax=None, title: str | None = None, radius: float = 0.22):
    """뉴런과 연결을 그리고 축(ax)을 돌려준다.

    - ``weights``: 층 사이의 가중치 행렬 목록, ``weights[k]``의 모양은 ``(layer_sizes[k], layer_sizes[k+1])``.
      양수는 파랑, 음수는 빨강, 굵기는 절댓값에 비례한다. ``show_values``면 선 위에 값을 적는다.
    - ``biases``: 층 사이마다 편향 벡터(길이 ``layer_sizes[k+1]``); 주면 뉴런 아래에 ``b=…``로 적는다.
    - ``layer_names``: 층 이름 (기본: 입력층, 은닉층 1, …, 출력층).
    - ``node_labels``: 층마다 뉴런 안에 적을 글자 목록.
    """
    import matplotlib.pyplot as plt

    from dlbook.plotting import use_korean_font

    use_korean_font()
    sizes = [int(n) for n in layer_sizes]
    positions = layer_positions(sizes)
    weights = _check_weights(sizes, weights)
    names = list(layer_names) if layer_names is not None else (
        ["입력층"] + [f"은닉층 {k}" for k in range(1, len(sizes) - 1)] + ["출력층"])
    if len(names) != len(sizes):
        raise ValueError(f"층 이름은 {len(sizes)}개여야 한다: {len(names)}개")
    x_max = positions[-1][0, 0]
    y_top = max(float(p[:, 1].max()) for p in positions)
    if ax is None:
        _, ax = plt.subplots(figsize=(1.5 + 2.2 * (len(sizes) - 1), 1.6 + 1.1 * max(sizes)))
    largest = max(float(np.max(np.abs(w))) for w in weights) if weights else 1.0
    largest = largest or 1.0
    for k in range(len(sizes) - 1):
        for i, (x0, y0) in enumerate(positions[k]):
            for j, (x1, y1) in enumerate(positions[k + 1]):
                if weights is None:
                    color, lw = "0.55", 1.0
                else:
                    value = weights[k][i, j]
                    color = "tab:blue" if value >= 0 else "tab:red"
                    lw = 0.8 + 2.6 * abs(value) / largest
                ax.plot([x0, x1], [y0, y1], color=color, linewidth=lw, zorder=1)
                if weights is not None and show_values:
                    # 같은 뉴런에서 나가는 선들의 값이 겹치지 않게, 도착 뉴런마다 선 위의 위치를 조금씩 바꾼다
                    t = 0.3 + 0.4 * j / max(sizes[k + 1] - 1, 1) if sizes[k + 1] > 1 else 0.5
                    xm, ym = x0 + t * (x1 - x0), y0 + t * (y1 - y0)
                    ax.text(xm, ym, f"{weights[k][i, j]:.3g}", fontsize=9, ha="center", va="center",
                            bbox=dict(boxstyle="round,pad=0.15", fc="white", ec="none", alpha=0.9), zorder=3)
    for k, pts in enumerate(positions):
        face = "#dbe9f6" if k == 0 else ("#fde2c8" if k == len(sizes) - 1 else "#e2f0d9")
        for i, (x, y) in enumerate(pts):
            ax.add_patch(plt.Circle((x, y), radius, facecolor=face, edgecolor="k", linewidth=1.0, zorder=2))
            if node_labels is not None:
                ax.text(x, y, str(node_labels[k][i]), ha="center", va="center", fontsize=9, zorder=4)
            if biases is not None and k > 0:
                ax.text(x, y - radius - 0.06, f"b={float(np.asarray(biases[k - 1])[i]):.3g}", ha="center",
                        va="top", fontsize=9, color="0.25", zorder=4)
        ax.text(pts[0, 0], y_top + radius + 0.3, names[k], ha="center", va="bottom", fontsize=10)
    ax.set_xlim(-0.6, x_max + 0.6)
    ax.set_ylim(-y_top - radius - 0.5, y_top + radius + 0.75)
    ax.set_aspect("equal")
    ax.axis("off")
    if title:
        ax.set_title(title)
    return ax
