"""dlbook.som_plots: SOM 격자와 원형 이미지 그림 (4-13 ~ 4-15절)."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlbook.som_plots import grid_coordinates, plot_prototype_images, plot_som_lattice, prototype_mosaic  # noqa: E402


def test_grid_coordinates_are_row_major():
    grid = grid_coordinates(2, 3)
    assert grid.tolist() == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]]


def test_lattice_draws_one_line_per_grid_edge():
    rows, cols = 3, 4
    weights = grid_coordinates(rows, cols) * 0.5
    ax = plot_som_lattice(weights, (rows, cols), X=np.random.default_rng(0).normal(size=(20, 2)), title="격자")
    assert len(ax.get_lines()) == rows * (cols - 1) + cols * (rows - 1)
    # 선의 끝점은 격자에서 이웃한 원형들이다
    for line in ax.get_lines():
        xs, ys = line.get_data()
        assert np.isclose(abs(xs[1] - xs[0]) + abs(ys[1] - ys[0]), 0.5)
    plt.close(ax.figure)


def test_mosaic_places_each_prototype_in_its_cell():
    protos = np.arange(4)[:, None] * np.ones((4, 6))        # 뉴런 j의 이미지는 값 j로 가득
    mosaic = prototype_mosaic(protos, (2, 2), (2, 3), pad=1, fill=-1)
    assert mosaic.shape == (2 * 3 + 1, 2 * 4 + 1)
    assert (mosaic[1:3, 1:4] == 0).all() and (mosaic[1:3, 5:8] == 1).all()
    assert (mosaic[4:6, 1:4] == 2).all() and (mosaic[4:6, 5:8] == 3).all()
    assert (mosaic[0] == -1).all()


def test_shapes_are_checked():
    with pytest.raises(ValueError, match="모양"):
        plot_som_lattice(np.zeros((5, 2)), (2, 3))
    with pytest.raises(ValueError, match="모양"):
        prototype_mosaic(np.zeros((4, 10)), (2, 2), (3, 3))


def test_prototype_images_labels_and_glyphs():
    protos = np.random.default_rng(1).random((6, 28 * 28))
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        ax = plot_prototype_images(protos, (2, 3), labels=list("012345"), title="원형 이미지 (MNIST)")
        ax.figure.canvas.draw()
        assert [t.get_text() for t in ax.texts] == list("012345")
        plt.close(ax.figure)
    assert not [str(w.message) for w in records if "glyph" in str(w.message).lower()]
