"""자기 조직화 지도(SOM)와 경쟁 학습의 그림 도우미 (4-13 ~ 4-15절).

SOM 알고리즘 자체는 노트북에 있다 (가르치려는 내용이므로). 여기에는 그 결과를 보는 그림만 둔다.

- :func:`grid_coordinates`: ``rows × cols`` 격자의 뉴런 좌표 ``(rows*cols, 2)`` (행 우선 순서).
- :func:`plot_som_lattice`: 2차원 입력 공간에 원형(prototype)을 점으로 찍고, 격자에서 이웃한 뉴런끼리
  선으로 잇는다. 지도가 데이터 위에 어떻게 펼쳐졌는지 보인다.
- :func:`prototype_mosaic` / :func:`plot_prototype_images`: 원형이 이미지(예: 28×28 MNIST)일 때
  격자 모양 그대로 한 장의 모자이크로 이어 붙여 보여 준다.
"""
from __future__ import annotations

import numpy as np

__all__ = ["grid_coordinates", "plot_prototype_images", "plot_som_lattice", "prototype_mosaic"]


def grid_coordinates(rows: int, cols: int) -> np.ndarray:
    """뉴런 ``j``의 격자 좌표 ``(행, 열)``을 행 우선 순서(j = 행 × cols + 열)로 담은 ``(rows*cols, 2)`` 배열."""
    if rows < 1 or cols < 1:
        raise ValueError(f"격자 크기는 1 이상이어야 한다: {rows}×{cols}")
    r, c = np.divmod(np.arange(rows * cols), cols)
    return np.column_stack([r, c]).astype(float)


def _lattice_edges(rows: int, cols: int) -> list[tuple[int, int]]:
    edges = []
    for j in range(rows * cols):
        r, c = divmod(j, cols)
        if c + 1 < cols:
            edges.append((j, j + 1))
        if r + 1 < rows:
            edges.append((j, j + cols))
    return edges


def plot_som_lattice(weights, grid_shape: tuple[int, int], *, X=None, y=None, ax=None, title: str | None = None,
                     color: str = "k", label: str | None = "원형(prototype)"):
    """2차원 원형 ``weights`` (``(rows*cols, 2)``, 행 우선)를 격자 선으로 이어 그린다.

    ``X``를 주면 데이터를 옅게 깔고(``y``가 있으면 부류별 색), 그 위에 지도를 그린다.
    격자 선은 ``rows*(cols-1) + cols*(rows-1)``개다.
    """
    import matplotlib.pyplot as plt

    from dlbook.plotting import use_korean_font

    use_korean_font()
    rows, cols = grid_shape
    w = np.asarray(weights, dtype=float)
    if w.shape != (rows * cols, 2):
        raise ValueError(f"원형의 모양은 ({rows * cols}, 2)여야 한다: {w.shape}")
    if ax is None:
        _, ax = plt.subplots(figsize=(4.6, 4.2))
    if X is not None:
        X = np.asarray(X, dtype=float)
        if y is None:
            ax.scatter(X[:, 0], X[:, 1], s=6, color="0.7", label="데이터")
        else:
            cmap = plt.get_cmap("tab10")
            for c in np.unique(y):
                ax.scatter(*X[np.asarray(y) == c].T, s=6, color=cmap(int(c) % 10), alpha=0.35)
    for a, b in _lattice_edges(rows, cols):
        ax.plot(w[[a, b], 0], w[[a, b], 1], color=color, linewidth=0.9, zorder=2)
    ax.scatter(w[:, 0], w[:, 1], s=16, color=color, zorder=3, label=label)
    ax.set_xlabel("x₁")
    ax.set_ylabel("x₂")
    if title:
        ax.set_title(title)
    if label or (X is not None and y is None):
        ax.legend(loc="best", fontsize=8)
    return ax


def prototype_mosaic(weights, grid_shape: tuple[int, int], image_shape: tuple[int, int], pad: int = 1,
                     fill: float = 1.0) -> np.ndarray:
    """원형 이미지들을 격자 모양 그대로 이어 붙인 2차원 배열 (칸 사이는 ``pad`` 화소, 값 ``fill``)."""
    rows, cols = grid_shape
    h, w = image_shape
    protos = np.asarray(weights, dtype=float)
    if protos.shape != (rows * cols, h * w):
        raise ValueError(f"원형의 모양은 ({rows * cols}, {h * w})여야 한다: {protos.shape}")
    mosaic = np.full((rows * (h + pad) + pad, cols * (w + pad) + pad), fill, dtype=float)
    for j, proto in enumerate(protos):
        r, c = divmod(j, cols)
        top, left = pad + r * (h + pad), pad + c * (w + pad)
        mosaic[top:top + h, left:left + w] = proto.reshape(h, w)
    return mosaic


def plot_prototype_images(weights, grid_shape: tuple[int, int], image_shape: tuple[int, int] = (28, 28), *,
                          labels=None, ax=None, title: str | None = None, cmap: str = "gray_r"):
    """원형 이미지의 모자이크를 그린다. ``labels``(뉴런마다 하나)를 주면 칸의 왼쪽 위에 적는다."""
    import matplotlib.pyplot as plt

    from dlbook.plotting import use_korean_font

    use_korean_font()
    rows, cols = grid_shape
    h, w = image_shape
    protos = np.asarray(weights, dtype=float)
    lo, hi = float(protos.min()), float(protos.max())
    mosaic = prototype_mosaic(protos, grid_shape, image_shape, fill=lo)
    if ax is None:
        _, ax = plt.subplots(figsize=(0.55 * cols + 0.6, 0.55 * rows + 0.6))
    ax.imshow(mosaic, cmap=cmap, vmin=lo, vmax=hi if hi > lo else lo + 1)
    if labels is not None:
        labels = list(labels)
        if len(labels) != rows * cols:
            raise ValueError(f"이름표는 뉴런마다 하나씩 {rows * cols}개여야 한다: {len(labels)}개")
        for j, text in enumerate(labels):
            r, c = divmod(j, cols)
            ax.text(1 + c * (w + 1) + 1, 1 + r * (h + 1) + 1, str(text), color="tab:red", fontsize=7,
                    ha="left", va="top")
    ax.set_xticks([])
    ax.set_yticks([])
    if title:
        ax.set_title(title)
    return ax
