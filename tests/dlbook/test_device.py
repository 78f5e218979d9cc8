"""dlbook.device: 행렬 곱 시간 재기."""
from __future__ import annotations

import pytest

from dlbook import device


def test_time_matmul_cpu():
    result = device.time_matmul(64, device.CPU, repeats=3, warmup=1)
    assert result["n"] == 64 and result["device"] == device.CPU
    assert len(result["times_ms"]) == 3 and all(t > 0 for t in result["times_ms"])
    assert min(result["times_ms"]) <= result["median_ms"] <= max(result["times_ms"])
    assert result["gflops"] == pytest.approx(2 * 64**3 / (result["median_ms"] * 1e-3) / 1e9)


def test_flops_formula():
    assert device.matmul_flops(1024) == 2 * 1024**3


def test_gpu_devices_is_list():
    gpus = device.gpu_devices()
    assert isinstance(gpus, list) and all(isinstance(name, str) for name in gpus)


@pytest.mark.parametrize("kwargs", [dict(n=0), dict(n=8, repeats=0), dict(n=8, warmup=-1)],
                         ids=["n-zero", "no-repeats", "negative-warmup"])
def test_bad_arguments(kwargs):
    with pytest.raises(ValueError, match="이상"):
        device.time_matmul(**kwargs)


def test_bigger_matmul_takes_longer():
    small = device.time_matmul(32, repeats=3)
    big = device.time_matmul(512, repeats=3)
    assert big["median_ms"] > small["median_ms"]
