"""dlbook.widgets와 dlbook.display: 그림 만들기, 정적 모드, 살아 있는 위젯."""
from __future__ import annotations

import base64
import json
import re

import numpy as np
import plotly.graph_objects as go
import pytest

from dlbook import display as dl_display
from dlbook import widgets
from dlbook.optim import OPTIMIZER_TITLES, OPTIMIZERS
from dlbook.surfaces import SURFACES

HANGUL = re.compile("[\uac00-\ud7a3]")


def _validated(fig) -> go.Figure:
    """검증을 켜고 다시 만든다: plotly가 모르는 속성이 있으면 여기서 오류가 난다."""
    validated = go.Figure(fig.to_dict())
    json.loads(validated.to_json())  # JSON으로 바뀌는지도 확인한다
    return validated


def _arr(value) -> np.ndarray:
    """trace의 배열 값: plotly 7은 검증할 때 NumPy 배열을 base64 typed array({"dtype", "bdata"})로 바꾼다."""
    if isinstance(value, dict) and "bdata" in value:
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
    return np.asarray(value, dtype=float)


def _no_network_reference(html: str) -> None:
    # base64 그림 데이터 안에 우연히 "cdn" 같은 글자가 있을 수 있으므로 주소 꼴로 찾는다.
    lowered = html.lower()
    for banned in ("cdn.", "//cdn", "https:", "http:", "require(", "requirejs", "plotly.min.js", "<script src"):
        assert banned not in lowered, banned


@pytest.fixture
def captured(monkeypatch):
    """IPython.display.display가 받은 객체들을 모은다."""
    calls: list = []
    import IPython.display

    def fake_display(*objs, **kwargs):
        calls.extend((obj, kwargs) for obj in objs)

    monkeypatch.setattr(IPython.display, "display", fake_display)
    return calls


def _is_widget(obj) -> bool:
    import ipywidgets
    return isinstance(obj, ipywidgets.Widget)


@pytest.mark.parametrize("surface", list(SURFACES))
def test_explorer_figure_traces(surface):
    fig = widgets.explorer_figure(surface, ["sgd", "momentum", "adam"], None, 0.9, 200)
    validated = _validated(fig)
    types = [t.type for t in validated.data]
    assert types[0] == "contour"
    paths = validated.data[3:6]
    curves = validated.data[6:9]
    assert len(validated.data) == 9
    for name, path in zip(["sgd", "momentum", "adam"], paths):
        assert path.name.startswith(OPTIMIZER_TITLES[name])
    for path, curve in zip(paths, curves):
        assert len(_arr(path.x)) == 201 and len(_arr(curve.y)) == 201
        assert path.xaxis == "x" and curve.xaxis == "x2"
    assert HANGUL.search(validated.layout.title.text)
    assert SURFACES[surface].title in validated.layout.title.text
    assert HANGUL.search(validated.layout.xaxis2.title.text) and HANGUL.search(validated.layout.yaxis2.title.text)
    assert validated.layout.yaxis2.type == "log"
    assert {a.text for a in validated.layout.annotations} >= {"손실 곡면 위의 이동 경로", "손실의 변화"}


def test_explorer_figure_paths_are_the_optimizer_trajectories():
    from dlbook.optim import trajectory
    fig = widgets.explorer_figure("valley", ["adam"], 0.3, 0.8, 50)
    points, _ = trajectory("valley", "adam", None, 50, 0.3, 0.8)
    np.testing.assert_allclose(np.asarray(fig.data[3].x, dtype=float), points[:, 0], rtol=1e-6)


def test_explorer_marks_divergence():
    fig = widgets.explorer_figure("rosenbrock", ["sgd"], 0.1, None, 100)
    assert fig.data[3].name.endswith("(발산)")


def test_static_figure_has_one_frame_per_learning_rate():
    surf = SURFACES["bowl"]
    fig = _validated(widgets.explorer_static_figure("bowl", steps=100))
    assert len(fig.frames) == len(surf.learning_rates) == 8
    slider = fig.layout.sliders[0]
    assert len(slider.steps) == 8
    assert [s.args[0][0] for s in slider.steps] == [f.name for f in fig.frames]
    assert all(s.method == "animate" for s in slider.steps)
    assert HANGUL.search(slider.currentvalue.prefix)
    assert slider.active == surf.learning_rates.index(surf.learning_rate)
    n = len(OPTIMIZERS)
    assert len(fig.data) == 3 + 2 * n
    for frame in fig.frames:
        assert len(frame.data) == 2 * n and list(frame.traces) == list(range(3, 3 + 2 * n))
    # 프레임마다 다른 경로: 학습률이 다르면 SGD의 마지막 점이 다르다
    last = {(float(_arr(f.data[0].x)[-1]), float(_arr(f.data[0].y)[-1])) for f in fig.frames}
    assert len(last) > 1


def test_device_timing_figure_without_gpu_says_so():
    results = [dict(n=n, device="/CPU:0", median_ms=n / 100, gflops=2 * n**3 / (n / 100 * 1e-3) / 1e9,
                    times_ms=[n / 100]) for n in (128, 256)]
    fig = _validated(widgets.device_timing_figure(results))
    assert [t.type for t in fig.data] == ["scatter", "bar"]
    texts = " ".join(a.text for a in fig.layout.annotations)
    assert "GPU가 없어" in texts
    assert HANGUL.search(fig.layout.title.text)


def test_device_timing_figure_with_gpu_shows_speedup():
    results = []
    for n in (512, 1024):
        results.append(dict(n=n, device="/CPU:0", median_ms=10.0, gflops=1.0, times_ms=[10.0]))
        results.append(dict(n=n, device="/GPU:0", median_ms=2.0, gflops=5.0, times_ms=[2.0]))
    fig = _validated(widgets.device_timing_figure(results))
    assert len(fig.data) == 4
    assert "5.0배" in fig.layout.title.text
    assert "GPU가 없어" not in " ".join(a.text for a in fig.layout.annotations)


