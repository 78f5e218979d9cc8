"""한글 제목·축 이름을 그려도 글꼴에 없는 글자(missing glyph) 경고가 나지 않아야 한다."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402

from dlbook.plotting import plot_history, use_korean_font  # noqa: E402


def _glyph_warnings(records) -> list[str]:
    return [str(w.message) for w in records
            if "glyph" in str(w.message).lower() or "missing from font" in str(w.message).lower()]


def test_hangul_title_and_labels_have_glyphs():
    font = use_korean_font()
    assert font
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.plot([0, 1], [-1, 1])
        ax.set_title("손실 함수의 변화 (−1부터 1까지, α²)")
        ax.set_xlabel("에포크 (epoch)")
        ax.set_ylabel("평균 제곱 오차")
        fig.canvas.draw()
        plt.close(fig)
    assert _glyph_warnings(records) == []


def test_plot_history_draws_without_glyph_warnings():
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        ax = plot_history({"경사 하강법": [3.0, 2.0, 1.0], "아담": [3.0, 1.0, 0.5]}, logy=True)
        ax.figure.canvas.draw()
        assert ax.get_title() == "손실 함수의 변화"
        assert len(ax.get_lines()) == 2
        plt.close(ax.figure)
    assert _glyph_warnings(records) == []


def test_check_can_fail_without_korean_font():
    """이 검사가 실제로 실패할 수 있는지: 한글이 없는 글꼴(DejaVu Sans)로 그리면 경고가 잡혀야 한다."""
    with warnings.catch_warnings(record=True) as records, matplotlib.rc_context({"font.family": ["DejaVu Sans"]}):
        warnings.simplefilter("always")
        fig, ax = plt.subplots()
        ax.set_title("한글")
        fig.canvas.draw()
        plt.close(fig)
    assert _glyph_warnings(records)


def test_log_axis_minus_sign_has_a_glyph(caplog):
    """로그 축 눈금(10^-1)은 mathtext로 그린다: 그 빼기 기호(U+2212)는 글꼴 대체 없이 첫 글꼴로 그린다.
    matplotlib은 이 경우 warnings가 아니라 logging으로 알리므로 caplog로 잡는다."""
    use_korean_font()
    with warnings.catch_warnings(record=True) as records, caplog.at_level("WARNING", logger="matplotlib"):
        warnings.simplefilter("always")
        ax = plot_history({"손실": [10.0, 1.0, 0.1, 0.001]}, logy=True)
        ax.figure.canvas.draw()
        plt.close(ax.figure)
    messages = _glyph_warnings(records) + [r.getMessage() for r in caplog.records if "glyph" in r.getMessage()]
    assert messages == []


def test_decision_regions_follow_the_classifier():
    import numpy as np

    from dlbook.plotting import plot_decision_regions

    X = np.array([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
    y = np.array([0, 1, 1, 0])
    grids = []

    def predict(z):
        grids.append(z)
        return (z[:, 0] > 0.5).astype(int)

    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        ax = plot_decision_regions(predict, X, y, resolution=50, title="XOR 영역")
        ax.figure.canvas.draw()
    assert _glyph_warnings(records) == []
    # 분류기는 그림 범위 전체의 격자 한 번으로 불리고, 점은 부류마다 한 묶음 (범례 2개)
    assert len(grids) == 1 and grids[0].shape == (2500, 2)
    np.testing.assert_allclose(grids[0].min(axis=0), -0.5)
    np.testing.assert_allclose(grids[0].max(axis=0), 1.5)
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["부류 0", "부류 1"]
    assert ax.get_xlim() == (-0.5, 1.5)
    plt.close(ax.figure)


def test_plot_roc_reports_auc():
    import numpy as np

    from dlbook.plotting import plot_roc

    y = np.array([0, 0, 1, 1])
    ax, aucs = plot_roc({"완벽": (y, [0.1, 0.2, 0.8, 0.9]), "반대": (y, [0.9, 0.8, 0.2, 0.1])})
    assert aucs == {"완벽": 1.0, "반대": 0.0}
    assert "AUC 1.000" in ax.get_legend().get_texts()[0].get_text()
    plt.close(ax.figure)
