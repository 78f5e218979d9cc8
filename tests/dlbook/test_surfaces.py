"""dlbook.surfaces: 해석적 기울기와 최솟점이 맞는지 확인한다."""
from __future__ import annotations

import numpy as np
import pytest

from dlbook import surfaces
from dlbook.surfaces import SURFACES, get_surface

KEYS = list(SURFACES)


def test_required_surfaces_present():
    assert {"bowl", "valley", "rosenbrock", "saddle"} <= set(SURFACES)


@pytest.mark.parametrize("key", KEYS)
def test_gradient_matches_central_differences(key):
    surf = SURFACES[key]
    rng = np.random.default_rng(0)
    x = rng.uniform(*surf.x_range, size=50)
    y = rng.uniform(*surf.y_range, size=50)
    h = 1e-6
    gx, gy = surf.gradient(x, y)
    num_gx = (surf.value(x + h, y) - surf.value(x - h, y)) / (2 * h)
    num_gy = (surf.value(x, y + h) - surf.value(x, y - h)) / (2 * h)
    np.testing.assert_allclose(gx, num_gx, rtol=1e-5, atol=1e-4)
    np.testing.assert_allclose(gy, num_gy, rtol=1e-5, atol=1e-4)


@pytest.mark.parametrize("key", KEYS)
def test_minimum_is_stationary_and_lowest_on_grid(key):
    surf = SURFACES[key]
    gx, gy = surf.gradient(np.float64(surf.minimum[0]), np.float64(surf.minimum[1]))
    assert abs(gx) < 1e-9 and abs(gy) < 1e-9
    _, _, z = surf.grid(201)
    assert surf.min_value <= z.min() + 1e-12


@pytest.mark.parametrize("key", KEYS)
def test_metadata_is_consistent(key):
    surf = SURFACES[key]
    assert surf.key == key
    assert any("\uac00" <= ch <= "\ud7a3" for ch in surf.title), "한국어 이름"
    for (lo, hi), v in ((surf.x_range, surf.start[0]), (surf.y_range, surf.start[1]),
                        (surf.x_range, surf.minimum[0]), (surf.y_range, surf.minimum[1])):
        assert lo < v < hi
    assert len(surf.learning_rates) == 8 and list(surf.learning_rates) == sorted(surf.learning_rates)
    assert surf.learning_rate in surf.learning_rates


def test_grid_orientation():
    surf = SURFACES["valley"]
    xs, ys, z = surf.grid(11)
    assert z.shape == (11, 11)
    assert z[3, 7] == pytest.approx(surf.value(xs[7], ys[3]))


def test_saddle_surface_has_saddle_and_local_minimum():
    surf = SURFACES["saddle"]
    for point in (surfaces.SADDLE_POINT, surfaces.LOCAL_MINIMUM):
        gx, gy = surf.gradient(np.float64(point[0]), np.float64(point[1]))
        assert abs(gx) < 1e-9 and abs(gy) < 1e-9
    # 안장점: x 방향으로는 극대, y 방향으로는 극소
    sx, sy = surfaces.SADDLE_POINT
    f0 = surf.value(sx, sy)
    assert surf.value(sx + 0.1, sy) < f0 and surf.value(sx, sy + 0.1) > f0
    # 지역 최솟값은 전역 최솟값보다 높다
    assert surf.value(*surfaces.LOCAL_MINIMUM) > surf.min_value + 0.1


def test_get_surface_errors_in_korean():
    assert get_surface(SURFACES["bowl"]) is SURFACES["bowl"]
    with pytest.raises(ValueError, match="알 수 없는 손실 곡면"):
        get_surface("himmelblau")