def test_mimebundle_has_both_formats_and_no_cdn():
    fig = widgets.explorer_figure("saddle", ["sgd"], None, None, 20)
    bundle = dl_display.plotly_mimebundle(fig)
    assert set(bundle) == {"application/vnd.plotly.v1+json", "text/html"}
    assert bundle["application/vnd.plotly.v1+json"]["data"][0]["type"] == "contour"
    html = bundle["text/html"]
    assert "window.Plotly.newPlot" in html and 'addEventListener("load"' in html
    _no_network_reference(html)
    # plotly.js 자체는 들어 있지 않다 (그림 JSON만)
    assert len(html) < 200_000


def test_div_ids_are_deterministic_and_unique(monkeypatch):
    monkeypatch.setattr(dl_display, "_seen_ids", {})
    fig = widgets.explorer_figure("bowl", ["sgd"], None, None, 10)
    first = re.search(r'id="([^"]+)"', dl_display.plotly_mimebundle(fig)["text/html"]).group(1)
    second = re.search(r'id="([^"]+)"', dl_display.plotly_mimebundle(fig)["text/html"]).group(1)
    assert first != second and second.startswith(first)
    monkeypatch.setattr(dl_display, "_seen_ids", {})
    again = re.search(r'id="([^"]+)"', dl_display.plotly_mimebundle(fig)["text/html"]).group(1)
    assert again == first


def test_script_cannot_be_closed_by_figure_text():
    fig = go.Figure(layout=dict(title=dict(text="</script><b>x</b>")))
    html = dl_display.plotly_mimebundle(fig)["text/html"]
    assert html.count("</script>") == 1


def test_static_explorer_displays_only_plotly(monkeypatch, captured):
    monkeypatch.setenv("DLBOOK_STATIC", "1")
    widgets.optimizer_explorer("valley", steps=50)
    assert len(captured) == 1
    obj, kwargs = captured[0]
    assert kwargs.get("raw") is True and not _is_widget(obj)
    assert set(obj) == {"application/vnd.plotly.v1+json", "text/html"}
    _no_network_reference(obj["text/html"])
    assert obj["application/vnd.plotly.v1+json"]["frames"]


def test_static_explorer_all_surfaces(monkeypatch, captured):
    monkeypatch.setenv("DLBOOK_STATIC", "1")
    widgets.optimizer_explorer(steps=20)
    assert len(captured) == len(SURFACES)
    assert not any(_is_widget(obj) for obj, _ in captured)


def test_static_device_timing_displays_only_plotly(monkeypatch, captured):
    monkeypatch.setenv("DLBOOK_STATIC", "1")
    widgets.device_timing(sizes=(32, 64), repeats=2)
    assert len(captured) == 1
    obj, _ = captured[0]
    assert not _is_widget(obj) and "text/html" in obj
    names = {t["name"] for t in obj["application/vnd.plotly.v1+json"]["data"]}
    assert "CPU" in names


def test_live_explorer_builds_widget_tree(monkeypatch, captured):
    import ipywidgets
    monkeypatch.delenv("DLBOOK_STATIC", raising=False)
    widgets.optimizer_explorer("bowl")
    # (커널 밖이라 Output 위젯 안의 그림도 display로 잡히므로 위젯만 고른다)
    roots = [obj for obj, _ in captured if _is_widget(obj)]
    assert len(roots) == 1
    root = roots[0]
    assert isinstance(root, ipywidgets.VBox)

    found: dict[type, list] = {}

    def walk(w):
        found.setdefault(type(w), []).append(w)
        for child in getattr(w, "children", ()):
            walk(child)

    walk(root)
    assert ipywidgets.Dropdown in found and ipywidgets.SelectMultiple in found
    assert ipywidgets.FloatLogSlider in found and ipywidgets.IntSlider in found
    assert ipywidgets.Output in found
    selector = found[ipywidgets.SelectMultiple][0]
    assert set(selector.value) == set(widgets.DEFAULT_OPTIMIZERS)
    assert all(HANGUL.search(w.description) for ws in found.values() for w in ws
               if isinstance(w, ipywidgets.widgets.widget_description.DescriptionWidget) and w.description)
    # 곡면을 바꾸면 학습률이 그 곡면의 기본값이 된다
    found[ipywidgets.Dropdown][0].value = "rosenbrock"
    assert found[ipywidgets.FloatLogSlider][0].value == pytest.approx(SURFACES["rosenbrock"].learning_rate)


def test_live_device_timing_builds_widget_tree(monkeypatch, captured):
    import ipywidgets
    monkeypatch.delenv("DLBOOK_STATIC", raising=False)
    widgets.device_timing(sizes=(32, 64), repeats=2)
    (root,) = [obj for obj, _ in captured if _is_widget(obj)]
    assert isinstance(root, ipywidgets.VBox)
    html = root.children[1].value
    assert "GFLOP/s" in html and "<table>" in html


def test_timing_table_without_gpu_message():
    html = widgets._timing_table([dict(n=64, device="/CPU:0", median_ms=1.0, gflops=0.5, times_ms=[1.0])])
    assert "이 컴퓨터에는 GPU가 없어 CPU 결과만 보여 준다" in html
    html = widgets._timing_table([dict(n=64, device="/CPU:0", median_ms=4.0, gflops=0.5, times_ms=[4.0]),
                                  dict(n=64, device="/GPU:0", median_ms=1.0, gflops=2.0, times_ms=[1.0])])
    assert "4.0배" in html and "GPU가 없어" not in html
