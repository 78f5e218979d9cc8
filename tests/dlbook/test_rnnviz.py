"""dlbook.rnnviz: 순환 신경망 그림 (5장)."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402

import dlbook  # noqa: E402
from dlbook.rnnviz import (  # noqa: E402
    LEARNING_TYPES,
    draw_learning_types,
    draw_lstm_cell,
    draw_unrolled_rnn,
    learning_type_layout,
)


def _glyph_warnings(records) -> list[str]:
    return [str(w.message) for w in records
            if "glyph" in str(w.message).lower() or "missing from font" in str(w.message).lower()]


@pytest.fixture(autouse=True)
def _korean_font():
    dlbook.setup(seed=0)
    yield
    plt.close("all")


@pytest.mark.parametrize(("name", "expected"), [
    pytest.param("one-to-one", ([0], [0], [0]), id="one-to-one"),
    pytest.param("one-to-many", ([0], [0, 1, 2], [0, 1, 2]), id="one-to-many"),
    pytest.param("many-to-one", ([0, 1, 2], [0, 1, 2], [2]), id="many-to-one"),
    pytest.param("many-to-many (정렬)", ([0, 1, 2], [0, 1, 2], [0, 1, 2]), id="aligned"),
    pytest.param("many-to-many (seq2seq)", ([0, 1, 2], [0, 1, 2, 3, 4], [3, 4]), id="seq2seq"),
])
def test_learning_type_layout(name, expected):
    assert learning_type_layout(name, steps=3) == expected


def test_learning_type_layout_rejects_unknown_name():
    with pytest.raises(ValueError):
        learning_type_layout("many-to-few")


def test_learning_types_figure_has_one_panel_per_type_and_no_missing_glyphs():
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        axes = draw_learning_types()
        axes[0].figure.canvas.draw()
    assert len(axes) == len(LEARNING_TYPES)
    assert [ax.get_title() for ax in axes] == list(LEARNING_TYPES)
    # seq2seq 칸: 은닉 상자 5개 + 입력 3개 + 출력 2개
    assert len(axes[-1].patches) >= 10
    assert not _glyph_warnings(records)


def test_lstm_cell_draws_korean_labels_without_missing_glyphs():
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        ax = draw_lstm_cell()
        ax.figure.canvas.draw()
    texts = {t.get_text() for t in ax.texts}
    assert {"f  (σ)", "i  (σ)", "g  (tanh)", "o  (σ)", "잊기"} <= texts
    assert not _glyph_warnings(records)


def test_unrolled_rnn_has_one_column_per_step():
    ax = draw_unrolled_rnn(steps=3)
    labels = {t.get_text() for t in ax.texts}
    assert {"x_1", "x_3", "h_3", "y_2"} <= labels and "x_4" not in labels
    with pytest.raises(ValueError):
        draw_unrolled_rnn(steps=0)
