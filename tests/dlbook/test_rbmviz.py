"""dlbook.rbmviz: RBM 그래프와 가중치 필터 모자이크 (9-1, 9-7절)."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Circle, FancyArrowPatch  # noqa: E402

from dlbook.rbmviz import filter_mosaic, plot_rbm_graph  # noqa: E402


def test_rbm_graph_connects_only_across_layers():
    with warnings.catch_warnings():
        warnings.simplefilter("error")                   # 한글 글꼴이 없으면 경고가 난다
        ax = plot_rbm_graph(5, 3, title="RBM")
    assert len(ax.get_lines()) == 5 * 3
    circles = [p for p in ax.patches if isinstance(p, Circle)]
    assert len(circles) == 8
    # 선은 모두 가시층(y=0)과 은닉층(y=2)을 잇는다
    for line in ax.get_lines():
        assert sorted(line.get_ydata()) == [0.0, 2.0]
    assert not [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    plt.close(ax.figure)


def test_full_boltzmann_machine_adds_within_layer_edges():
    ax = plot_rbm_graph(4, 3, full=True)
    arcs = [p for p in ax.patches if isinstance(p, FancyArrowPatch)]
    assert len(arcs) == 4 * 3 // 2 + 3 * 2 // 2
    assert len(ax.get_lines()) == 12
    plt.close(ax.figure)


def test_rbm_graph_rejects_empty_layer():
    with pytest.raises(ValueError):
        plot_rbm_graph(0, 2)


def test_filter_mosaic_scales_each_filter_and_places_columns():
    W = np.zeros((6, 3))
    W[:, 0] = np.arange(6)                  # 0..5 → 0..1
    W[:, 1] = -10.0 * np.arange(6)          # 뒤집힌 크기
    W[:, 2] = 7.0                           # 상수 필터 → 0.5
    mosaic = filter_mosaic(W, (1, 3), (2, 3), pad=1)
    assert mosaic.shape == (2 + 2, 3 * 4 + 1)
    assert np.allclose(mosaic[1:3, 1:4], np.arange(6).reshape(2, 3) / 5)
    assert np.allclose(mosaic[1:3, 5:8], 1 - np.arange(6).reshape(2, 3) / 5)
    assert np.allclose(mosaic[1:3, 9:12], 0.5)
    assert (mosaic[0] == 1).all()


@pytest.mark.parametrize("shape, grid", [((10, 4), (2, 2)), ((6, 3), (2, 2))], ids=["wrong-pixels", "too-few-units"])
def test_filter_mosaic_rejects_bad_shapes(shape, grid):
    with pytest.raises(ValueError):
        filter_mosaic(np.ones(shape), grid, (2, 3))
