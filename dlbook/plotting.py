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


def plot_decision_regions(predict, X, y, *, ax=None, resolution: int = 200, padding: float = 0.5,
                          title: str | None = None, xlabel: str = "x₁", ylabel: str = "x₂"):
    """2차원 입력의 분류기가 평면을 어떻게 나누는지 그린다 (3-1, 4-4, 4-7절).

    ``predict``는 ``(n, 2)`` 배열을 받아 ``(n,)``의 정수 부류(class)를 돌려주는 함수다
    (확률을 돌려주는 모델은 ``lambda z: (model.predict(z) > 0.5).ravel()``처럼 감싼다).
    ``X``, ``y``의 점을 부류별 색으로 위에 찍는다.
    """
    import matplotlib.pyplot as plt
    import numpy as np
    use_korean_font()
    X = np.asarray(X, dtype=float)
    y = np.asarray(y).ravel()
    if ax is None:
        _, ax = plt.subplots(figsize=(4.8, 4.2))
    lo, hi = X.min(axis=0) - padding, X.max(axis=0) + padding
    gx, gy = np.meshgrid(np.linspace(lo[0], hi[0], resolution), np.linspace(lo[1], hi[1], resolution))
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    zone = np.asarray(predict(grid)).reshape(gx.shape).astype(int)
    classes = np.unique(np.concatenate([np.unique(zone), np.unique(y)])).astype(int)
    cmap = plt.get_cmap("tab10")
    ax.contourf(gx, gy, zone, levels=np.arange(classes.min() - 0.5, classes.max() + 1.5),
                colors=[cmap(int(c) % 10) for c in range(classes.min(), classes.max() + 1)], alpha=0.18)
    for c in np.unique(y).astype(int):
        ax.scatter(*X[y == c].T, s=18, color=cmap(c % 10), edgecolor="k", linewidth=0.3, label=f"부류 {c}")
    ax.set_xlim(lo[0], hi[0])
    ax.set_ylim(lo[1], hi[1])
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title)
    ax.legend(loc="best", fontsize=8)
    return ax


def plot_roc(curves: dict, *, ax=None, title: str = "ROC 곡선"):
    """{이름: (정답 0/1, 양성 확률)} 의 ROC 곡선과 AUC를 한 그림에 그린다 (2-8, 3-2, 4-9절).

    돌려주는 값은 그린 축과 {이름: AUC} 사전이다.
    """
    import matplotlib.pyplot as plt
    import numpy as np
    from sklearn.metrics import roc_auc_score, roc_curve
    use_korean_font()
    if ax is None:
        _, ax = plt.subplots(figsize=(4.6, 4.2))
    aucs = {}
    for name, (y_true, score) in curves.items():
        y_true, score = np.asarray(y_true).ravel(), np.asarray(score).ravel()
        fpr, tpr, _ = roc_curve(y_true, score)
        aucs[name] = float(roc_auc_score(y_true, score))
        ax.plot(fpr, tpr, label=f"{name} (AUC {aucs[name]:.3f})")
    ax.plot([0, 1], [0, 1], color="gray", linestyle="--", linewidth=0.8, label="무작위 추측")
    ax.set_xlabel("거짓 양성 비율 (FPR)")
    ax.set_ylabel("참 양성 비율 (TPR)")
    ax.set_title(title)
    ax.legend(loc="lower right", fontsize=8)
    ax.grid(alpha=0.3)
    return ax, aucs
