"""CPU와 GPU의 행렬 곱 속도 재기. 1-5절에서 소개.

N×N float32 행렬 곱 한 번은 곱셈과 덧셈을 합쳐 약 2N³번의 부동소수점 연산(FLOP)이다.
걸린 시간 t(초)로 나누면 초당 연산 수 2N³/t가 나오고, 10⁹로 나눈 값이 GFLOP/s다.
"""
from __future__ import annotations

import statistics
import time
from typing import Any

__all__ = ["gpu_devices", "matmul_flops", "time_matmul"]

CPU = "/CPU:0"
GPU = "/GPU:0"


def gpu_devices() -> list[str]:
    """TensorFlow가 보는 GPU 장치 이름 목록 (``tf.config.list_physical_devices("GPU")``). 없으면 빈 목록."""
    from dlbook._setup import quiet_tensorflow

    quiet_tensorflow()
    import tensorflow as tf

    return [d.name for d in tf.config.list_physical_devices("GPU")]


def matmul_flops(n: int) -> int:
    """N×N 행렬 두 개를 곱하는 데 드는 부동소수점 연산 수 2N³."""
    return 2 * n**3


def time_matmul(n: int, device: str = CPU, repeats: int = 5, warmup: int = 2,
                seed: int = 0) -> dict[str, Any]:
    """``device``에서 N×N float32 행렬 곱의 시간을 잰다. 1-5절에서 소개.

    행렬은 그 장치에 미리 만들어 두고, ``warmup``번 먼저 곱해(커널 준비, 캐시) 버린 뒤
    ``repeats``번 잰 시간의 중앙값을 쓴다. GPU 연산은 비동기라서 결과의 한 원소를 읽어
    계산이 끝날 때까지 기다린 시간까지 잰다.

    Returns:
        ``{"n", "device", "times_ms"(각 반복), "median_ms", "gflops"}``;
        ``gflops = 2N³ / 중앙값 / 10⁹``.
    """
    if n < 1 or repeats < 1 or warmup < 0:
        raise ValueError(f"n과 repeats는 1 이상, warmup은 0 이상이어야 합니다: n={n}, repeats={repeats}, "
                         f"warmup={warmup} (n, repeats must be >= 1, warmup >= 0)")
    from dlbook._setup import quiet_tensorflow

    quiet_tensorflow()
    import tensorflow as tf

    with tf.device(device):
        a = tf.random.stateless_uniform((n, n), seed=(seed, 1), dtype=tf.float32)
        b = tf.random.stateless_uniform((n, n), seed=(seed, 2), dtype=tf.float32)
        for _ in range(warmup):
            tf.linalg.matmul(a, b)[0, 0].numpy()
        times = []
        for _ in range(repeats):
            start = time.perf_counter()
            c = tf.linalg.matmul(a, b)
            c[0, 0].numpy()  # 계산이 끝날 때까지 기다린다
            times.append((time.perf_counter() - start) * 1e3)
    median_ms = statistics.median(times)
    return {
        "n": n,
        "device": device,
        "times_ms": times,
        "median_ms": median_ms,
        "gflops": matmul_flops(n) / (median_ms * 1e-3) / 1e9,
    }
