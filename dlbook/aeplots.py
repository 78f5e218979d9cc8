"""오토인코더 장(7장)의 그림 도우미.

오토인코더 자체는 노트북에 있다 (가르치려는 내용이므로). 여기에는 결과를 보는 그림만 둔다.

- :func:`plot_image_rows`: 같은 이미지들의 여러 판(원본, 잡음, 복원 …)을 한 줄씩 쌓아 비교한다 (7-2, 7-3, 7-6절).
- :func:`plot_latent`: 2차원 코드(잠재 변수)를 정답 숫자별 색으로 찍는다 (7-2, 7-8절).
- :func:`image_mosaic`: 이미지 묶음 ``(rows*cols, h, w)``를 한 장의 모자이크로 붙인다 (7-8절의 생성 격자).
"""
from __future__ import annotations

import numpy as np

__all__ = ["image_mosaic", "plot_image_rows", "plot_latent"]


def plot_image_rows(rows: dict, n: int = 8, *, image_shape: tuple[int, int] = (28, 28), title: str | None = None,
                    figsize_per_image: float = 1.0):
    """``rows``의 {이름: 이미지 배열}을 한 줄씩 그린다. 줄마다 앞의 ``n``장을 보여 주고 그림(Figure)을 돌려준다.

    배열은 ``(개수, 높이, 너비)``, ``(개수, 높이, 너비, 1)``, ``(개수, 높이*너비)`` 중 무엇이든 된다.
    """
    import matplotlib.pyplot as plt

    if not rows:
        raise ValueError("그릴 줄이 없다 (rows is empty)")
    fig, axes = plt.subplots(len(rows), n, figsize=(figsize_per_image * n, figsize_per_image * len(rows) + 0.3),
                             squeeze=False)
    for r, (name, images) in enumerate(rows.items()):
        images = np.asarray(images)
        if len(images) < n:
            raise ValueError(f"'{name}' 줄의 이미지가 {len(images)}장이라 {n}장을 그릴 수 없다")
        for c in range(n):
            ax = axes[r, c]
            ax.imshow(images[c].reshape(image_shape), cmap="gray", vmin=0.0, vmax=1.0)
            ax.set_xticks([])
            ax.set_yticks([])
        axes[r, 0].set_ylabel(name, rotation=0, ha="right", va="center")
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_latent(codes, labels, *, ax=None, title: str | None = None, s: float = 4.0, colorbar: bool = True):
    """2차원 코드 ``codes`` (``(개수, 2)``)를 정수 ``labels``(예: 숫자 0~9)의 색으로 찍고 축(Axes)을 돌려준다."""
    import matplotlib.pyplot as plt

    codes = np.asarray(codes)
    if codes.ndim != 2 or codes.shape[1] != 2:
        raise ValueError(f"코드는 (개수, 2) 모양이어야 한다: {codes.shape}")
    if ax is None:
        _, ax = plt.subplots(figsize=(5, 4.5))
    points = ax.scatter(codes[:, 0], codes[:, 1], c=np.asarray(labels), cmap="tab10", s=s, vmin=-0.5, vmax=9.5)
    if colorbar:
        ax.figure.colorbar(points, ax=ax, ticks=range(10), label="숫자")
    ax.set_xlabel("코드 1")
    ax.set_ylabel("코드 2")
    if title:
        ax.set_title(title)
    return ax


def image_mosaic(images, rows: int, cols: int, *, image_shape: tuple[int, int] = (28, 28)) -> np.ndarray:
    """이미지 ``rows*cols``장을 행 우선 순서로 이어 붙인 ``(rows*h, cols*w)`` 배열."""
    images = np.asarray(images)
    h, w = image_shape
    if len(images) != rows * cols:
        raise ValueError(f"이미지가 {len(images)}장이다: {rows}×{cols} = {rows * cols}장이어야 한다")
    grid = images.reshape(rows, cols, h, w)
    return grid.transpose(0, 2, 1, 3).reshape(rows * h, cols * w)
