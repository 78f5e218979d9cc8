"""dlbook.ganviz: GAN 장의 그림 도우미와 모드 세기 (8장)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlbook.ganviz import mode_coverage, plot_density_snapshots, plot_mode_snapshots  # noqa: E402
from dlbook.plotting import use_korean_font  # noqa: E402

use_korean_font()   # 그림의 한글 제목과 범례 (글꼴이 없으면 경고가 테스트를 실패시킨다)

RING = np.array([[np.cos(a), np.sin(a)] for a in np.linspace(0, 2 * np.pi, 4, endpoint=False)]) * 2.0


def test_mode_coverage_counts_samples_near_each_centre():
    rng = np.random.default_rng(0)
    samples = np.concatenate([RING[0] + 0.01 * rng.normal(size=(50, 2)),
                              RING[1] + 0.01 * rng.normal(size=(45, 2)),
                              RING[2] + 0.01 * rng.normal(size=(5, 2)),      # 몫(100/4=25)의 1/4=6.25보다 적다
                              np.full((100, 2), 10.0)])                     # 어느 모드에서도 멀다
    out = mode_coverage(samples, RING, radius=0.3)
    assert out["counts"].tolist() == [50, 45, 5, 0]
    # 공평한 몫은 200 / 4 = 50, 그 1/4은 12.5: 둘째까지만 덮었다
    assert out["modes"] == 2
    assert out["quality"] == pytest.approx(0.5)


def test_mode_coverage_all_modes_and_collapse():
    samples = np.repeat(RING, 10, axis=0)
    assert mode_coverage(samples, RING, radius=0.1)["modes"] == 4
    collapsed = np.repeat(RING[:1], 40, axis=0)
    out = mode_coverage(collapsed, RING, radius=0.1)
    assert out["modes"] == 1 and out["quality"] == 1.0


def test_mode_coverage_rejects_bad_shapes():
    with pytest.raises(ValueError):
        mode_coverage(np.zeros((5, 3)), RING, radius=0.1)
    with pytest.raises(ValueError):
        mode_coverage(np.zeros((0, 2)), RING, radius=0.1)


def test_density_snapshots_draw_one_panel_per_step_with_true_density():
    rng = np.random.default_rng(1)
    snaps = {"0 단계": rng.normal(size=200), "100 단계": rng.normal(1.0, 1.0, size=(200, 1))}
    fig = plot_density_snapshots(snaps, lambda x: np.exp(-x ** 2 / 2) / np.sqrt(2 * np.pi), x_range=(-4, 4),
                                 title="생성 분포", discriminator={"100 단계": lambda x: np.full_like(x, 0.5)})
    main = [ax for ax in fig.axes if ax.get_title()]
    assert [ax.get_title() for ax in main] == ["0 단계", "100 단계"]
    assert len(fig.axes) == 3                                   # 둘째 패널에 판별자용 쌍둥이 축
    assert len(main[0].lines) == 1 and len(main[0].patches) == 50
    plt.close(fig)
    with pytest.raises(ValueError):
        plot_density_snapshots({}, np.exp, x_range=(0, 1))


def test_mode_snapshots_scatter_samples_and_centres():
    fig = plot_mode_snapshots({"a": RING + 0.1, "b": RING}, RING, lim=3, real=RING, title="모드")
    assert len(fig.axes) == 2
    ax = fig.axes[0]
    assert len(ax.collections) == 3                              # 참 표본, 생성 표본, 중심
    assert np.allclose(ax.collections[1].get_offsets(), RING + 0.1)
    assert ax.get_xlim() == (-3, 3)
    plt.close(fig)
    _, axes = plt.subplots(1, 1)
    with pytest.raises(ValueError):
        plot_mode_snapshots({"a": RING, "b": RING}, RING, axes=np.array([axes]))
    plt.close("all")
