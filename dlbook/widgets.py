"""1장의 두 위젯: 옵티마이저 탐색기(1-9절)와 CPU·GPU 행렬 곱 속도 비교(1-5절).

계산(``dlbook.optim``, ``dlbook.device``)과 그림(이 모듈의 ``*_figure`` 함수)을 나눈다.
위젯 함수는 환경에 따라 두 가지로 보인다.

- JupyterLab: ipywidgets로 값을 바꾸면 바로 다시 그리는 살아 있는 위젯.
- 책 웹페이지(환경 변수 ``DLBOOK_STATIC=1``): ipywidget 없이, 미리 계산한 프레임을 plotly
  슬라이더로 넘겨 보는 정적 그림만 (plotly.js는 책 페이지가 로컬 파일로 싣는다).
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from dlbook.display import is_static, plotly_mimebundle, show_plotly
from dlbook.optim import DEFAULT_BETA, OPTIMIZER_TITLES, OPTIMIZERS, trajectory
from dlbook.surfaces import SURFACES, Surface, get_surface

__all__ = [
    "DEFAULT_OPTIMIZERS",
    "device_timing",
    "device_timing_figure",
    "explorer_data",
    "explorer_figure",
    "explorer_static_figure",
    "measure_devices",
    "optimizer_explorer",
]

DEFAULT_OPTIMIZERS: tuple[str, ...] = ("sgd", "momentum", "adam")
"""탐색기가 처음에 고르는 옵티마이저 세 개."""

DEFAULT_STEPS = 200
MAX_STEPS = 300
DEFAULT_SIZES: tuple[int, ...] = (128, 256, 512, 1024, 2048)
"""속도 비교의 행렬 크기 N."""

NO_GPU_MESSAGE = ("이 컴퓨터에는 GPU가 없어 CPU 결과만 보여 준다. "
                  "NVIDIA GPU가 있는 컴퓨터(또는 Colab)에서 실행하면 GPU와 비교한 속도 향상도 볼 수 있다.")

_COLORS = {  # 옵티마이저마다 같은 색 (plotly 기본 색 목록)
    "sgd": "#636efa", "momentum": "#ef553b", "nag": "#00cc96", "adagrad": "#ab63fa",
    "rmsprop": "#ffa15a", "adadelta": "#19d3f3", "adam": "#ff6692",
}
_CONTOUR_SCALE = [[0.0, "#f7fbff"], [0.5, "#c6dbef"], [1.0, "#6baed6"]]
_GAP_FLOOR = 1e-12  # 로그 눈금에 0을 그릴 수 없어 "손실 − 최솟값"의 아래 한계로 쓴다
_PATH_FIRST = 3     # 그림의 trace 순서: 등고선, 시작점, 최솟점, 경로 k개, 손실 곡선 k개


# ------------------------------------------------------------------------------------
# 계산
# ------------------------------------------------------------------------------------
def _check_optimizers(optimizers: Sequence[str] | None) -> list[str]:
    names = list(DEFAULT_OPTIMIZERS if optimizers is None else optimizers)
    for name in names:
        if name not in OPTIMIZERS:
            raise ValueError(f"알 수 없는 옵티마이저 {name!r}: {', '.join(OPTIMIZERS)} 중에서 고르세요 "
                             f"(unknown optimizer)")
    return names


def explorer_data(surface: str | Surface, optimizers: Sequence[str] | None = None,
                  learning_rate: float | None = None, beta: float | None = None,
                  steps: int = DEFAULT_STEPS) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """옵티마이저마다 ``(points[steps+1, 2], losses[steps+1])``. 1-9절에서 소개.

    ``beta``는 모멘텀·NAG의 momentum과 Adam의 β₁에 쓰인다 (``None``이면 0.9).
    """
    surf = get_surface(surface)
    lr = surf.learning_rate if learning_rate is None else learning_rate
    return {name: trajectory(surf, name, surf.start, steps, lr, beta)
            for name in _check_optimizers(optimizers)}


@lru_cache(maxsize=16)
def _contour(key: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    surf = SURFACES[key]
    xs, ys, z = surf.grid(80)
    # 로젠브록처럼 값의 폭이 큰 곡면도 등고선이 고루 보이도록 log(1 + f − f*)를 그린다.
    return xs.astype(np.float32), ys.astype(np.float32), np.log1p(z - z.min()).astype(np.float32)


def _loss_gap(surf: Surface, losses: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore"):
        return np.maximum(losses - surf.min_value, _GAP_FLOOR).astype(np.float32)


# ------------------------------------------------------------------------------------
# 그림
# ------------------------------------------------------------------------------------
def _beta_text(names: Sequence[str], beta: float | None) -> str:
    if not any(n in DEFAULT_BETA for n in names):
        return ""
    return f", β = {0.9 if beta is None else beta:g}"


def _path_traces(surf: Surface, data: dict[str, tuple[np.ndarray, np.ndarray]]) -> list[dict]:
    """경로 trace k개와 손실 곡선 trace k개 (plotly dict)."""
    paths, curves = [], []
    for name, (points, losses) in data.items():
        title = OPTIMIZER_TITLES[name]
        color = _COLORS[name]
        diverged = bool(np.isnan(losses[-1]))
        label = title + (" (발산)" if diverged else "")
        paths.append(dict(
            type="scatter", x=points[:, 0].astype(np.float32), y=points[:, 1].astype(np.float32),
            mode="lines+markers", name=label, legendgroup=name, xaxis="x", yaxis="y",
            line=dict(color=color, width=2), marker=dict(color=color, size=3),
            hovertemplate=f"{title}<br>x=%{{x:.3f}}, y=%{{y:.3f}}<extra></extra>",
        ))
        curves.append(dict(
            type="scatter", y=_loss_gap(surf, losses), mode="lines", name=label,
            legendgroup=name, showlegend=False, xaxis="x2", yaxis="y2",
            line=dict(color=color, width=2),
            hovertemplate=f"{title}<br>%{{x}}번째 갱신: %{{y:.3g}}<extra></extra>",
        ))
    return paths + curves


def _gap_range(surf: Surface) -> list[float]:
    """손실 축(로그 눈금)의 범위 [10^-12.5, 시작점 손실의 약 30배].

    모든 그림·프레임에서 같게 해 슬라이더를 움직여도 축이 흔들리지 않게 하고, 발산하는 곡선은
    위로 벗어나게 둔다 (범례에 "(발산)"이 붙는다).
    """
    start_gap = float(surf.value(np.float64(surf.start[0]), np.float64(surf.start[1]))) - surf.min_value
    return [-12.5, float(np.log10(max(start_gap, 1e-6))) + 1.5]


def _base_figure(surf: Surface, traces: list[dict], title: str, gap_range: list[float]) -> Any:
    import plotly.graph_objects as go
    import plotly.io as pio

    xs, ys, z = _contour(surf.key)
    background = [
        dict(type="contour", x=xs, y=ys, z=z, colorscale=_CONTOUR_SCALE, ncontours=25,
             showscale=False, hoverinfo="skip", line=dict(width=0.5, color="#9ecae1"),
             xaxis="x", yaxis="y", name="등고선"),
        dict(type="scatter", x=[surf.start[0]], y=[surf.start[1]], mode="markers", name="시작점",
             marker=dict(symbol="circle-open", size=12, color="black", line=dict(width=2)),
             xaxis="x", yaxis="y", hovertemplate="시작점 (%{x}, %{y})<extra></extra>"),
        dict(type="scatter", x=[surf.minimum[0]], y=[surf.minimum[1]], mode="markers", name="최솟점",
             marker=dict(symbol="star", size=14, color="gold", line=dict(width=1, color="black")),
             xaxis="x", yaxis="y", hovertemplate="최솟점 (%{x:.3f}, %{y:.3f})<extra></extra>"),
    ]
    layout = dict(
        title=dict(text=title, x=0.5, xanchor="center"),
        height=500,
        margin=dict(l=60, r=20, t=80, b=60),
        template=pio.templates["plotly_white"],
        xaxis=dict(domain=[0.0, 0.5], range=list(surf.x_range), title=dict(text="x"), anchor="y",
                   showgrid=False, zeroline=False),
        yaxis=dict(range=list(surf.y_range), title=dict(text="y"), anchor="x", showgrid=False,
                   zeroline=False),
        xaxis2=dict(domain=[0.66, 1.0], title=dict(text="갱신 횟수 (step)"), anchor="y2"),
        # automargin: 축 제목을 눈금 글자(10^-12처럼 넓다) 바깥에 둔다. 없으면 제목이 눈금 글자와 겹친다.
        yaxis2=dict(type="log", range=gap_range, title=dict(text="손실 − 최솟값 (로그 눈금)", standoff=8),
                    anchor="x2", exponentformat="power", automargin=True),
        annotations=[
            dict(text="손실 곡면 위의 이동 경로", x=0.25, y=1.0, xref="paper", yref="paper",
                 xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=14)),
            dict(text="손실의 변화", x=0.83, y=1.0, xref="paper", yref="paper",
                 xanchor="center", yanchor="bottom", showarrow=False, font=dict(size=14)),
        ],
        legend=dict(orientation="h", x=0.5, xanchor="center", y=-0.14, yanchor="top"),
    )
    # 검증(_validate)을 끄면 그림 만들기가 10배쯤 빨라진다 (위젯을 움직일 때마다 다시 그리므로).
    # 올바른 그림인지는 tests/dlbook/test_widgets.py가 검증을 켜고 다시 만들어 확인한다.
    return go.Figure(data=background + traces, layout=layout, _validate=False)


def explorer_figure(surface: str | Surface = "valley", optimizers: Sequence[str] | None = None,
                    learning_rate: float | None = None, beta: float | None = None,
                    steps: int = DEFAULT_STEPS) -> Any:
    """옵티마이저 탐색기의 그림 한 장 (plotly ``Figure``). 1-9절에서 소개.

    왼쪽은 손실 곡면의 등고선과 옵티마이저마다의 이동 경로, 오른쪽은 갱신 횟수에 따른
    ``손실 − 최솟값``(로그 눈금)이다.

    Args:
        surface: ``"bowl"``, ``"valley"``, ``"rosenbrock"``, ``"saddle"`` 또는 ``Surface``.
        optimizers: ``OPTIMIZERS``에서 고른 이름들 (``None``이면 SGD, 모멘텀, Adam).
        learning_rate: 학습률 (``None``이면 곡면의 기본값).
        beta: 모멘텀·NAG의 momentum, Adam의 β₁ (``None``이면 0.9).
        steps: 갱신 횟수.
    """
    surf = get_surface(surface)
    lr = surf.learning_rate if learning_rate is None else learning_rate
    data = explorer_data(surf, optimizers, lr, beta, steps)
    title = f"{surf.title}: 옵티마이저 비교 (학습률 {lr:.3g}{_beta_text(list(data), beta)}, {steps}번 갱신)"
    return _base_figure(surf, _path_traces(surf, data), title, _gap_range(surf))


def explorer_static_figure(surface: str | Surface = "valley", learning_rates: Sequence[float] | None = None,
                           optimizers: Sequence[str] | None = None, beta: float | None = None,
                           steps: int = DEFAULT_STEPS) -> Any:
    """책 웹페이지용 정적 탐색기: 학습률 슬라이더로 넘겨 보는 프레임이 든 plotly ``Figure``. 1-9절에서 소개.

    Args:
        surface: 손실 곡면.
        learning_rates: 슬라이더의 학습률들 (``None``이면 곡면에 정해 둔 8개).
        optimizers: 그릴 옵티마이저 (``None``이면 일곱 개 모두).
        beta: 모멘텀·NAG의 momentum, Adam의 β₁ (``None``이면 0.9).
        steps: 갱신 횟수.
    """
    surf = get_surface(surface)
    rates = list(surf.learning_rates if learning_rates is None else learning_rates)
    names = _check_optimizers(OPTIMIZERS if optimizers is None else optimizers)
    datas = [explorer_data(surf, names, lr, beta, steps) for lr in rates]
    active = rates.index(surf.learning_rate) if surf.learning_rate in rates else 0
    title = f"{surf.title}: 옵티마이저 비교 ({steps}번 갱신{_beta_text(names, beta)})"
    fig = _base_figure(surf, _path_traces(surf, datas[active]), title, _gap_range(surf))
    trace_ids = list(range(_PATH_FIRST, _PATH_FIRST + 2 * len(names)))
    frame_names = [f"lr={lr:g}" for lr in rates]
    fig.frames = [dict(name=fname, data=_path_traces(surf, data), traces=trace_ids)
                  for fname, data in zip(frame_names, datas)]
    animate = dict(mode="immediate", frame=dict(duration=0, redraw=True), transition=dict(duration=0))
    fig.update_layout(
        height=600,
        sliders=[dict(
            # 범례가 두 줄이 되어도 겹치지 않게 범례(-0.14) 아래로 충분히 내린다
            active=active, x=0.0, len=1.0, y=-0.32, yanchor="top", pad=dict(t=10),
            currentvalue=dict(prefix="학습률 α = ", font=dict(size=14)),
            steps=[dict(label=f"{lr:g}", method="animate", args=[[fname], animate])
                   for lr, fname in zip(rates, frame_names)],
        )],
        margin=dict(l=60, r=20, t=80, b=190),
    )
    return fig


def measure_devices(sizes: Sequence[int] = DEFAULT_SIZES, repeats: int = 5) -> list[dict[str, Any]]:
    """각 N에서 CPU와 (있으면) GPU의 행렬 곱 시간을 잰다 (``dlbook.device.time_matmul`` 결과 목록). 1-5절에서 소개."""
    from dlbook.device import CPU, GPU, gpu_devices, time_matmul

    devices = [CPU] + ([GPU] if gpu_devices() else [])
    return [time_matmul(int(n), device, repeats=repeats) for n in sizes for device in devices]


def _device_label(device: str) -> str:
    return "GPU" if "GPU" in device.upper() else "CPU"


def device_timing_figure(results: Sequence[dict[str, Any]]) -> Any:
    """행렬 곱 측정 결과를 그린다: 왼쪽 시간(ms, 로그 눈금), 오른쪽 GFLOP/s. 1-5절에서 소개.

    GPU 결과가 없으면 그림 아래에 GPU가 없다는 안내를 단다.
    """
    import plotly.graph_objects as go

    by_device: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        by_device.setdefault(_device_label(r["device"]), []).append(r)
    colors = {"CPU": "#636efa", "GPU": "#00cc96"}
    traces = []
    for label, rows in by_device.items():
        rows = sorted(rows, key=lambda r: r["n"])
        ns = [r["n"] for r in rows]
        traces.append(dict(
            type="scatter", x=ns, y=[r["median_ms"] for r in rows], mode="lines+markers", name=label,
            legendgroup=label, line=dict(color=colors[label]), xaxis="x", yaxis="y",
            hovertemplate=f"{label} N=%{{x}}: %{{y:.2f}} ms<extra></extra>"))
        traces.append(dict(
            type="bar", x=[str(n) for n in ns], y=[r["gflops"] for r in rows], name=label,
            legendgroup=label, showlegend=False, marker=dict(color=colors[label]), xaxis="x2", yaxis="y2",
            hovertemplate=f"{label} N=%{{x}}: %{{y:.1f}} GFLOP/s<extra></extra>"))
    title = "N×N 행렬 곱 (float32): 걸린 시간과 초당 연산량"
    if "GPU" in by_device and "CPU" in by_device:
        cpu = {r["n"]: r["median_ms"] for r in by_device["CPU"]}
        gpu = {r["n"]: r["median_ms"] for r in by_device["GPU"]}
        common = sorted(set(cpu) & set(gpu))
        if common:
            n = common[-1]
            title += f"<br><sub>N={n}에서 GPU가 CPU보다 {cpu[n] / gpu[n]:.1f}배 빠르다</sub>"
    annotations = [
        dict(text="걸린 시간 (중앙값)", x=0.22, y=1.0, xref="paper", yref="paper", xanchor="center",
             yanchor="bottom", showarrow=False, font=dict(size=14)),
        dict(text="초당 연산량 2N³/t", x=0.79, y=1.0, xref="paper", yref="paper", xanchor="center",
             yanchor="bottom", showarrow=False, font=dict(size=14)),
    ]
    if "GPU" not in by_device:
        annotations.append(dict(text=NO_GPU_MESSAGE.replace(". ", ".<br>", 1), x=0.5, y=-0.32,
                                xref="paper", yref="paper", xanchor="center", yanchor="top",
                                showarrow=False, font=dict(size=13, color="#b22222")))
    layout = dict(
        title=dict(text=title, x=0.5, xanchor="center", yref="container", y=0.97, yanchor="top"),
        height=480, template="plotly_white", barmode="group",
        margin=dict(l=60, r=20, t=110, b=130),
        xaxis=dict(domain=[0.0, 0.44], type="log", title=dict(text="행렬 크기 N"), anchor="y",
                   tickvals=sorted({r["n"] for r in results})),
        yaxis=dict(type="log", dtick=1, title=dict(text="시간 (ms, 로그 눈금)"), anchor="x"),
        xaxis2=dict(domain=[0.56, 1.0], type="category", title=dict(text="행렬 크기 N"), anchor="y2"),
        yaxis2=dict(title=dict(text="GFLOP/s"), anchor="x2"),
        annotations=annotations,
        legend=dict(orientation="h", x=0.5, xanchor="center", y=-0.18, yanchor="top"),
    )
    return go.Figure(data=traces, layout=layout)


# ------------------------------------------------------------------------------------
# 위젯
# ------------------------------------------------------------------------------------
def optimizer_explorer(surface: str | None = None, optimizers: Sequence[str] | None = None,
                       learning_rate: float | None = None, beta: float = 0.9,
                       steps: int = DEFAULT_STEPS) -> None:
    """옵티마이저 탐색기를 보인다. 1-9절에서 소개.

    JupyterLab에서는 곡면·옵티마이저·학습률·β·갱신 횟수를 고르는 위젯이다 (``surface``가
    ``None``이면 길쭉한 골짜기에서 시작). 책 웹페이지(``DLBOOK_STATIC=1``)에서는 ipywidget 없이
    학습률 슬라이더가 달린 정적 그림(일곱 옵티마이저 모두)을 보인다: ``surface``가 ``None``이면
    네 곡면 각각 한 장, 이름을 주면 그 곡면 한 장.
    """
    if is_static():
        keys = list(SURFACES) if surface is None else [get_surface(surface).key]
        for key in keys:
            show_plotly(explorer_static_figure(key, beta=beta, steps=steps))
        return
    from IPython.display import display

    display(_explorer_ui(surface or "valley", optimizers, learning_rate, beta, steps))


def _explorer_note(surf: Surface) -> str:
    return (f"<small>{surf.description} β는 모멘텀·NAG의 관성 계수와 Adam의 β₁에 쓰인다. "
            "Keras의 Adadelta는 갱신량에 학습률을 곱하므로 학습률이 작으면 거의 움직이지 않는다 "
            "(원 논문과 같게 하려면 학습률 1.0). "
            "Ctrl(⌘)을 누른 채 클릭하면 옵티마이저를 여러 개 고를 수 있다.</small>")


def _explorer_ui(surface: str, optimizers: Sequence[str] | None, learning_rate: float | None,
                 beta: float, steps: int) -> Any:
    """살아 있는 탐색기 위젯 트리 (VBox)."""
    import ipywidgets as widgets

    surf = get_surface(surface)
    style = {"description_width": "90px"}
    surface_w = widgets.Dropdown(options=[(s.title, k) for k, s in SURFACES.items()], value=surf.key,
                                 description="손실 곡면", style=style)
    optimizers_w = widgets.SelectMultiple(
        options=[(OPTIMIZER_TITLES[n], n) for n in OPTIMIZERS], value=tuple(_check_optimizers(optimizers)),
        rows=len(OPTIMIZERS), description="옵티마이저", style=style)
    lr_w = widgets.FloatLogSlider(value=surf.learning_rate if learning_rate is None else learning_rate,
                                  base=10, min=-4, max=0.5, step=0.05, description="학습률 α",
                                  readout_format=".4f", continuous_update=False, style=style)
    beta_w = widgets.FloatSlider(value=beta, min=0.0, max=0.99, step=0.01, description="모멘텀·β₁",
                                 continuous_update=False, style=style)
    steps_w = widgets.IntSlider(value=steps, min=10, max=MAX_STEPS, step=10, description="갱신 횟수",
                                continuous_update=False, style=style)
    note = widgets.HTML(_explorer_note(surf))
    out = widgets.Output()

    def redraw(_change: Any = None) -> None:
        names = list(optimizers_w.value) or list(DEFAULT_OPTIMIZERS[:1])
        fig = explorer_figure(surface_w.value, names, lr_w.value, beta_w.value, steps_w.value)
        # Output 위젯의 내용을 직접 바꾼다: `with out:` 출력 가로채기는 셀 실행 중에 부르면
        # nbclient(책·테스트의 노트북 실행기)가 가끔 셀이 끝나기를 하염없이 기다린다.
        out.outputs = ({"output_type": "display_data", "data": plotly_mimebundle(fig), "metadata": {}},)

    def on_surface(change: Any) -> None:
        new = SURFACES[change["new"]]
        note.value = _explorer_note(new)
        lr_w.unobserve(redraw, names="value")
        lr_w.value = new.learning_rate  # 곡면마다 알맞은 학습률에서 다시 시작
        lr_w.observe(redraw, names="value")
        redraw()

    surface_w.observe(on_surface, names="value")
    for w in (optimizers_w, lr_w, beta_w, steps_w):
        w.observe(redraw, names="value")
    redraw()
    controls = widgets.HBox([optimizers_w, widgets.VBox([surface_w, lr_w, beta_w, steps_w])])
    return widgets.VBox([controls, note, out])


def device_timing(sizes: Sequence[int] = DEFAULT_SIZES, repeats: int = 5) -> None:
    """CPU와 GPU의 행렬 곱 속도를 비교한다. 1-5절에서 소개.

    JupyterLab에서는 N을 고르는 슬라이더와 측정 결과 표(시간, GFLOP/s, 속도 향상)를 보이고,
    책 웹페이지(``DLBOOK_STATIC=1``)에서는 빌드할 때 ``sizes``의 각 N에서 잰 결과 그림만 보인다.
    GPU가 없으면 그렇다고 한국어로 알린다.
    """
    if is_static():
        show_plotly(device_timing_figure(measure_devices(sizes, repeats)))
        return
    from IPython.display import display

    display(_device_ui(sizes, repeats))


def _timing_table(results: Sequence[dict[str, Any]]) -> str:
    """측정 결과를 HTML 표로 만든다 (GPU가 없으면 안내 문장을 붙인다)."""
    rows = []
    cpu_ms = next((r["median_ms"] for r in results if _device_label(r["device"]) == "CPU"), None)
    for r in results:
        label = _device_label(r["device"])
        speedup = f"{cpu_ms / r['median_ms']:.1f}배" if label == "GPU" and cpu_ms else "—"
        rows.append(f"<tr><td>{label}</td><td>{r['n']}</td><td>{r['median_ms']:.2f}</td>"
                    f"<td>{r['gflops']:.1f}</td><td>{speedup}</td></tr>")
    html = ("<table><thead><tr><th>장치</th><th>N</th><th>시간 (ms, 중앙값)</th><th>GFLOP/s</th>"
            "<th>CPU 대비 속도 향상</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>")
    if not any(_device_label(r["device"]) == "GPU" for r in results):
        html += f"<p style='color:#b22222'>{NO_GPU_MESSAGE}</p>"
    return html


def _device_ui(sizes: Sequence[int], repeats: int) -> Any:
    """살아 있는 속도 비교 위젯 트리 (VBox)."""
    import ipywidgets as widgets

    from dlbook.device import CPU, GPU, gpu_devices, time_matmul

    options = sorted({int(n) for n in sizes})
    size_w = widgets.SelectionSlider(options=options, value=options[len(options) // 2],
                                     description="행렬 크기 N", continuous_update=False,
                                     style={"description_width": "90px"})
    button = widgets.Button(description="측정", icon="play", button_style="primary")
    result = widgets.HTML("<small>N을 고르면 잰다. 처음 몇 번(워밍업)은 버리고 "
                          f"{repeats}번 잰 시간의 중앙값을 쓴다.</small>")
    devices = [CPU] + ([GPU] if gpu_devices() else [])

    def measure(_change: Any = None) -> None:
        result.value = f"<small>N = {size_w.value} 재는 중…</small>"
        rows = [time_matmul(size_w.value, d, repeats=repeats) for d in devices]
        result.value = _timing_table(rows)

    size_w.observe(measure, names="value")
    button.on_click(measure)
    measure()
    return widgets.VBox([widgets.HBox([size_w, button]), result])
