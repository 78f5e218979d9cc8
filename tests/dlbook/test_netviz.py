"""dlbook.netviz: 신경망 구조 그림 (4장)."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlbook.netviz import draw_network, layer_positions  # noqa: E402


def _glyph_warnings(records) -> list[str]:
    return [str(w.message) for w in records
            if "glyph" in str(w.message).lower() or "missing from font" in str(w.message).lower()]


def test_layer_positions_centre_each_layer():
    pos = layer_positions([2, 4, 1], layer_gap=2.0, unit_gap=1.0)
    assert [p.shape for p in pos] == [(2, 2), (4, 2), (1, 2)]
    assert np.allclose([p[0, 0] for p in pos], [0.0, 2.0, 4.0])
    # 뉴런은 위에서 아래로 1 간격, 층마다 y = 0을 중심으로
    assert np.allclose(pos[1][:, 1], [1.5, 0.5, -0.5, -1.5])
    assert np.allclose(pos[0][:, 1], [0.5, -0.5]) and np.isclose(pos[2][0, 1], 0.0)


def test_one_line_per_connection_coloured_by_sign():
    weights = [np.array([[20.0, -20.0], [20.0, -20.0]]), np.array([[20.0], [20.0]])]
    ax = draw_network([2, 2, 1], weights=weights, biases=[[-10, 30], [-30]],
                      node_labels=[["x₁", "x₂"], ["OR", "NAND"], ["AND"]], title="XOR을 푸는 망")
    lines = ax.get_lines()
    assert len(lines) == 2 * 2 + 2 * 1
    colours = [matplotlib.colors.to_hex(line.get_color()) for line in lines]
    assert colours.count(matplotlib.colors.to_hex("tab:red")) == 2
    texts = [t.get_text() for t in ax.texts]
    assert "-20" in texts and "b=30" in texts and "NAND" in texts
    plt.close(ax.figure)


def test_wrong_weight_shape_is_rejected():
    with pytest.raises(ValueError, match="모양"):
        draw_network([2, 3, 1], weights=[np.zeros((3, 2)), np.zeros((3, 1))])
    with pytest.raises(ValueError):
        layer_positions([3])


def test_hangul_labels_have_glyphs():
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        ax = draw_network([3, 4, 2], title="은닉층이 하나인 다층 퍼셉트론")
        ax.figure.canvas.draw()
        plt.close(ax.figure)
    assert _glyph_warnings(records) == []
