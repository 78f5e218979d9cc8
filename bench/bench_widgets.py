"""위젯 벤치마크: 옵티마이저 탐색기를 다시 그리는 시간과 CPU 행렬 곱 GFLOP/s.

``bench/run.py``가 ``run()``을 불러 출력한다. 통과/실패는 없고 숫자만 낸다.
"""
from __future__ import annotations

import statistics
import time
from typing import Any

REDRAW_RUNS = 7
REDRAW_OPTIMIZERS = ("sgd", "momentum", "adam")
REDRAW_STEPS = 200
MATMUL_N = 1024


def _median_ms(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def run() -> dict[str, Any]:
    """벤치마크 결과 dict.

    - ``explorer_redraw_ms``: 옵티마이저 3개 × 200번 갱신의 계산과 plotly 그림 만들기 (중앙값, 곡면 4개 평균).
    - ``explorer_redraw_ms_by_surface``: 곡면별 중앙값.
    - ``explorer_redraw_with_json_ms``: 위 + JSON 출력 만들기(``plotly_mimebundle``), valley 곡면.
    - ``cpu_matmul_n``, ``cpu_matmul_ms``, ``cpu_matmul_gflops``: N×N float32 행렬 곱 (중앙값).
    - ``gpu_matmul_gflops``, ``gpu_speedup``: GPU가 있을 때만 숫자, 없으면 ``None``.
    """
    from dlbook.device import CPU, GPU, gpu_devices, time_matmul
    from dlbook.display import plotly_mimebundle
    from dlbook.surfaces import SURFACES
    from dlbook.widgets import explorer_figure

    explorer_figure("valley", REDRAW_OPTIMIZERS, None, 0.9, REDRAW_STEPS)  # 첫 호출(import, 캐시)은 빼고 잰다
    by_surface = {
        key: round(_median_ms(lambda k=key: explorer_figure(k, REDRAW_OPTIMIZERS, None, 0.9, REDRAW_STEPS),
                              REDRAW_RUNS), 1)
        for key in SURFACES
    }
    with_json = _median_ms(
        lambda: plotly_mimebundle(explorer_figure("valley", REDRAW_OPTIMIZERS, None, 0.9, REDRAW_STEPS)),
        REDRAW_RUNS)

    cpu = time_matmul(MATMUL_N, CPU, repeats=7)
    result: dict[str, Any] = {
        "explorer_redraw_ms": round(statistics.mean(by_surface.values()), 1),
        "explorer_redraw_ms_by_surface": by_surface,
        "explorer_redraw_with_json_ms": round(with_json, 1),
        "cpu_matmul_n": MATMUL_N,
        "cpu_matmul_ms": round(cpu["median_ms"], 2),
        "cpu_matmul_gflops": round(cpu["gflops"], 1),
        "gpu_matmul_gflops": None,
        "gpu_speedup": None,
    }
    if gpu_devices():
        gpu = time_matmul(MATMUL_N, GPU, repeats=7)
        result["gpu_matmul_gflops"] = round(gpu["gflops"], 1)
        result["gpu_speedup"] = round(cpu["median_ms"] / gpu["median_ms"], 1)
    return result


if __name__ == "__main__":
    import json

    print(json.dumps(run(), ensure_ascii=False, indent=2))
