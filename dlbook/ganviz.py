"""GAN 장(8장)의 그림 도우미와 측정 도구.

GAN의 모델과 학습 단계는 노트북에 있다 (가르치려는 내용이므로). 여기에는 결과를 보고 재는 도구만 둔다.

- :func:`plot_density_snapshots`: 1차원 생성 표본의 히스토그램을 학습 단계별로 참 밀도와 겹쳐 그린다 (8-5, 8-6절).
- :func:`mode_coverage`: 2차원 혼합 분포의 모드 중심마다 생성 표본이 얼마나 모였는지 세어, 덮은 모드 수와
  모드 근처 표본 비율을 준다 (8-7, 8-9절).
- :func:`plot_mode_snapshots`: 2차원 생성 표본을 학습 단계별로 모드 중심과 함께 찍는다 (8-7, 8-9절).
"""
from __future__ import annotations

from typing import Callable

import numpy as np

__all__ = ["mode_coverage", "plot_density_snapshots", "plot_mode_snapshots"]


def _panel_axes(n: int, axes, size: tuple[float, float]):
    import matplotlib.pyplot as plt

    if n == 0:
        raise ValueError("그릴 단계가 없다 (snapshots is empty)")
    if axes is None:
        fig, axes = plt.subplots(1, n, figsize=(size[0] * n, size[1]), squeeze=False)
        axes = axes[0]
    axes = np.ravel(axes)
    if len(axes) < n:
        raise ValueError(f"축이 {len(axes)}개라 {n}개 단계를 그릴 수 없다")
    return axes[0].figure, axes


def plot_density_snapshots(snapshots: dict, pdf: Callable[[np.ndarray], np.ndarray], *,
                           x_range: tuple[float, float], bins: int = 50, axes=None, title: str | None = None,
                           discriminator: dict | None = None):
    """``snapshots``의 {이름(예: "500 단계"): 1차원 표본}을 패널 하나씩 히스토그램(밀도)으로 그리고
    참 밀도 ``pdf``를 선으로 겹친다. ``discriminator``에 같은 이름으로 함수 ``x -> D(x)``를 주면 오른쪽 축에
    판별자의 출력(0~1)도 점선으로 그린다. 그림(Figure)을 돌려준다."""
    fig, axes = _panel_axes(len(snapshots), axes, (3.2, 2.8))
    grid = np.linspace(x_range[0], x_range[1], 400)
    for ax, (name, samples) in zip(axes, snapshots.items()):
        samples = np.ravel(np.asarray(samples, dtype=float))
        ax.hist(np.clip(samples, *x_range), bins=bins, range=x_range, density=True, color="tab:orange",
                alpha=0.6, label="생성")
        ax.plot(grid, pdf(grid), color="tab:blue", lw=2, label="참 분포")
        if discriminator and name in discriminator:
            twin = ax.twinx()
            twin.plot(grid, np.ravel(discriminator[name](grid)), color="tab:green", ls="--", label="판별자 출력")
            twin.set_ylim(0.0, 1.0)
            twin.axhline(0.5, color="gray", lw=0.5)
        ax.set_xlim(*x_range)
        ax.set_title(str(name))
        ax.set_xlabel("x")
    axes[0].set_ylabel("밀도")
    axes[0].legend(loc="upper left", fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig


def mode_coverage(samples, centers, radius: float, *, min_share: float = 0.25) -> dict:
    """2차원 표본이 모드(중심 ``centers``, 모양 ``(K, 2)``)를 몇 개나 덮는지 센다.

    표본은 가장 가까운 중심에서 거리 ``radius`` 안에 있을 때 그 모드의 것으로 센다. 한 모드에 든 표본이
    공평한 몫(표본 수 / K)의 ``min_share`` 배 이상이면 그 모드를 '덮었다'고 본다.
    반환: ``{"modes": 덮은 모드 수, "counts": 모드별 표본 수 (K,), "quality": 어느 모드 근처에든 든 표본의 비율}``.
    """
    samples = np.asarray(samples, dtype=float)
    centers = np.asarray(centers, dtype=float)
    if samples.ndim != 2 or centers.ndim != 2 or samples.shape[1] != centers.shape[1]:
        raise ValueError(f"표본 {samples.shape}과 중심 {centers.shape}의 모양이 맞지 않는다")
    if len(samples) == 0:
        raise ValueError("표본이 없다")
    dist = np.linalg.norm(samples[:, None, :] - centers[None, :, :], axis=2)
    nearest, near = dist.argmin(axis=1), dist.min(axis=1) < radius
    counts = np.bincount(nearest[near], minlength=len(centers))
    covered = counts >= min_share * len(samples) / len(centers)
    return {"modes": int(covered.sum()), "counts": counts, "quality": float(near.mean())}


def plot_mode_snapshots(snapshots: dict, centers, *, lim: float = 3.0, axes=None, title: str | None = None,
                        real=None, s: float = 2.0):
    """``snapshots``의 {이름: 2차원 표본 (n, 2)}을 패널 하나씩 찍고 모드 중심을 빨간 ×로 표시한다.
    ``real``을 주면 참 표본을 옅은 회색으로 먼저 찍는다. 그림(Figure)을 돌려준다."""
    fig, axes = _panel_axes(len(snapshots), axes, (2.6, 2.6))
    centers = np.asarray(centers, dtype=float)
    for ax, (name, samples) in zip(axes, snapshots.items()):
        samples = np.asarray(samples, dtype=float)
        if real is not None:
            real_arr = np.asarray(real, dtype=float)
            ax.scatter(real_arr[:, 0], real_arr[:, 1], s=s, color="lightgray")
        ax.scatter(samples[:, 0], samples[:, 1], s=s, color="tab:orange", alpha=0.5)
        ax.scatter(centers[:, 0], centers[:, 1], marker="x", color="red", s=30)
        ax.set_xlim(-lim, lim)
        ax.set_ylim(-lim, lim)
        ax.set_aspect("equal")
        ax.set_xticks([])
        ax.set_yticks([])
        ax.set_title(str(name), fontsize=9)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig
