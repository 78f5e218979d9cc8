"""그림 도우미: 한글 글꼴과 자주 쓰는 그림."""
from __future__ import annotations

import warnings

_FONT_READY = False


def use_korean_font() -> str:
    """matplotlib에 한글 글꼴(NanumGothic, koreanize-matplotlib 동봉)을 설정하고 글꼴 이름을 돌려준다."""
    global _FONT_READY
    import matplotlib
    if not _FONT_READY:
        with warnings.catch_warnings():
            # koreanize-matplotlib이 distutils의 LooseVersion을 써서 import 때 DeprecationWarning을
            # 낸다. 노트북 출력(stderr)에 잡음이 끼지 않게, 또 pytest(경고=오류)에서도 그 경고만 감춘다.
            warnings.simplefilter("ignore", DeprecationWarning)
            import koreanize_matplotlib  # noqa: F401  (import 하면 NanumGothic을 등록하고 설정한다)
        matplotlib.rcParams["axes.unicode_minus"] = False  # 음수 기호가 네모로 나오지 않게
        # DejaVu Sans를 먼저, NanumGothic을 다음에 둔다: 한글은 글자 단위 대체(matplotlib ≥ 3.6)로
        # NanumGothic에서 그리고, NanumGothic에 없는 −, ², α는 DejaVu Sans가 그린다. 로그 축 눈금처럼
        # mathtext(\mathdefault)로 그리는 글자는 대체 없이 첫 글꼴만 쓰므로 DejaVu Sans가 첫째여야 한다.
        # 그래서 한 문자열에 한글과 $수식$을 섞지 않는다: "손실 L(θ) = θ²"처럼 유니코드로 쓴다.
        families = [f for f in matplotlib.rcParams["font.family"] if f != "DejaVu Sans"]
        matplotlib.rcParams["font.family"] = ["DejaVu Sans", *families]
        _FONT_READY = True
    return next(f for f in matplotlib.rcParams["font.family"] if f != "DejaVu Sans")


def plot_history(histories: dict, *, title: str = "손실 함수의 변화", ylabel: str = "손실 (loss)",
                 xlabel: str = "에포크 (epoch)", logy: bool = False, ax=None):
    """{이름: 손실 목록} 을 한 그림에 그린다. 1-7절에서 소개."""
    import matplotlib.pyplot as plt
    use_korean_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(6, 3.6))
    for name, values in histories.items():
        ax.plot(range(1, len(values) + 1), values, label=name)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if logy:
        ax.set_yscale("log")
    if len(histories) > 1:
        ax.legend()
    ax.grid(alpha=0.3)
    return ax
