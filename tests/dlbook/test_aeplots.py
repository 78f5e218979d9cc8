"""dlbook.aeplots: 오토인코더 그림 도우미 (7장)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlbook.aeplots import image_mosaic, plot_image_rows, plot_latent  # noqa: E402


def test_image_rows_draws_one_axis_per_image_and_names_rows():
    rng = np.random.default_rng(0)
    fig = plot_image_rows({"original": rng.random((5, 784)), "recon": rng.random((5, 28, 28, 1))}, n=4, title="compare")
    axes = fig.axes
    assert len(axes) == 8
    assert axes[0].get_ylabel() == "original" and axes[4].get_ylabel() == "recon"
    assert axes[0].images[0].get_array().shape == (28, 28)
    plt.close(fig)


def test_image_rows_rejects_too_few_images():
    with pytest.raises(ValueError):
        plot_image_rows({"원본": np.zeros((2, 784))}, n=3)
    with pytest.raises(ValueError):
        plot_image_rows({})


def test_latent_scatter_uses_labels_as_colours():
    codes = np.array([[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]])
    ax = plot_latent(codes, [0, 5, 9], title="잠재 공간")
    offsets = ax.collections[0].get_offsets()
    assert np.allclose(offsets, codes)
    assert list(ax.collections[0].get_array()) == [0, 5, 9]
    assert ax.get_title() == "잠재 공간"
    plt.close(ax.figure)
    with pytest.raises(ValueError):
        plot_latent(np.zeros((3, 3)), [0, 1, 2])


def test_mosaic_places_images_row_major():
    images = np.stack([np.full((2, 3), k, dtype=float) for k in range(6)])
    mosaic = image_mosaic(images, 2, 3, image_shape=(2, 3))
    assert mosaic.shape == (4, 9)
    assert mosaic[0, 0] == 0 and mosaic[0, 3] == 1 and mosaic[0, 8] == 2 and mosaic[2, 0] == 3 and mosaic[3, 8] == 5
    with pytest.raises(ValueError):
        image_mosaic(images, 2, 2, image_shape=(2, 3))
