"""순환 신경망 그림: 시간 축으로 펼친 RNN, LSTM 셀의 내부, 학습 유형 다섯 가지 (5장에서 소개).

모두 matplotlib의 상자(``FancyBboxPatch``)와 화살표(``FancyArrowPatch``)만으로 그린다. 함수마다 ``ax``를 받으면
거기에 그리고, 없으면 새 그림을 만든다. 돌려주는 값은 그림을 그린 ``Axes``(또는 ``Axes`` 배열)이다.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np

__all__ = ["LEARNING_TYPES", "draw_learning_types", "draw_lstm_cell", "draw_unrolled_rnn", "learning_type_layout"]

_COLORS = {"input": "#cfe3f6", "hidden": "#fde2b5", "output": "#d4edd0", "gate": "#f6c8c8",
           "op": "#ffffff", "state": "#e4d8f0"}


def _new_ax(ax, figsize):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=figsize)
    ax.set_axis_off()
    ax.set_aspect("equal")
    return ax


def _box(ax, xy, text, kind="hidden", w=0.8, h=0.55, fontsize=10, round_=True):
    """가운데가 ``xy``인 상자에 ``text``를 적는다."""
    from matplotlib.patches import Circle, FancyBboxPatch

    x, y = xy
    if round_:
        patch = FancyBboxPatch((x - w / 2, y - h / 2), w, h, boxstyle="round,pad=0.02,rounding_size=0.08",
                               facecolor=_COLORS[kind], edgecolor="#333333", linewidth=1.2)
    else:
        patch = Circle((x, y), radius=h / 2, facecolor=_COLORS[kind], edgecolor="#333333", linewidth=1.2)
    ax.add_patch(patch)
    ax.text(x, y, text, ha="center", va="center", fontsize=fontsize)
    return patch


def _arrow(ax, start, end, color="#333333", style="-|>", lw=1.3, rad=0.0):
    from matplotlib.patches import FancyArrowPatch

    arrow = FancyArrowPatch(start, end, arrowstyle=style, mutation_scale=11, color=color, linewidth=lw,
                            connectionstyle=f"arc3,rad={rad}", shrinkA=0, shrinkB=0)
    ax.add_patch(arrow)
    return arrow


def draw_unrolled_rnn(steps: int = 4, ax=None, title: str | None = "시간 축으로 펼친 RNN"):
    """왼쪽에 되먹임 고리가 있는 RNN 하나, 오른쪽에 ``steps``개 시점으로 펼친 같은 RNN을 그린다.

    펼친 그림에서 가로 화살표(h_{t-1} → h_t)는 모두 같은 W_h, 세로 화살표(x_t → h_t)는 같은 W_x를 쓴다.
    """
    if steps < 1:
        raise ValueError(f"시점 수는 1 이상이어야 한다: {steps}")
    ax = _new_ax(ax, (2.2 + 1.6 * steps, 3.4))
    # 접힌 그림
    _box(ax, (0, 0), "x_t", "input")
    _box(ax, (0, 1.3), "h_t", "hidden")
    _box(ax, (0, 2.6), "y_t", "output")
    _arrow(ax, (0, 0.28), (0, 1.02))
    _arrow(ax, (0, 1.58), (0, 2.32))
    _arrow(ax, (0.4, 1.45), (0.4, 1.15), rad=-2.2)
    ax.text(0.95, 1.3, "W_h", fontsize=9, va="center")
    ax.text(1.55, 1.3, "=", fontsize=16, va="center")
    # 펼친 그림
    x0 = 2.9
    for t in range(steps):
        x = x0 + 1.6 * t
        _box(ax, (x, 0), f"x_{t + 1}", "input")
        _box(ax, (x, 1.3), f"h_{t + 1}", "hidden")
        _box(ax, (x, 2.6), f"y_{t + 1}", "output")
        _arrow(ax, (x, 0.28), (x, 1.02))
        _arrow(ax, (x, 1.58), (x, 2.32))
        ax.text(x + 0.08, 0.62, "W_x", fontsize=8)
        if t > 0:
            _arrow(ax, (x - 1.2, 1.3), (x - 0.4, 1.3))
            ax.text(x - 0.8, 1.4, "W_h", fontsize=8, ha="center")
    _arrow(ax, (x0 - 1.0, 1.3), (x0 - 0.4, 1.3), color="#888888")
    ax.text(x0 - 0.75, 1.4, "h_0", fontsize=8, ha="center", color="#555555")
    ax.set_xlim(-0.7, x0 + 1.6 * (steps - 1) + 0.7)
    ax.set_ylim(-0.5, 3.1)
    if title:
        ax.set_title(title)
    return ax


def draw_lstm_cell(ax=None, title: str | None = "LSTM 셀 한 개의 내부"):
    """LSTM 셀: 위쪽 가로줄이 셀 상태 c, 아래에서 [h_{t-1}, x_t]가 네 갈래(f, i, g, o)로 들어간다.

    ×는 원소별 곱, +는 원소별 합이다. 게이트(σ)는 0~1 사이의 값으로 정보를 얼마나 통과시킬지 정한다.
    """
    ax = _new_ax(ax, (9.5, 5.0))
    from matplotlib.patches import FancyBboxPatch

    ax.add_patch(FancyBboxPatch((0.3, 0.4), 8.4, 4.0, boxstyle="round,pad=0.02,rounding_size=0.2",
                                facecolor="#fafafa", edgecolor="#999999", linewidth=1.0))
    c_y, gate_y, in_y = 3.7, 1.7, 0.75
    # 셀 상태의 고속도로
    _arrow(ax, (-0.6, c_y), (2.15, c_y), lw=2.2)
    _box(ax, (2.4, c_y), "×", "op", h=0.5, round_=False, fontsize=12)
    _arrow(ax, (2.65, c_y), (4.65, c_y), lw=2.2)
    _box(ax, (4.9, c_y), "+", "op", h=0.5, round_=False, fontsize=12)
    _arrow(ax, (5.15, c_y), (9.6, c_y), lw=2.2)
    ax.text(-0.6, c_y + 0.25, "c_{t-1}", fontsize=10)
    ax.text(9.0, c_y + 0.25, "c_t", fontsize=10)
    # 입력 줄: [h_{t-1}, x_t]
    _arrow(ax, (-0.6, in_y), (6.7, in_y), style="-", lw=1.4)
    ax.text(-0.6, in_y - 0.45, "h_{t-1}", fontsize=10)
    _box(ax, (1.0, -0.35), "x_t", "input", w=0.7, h=0.45)
    _arrow(ax, (1.0, -0.12), (1.0, in_y), style="-")
    # 네 갈래: 망각 f, 입력 i, 후보 g, 출력 o
    gates = [(2.4, "f  (σ)", "gate"), (3.6, "i  (σ)", "gate"), (4.9, "g  (tanh)", "hidden"), (6.7, "o  (σ)", "gate")]
    for x, label, kind in gates:
        _arrow(ax, (x, in_y), (x, gate_y - 0.3))
        _box(ax, (x, gate_y), label, kind, w=1.0, h=0.55, fontsize=9)
    _arrow(ax, (2.4, gate_y + 0.28), (2.4, c_y - 0.25))                    # f → ×
    _box(ax, (4.25, 2.65), "×", "op", h=0.45, round_=False, fontsize=11)   # i × g
    _arrow(ax, (3.6, gate_y + 0.28), (4.05, 2.55))
    _arrow(ax, (4.9, gate_y + 0.28), (4.45, 2.55))
    _arrow(ax, (4.4, 2.82), (4.8, c_y - 0.25))
    # 출력: h_t = o × tanh(c_t)
    _box(ax, (7.7, 2.75), "tanh", "hidden", w=0.75, h=0.45, fontsize=9)
    _arrow(ax, (7.7, c_y), (7.7, 2.98))
    _box(ax, (7.7, 1.7), "×", "op", h=0.45, round_=False, fontsize=11)
    _arrow(ax, (7.7, 2.52), (7.7, 1.93))
    _arrow(ax, (7.2, gate_y), (7.48, gate_y))
    _arrow(ax, (7.92, 1.7), (9.6, 1.7), lw=1.6)
    ax.text(9.0, 1.82, "h_t", fontsize=10)
    ax.text(2.55, 3.05, "잊기", fontsize=8, color="#a33")
    ax.text(4.05, 3.1, "쓰기", fontsize=8, color="#a33")
    ax.text(7.8, 2.2, "내보내기", fontsize=8, color="#a33")
    ax.set_xlim(-0.9, 9.9)
    ax.set_ylim(-0.8, 4.6)
    if title:
        ax.set_title(title)
    return ax


LEARNING_TYPES = ("one-to-one", "one-to-many", "many-to-one", "many-to-many (정렬)", "many-to-many (seq2seq)")
"""학습 유형의 이름. :func:`learning_type_layout`과 :func:`draw_learning_types`가 이 순서를 쓴다."""


def learning_type_layout(name: str, steps: int = 4) -> tuple[list[int], list[int], list[int]]:
    """학습 유형 ``name``에서 입력을 받는 시점, 은닉 상태가 있는 시점, 출력을 내는 시점의 번호 목록.

    seq2seq는 입력 ``steps``개를 다 읽은 뒤(인코더) 출력 ``steps - 1``개를 낸다(디코더).
    """
    if name == "one-to-one":
        return [0], [0], [0]
    if name == "one-to-many":
        return [0], list(range(steps)), list(range(steps))
    if name == "many-to-one":
        return list(range(steps)), list(range(steps)), [steps - 1]
    if name == "many-to-many (정렬)":
        return list(range(steps)), list(range(steps)), list(range(steps))
    if name == "many-to-many (seq2seq)":
        out = steps - 1
        return list(range(steps)), list(range(steps + out)), list(range(steps, steps + out))
    raise ValueError(f"학습 유형은 {LEARNING_TYPES} 중 하나다: {name!r}")


def draw_learning_types(names: Sequence[str] = LEARNING_TYPES, steps: int = 3, axes=None):
    """학습 유형마다 입력(파랑) → 은닉(주황) → 출력(초록) 상자와 화살표를 한 칸씩 그린다."""
    import matplotlib.pyplot as plt

    if axes is None:
        widths = [len(learning_type_layout(n, steps)[1]) + 0.6 for n in names]
        _, axes = plt.subplots(1, len(names), figsize=(sum(widths) * 0.85, 3.1),
                               gridspec_kw={"width_ratios": widths})
    axes = np.atleast_1d(axes)
    for ax, name in zip(axes, names):
        _new_ax(ax, None)
        inputs, hidden, outputs = learning_type_layout(name, steps)
        for t in hidden:
            _box(ax, (t, 1.2), "", "hidden", w=0.6, h=0.5)
            if t - 1 in hidden:
                _arrow(ax, (t - 0.7, 1.2), (t - 0.3, 1.2))
        for t in inputs:
            _box(ax, (t, 0), "x", "input", w=0.6, h=0.5)
            _arrow(ax, (t, 0.25), (t, 0.95))
        for t in outputs:
            _box(ax, (t, 2.4), "y", "output", w=0.6, h=0.5)
            _arrow(ax, (t, 1.45), (t, 2.15))
        ax.set_xlim(-0.6, max(hidden) + 0.6)
        ax.set_ylim(-0.5, 2.9)
        ax.set_title(name, fontsize=10)
    return axes
