"""3장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 손으로 계산할 수 있는 작은 예를 scikit-learn으로 한 번 확인해 둔
숫자(리터럴)뿐이고, 함수들은 학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 입력과 scikit-learn
기준을 쓰는 숨은 사례는 강사용 ``solutions/ch03/ch03_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch03-ex1-knn-predict`` | k-최근접 이웃 예측 | 3-1 |
| ``ch03-ex2-standardize`` | 훈련 세트 통계로 표준화 | 3-1 |
| ``ch03-ex3-binary-metrics`` | 정확도, 정밀도, 재현율, F1 | 3-2 |
| ``ch03-ex4-kmeans/step`` | K-평균 한 번의 반복 (할당 + 갱신) | 3-3 |
| ``ch03-ex4-kmeans/inertia`` | 관성 (군집 내 제곱합) | 3-3 |
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import forbid_calls, Case, CheckFailure, Exercise, compare_arrays, to_numpy

__all__ = [
    "METRIC_NAMES", "VISIBLE", "compare_kmeans_step", "compare_labels", "compare_metrics",
    "compare_standardized", "run_binary_metrics", "run_inertia", "run_kmeans_step", "run_knn",
    "run_standardize", "run_cv_accuracy", "compare_cv_accuracy",
]

METRIC_NAMES = ("accuracy", "precision", "recall", "f1")
"""연습문제 3이 돌려주는 dict의 키."""


def _as_array(value: Any, what: str) -> np.ndarray:
    try:
        return to_numpy(value)
    except Exception as exc:  # noqa: BLE001 - 학생 객체가 무엇이든 한국어로 알린다
        raise CheckFailure(f"{what}을(를) 배열로 바꿀 수 없습니다: {type(value).__name__} ({exc})") from None


def _labels_of(value: Any, n: int, what: str) -> np.ndarray:
    """학생이 돌려준 레이블을 길이 ``n``인 1차원 int64 배열로 (정수가 아닌 값이면 실패)."""
    arr = _as_array(value, what)
    if arr.shape != (n,):
        raise CheckFailure(f"{what}의 모양(shape)이 다릅니다: 기대 ({n},), 실제 {arr.shape}")
    if arr.dtype.kind not in "iuf":
        raise CheckFailure(f"{what}은(는) 정수 배열이어야 합니다 (실제 dtype {arr.dtype})")
    if arr.dtype.kind == "f" and not np.all(np.isfinite(arr) & (arr == np.round(arr))):
        raise CheckFailure(f"{what}에 정수가 아닌 값이 있습니다 (예: {arr[~(arr == np.round(arr))][:3]})")
    return arr.astype(np.int64)


def _unchanged(before: np.ndarray, after: np.ndarray, what: str) -> None:
    if not np.array_equal(before, after):
        raise CheckFailure(f"입력 {what}이(가) 함수 안에서 바뀌었습니다: 입력 배열을 제자리에서 고치지 말고 "
                           "새 배열을 만들어 돌려주세요")


# --- 연습문제 1: KNN 예측 ------------------------------------------------------------------------

def run_knn(func: Callable, case: Case) -> np.ndarray:
    """``knn_predict(X_train, y_train, X_test, k)``를 불러 예측 레이블을 int64 배열로 돌려준다."""
    X_train, y_train, X_test, k = case.args
    inputs = [np.array(a) for a in (X_train, y_train, X_test)]
    got = func(*[a.copy() for a in inputs], k)
    return _labels_of(got, len(X_test), "예측 레이블")


def compare_labels(got: np.ndarray, expected: Any, case: Case) -> None:
    """예측 레이블을 정확히 비교한다. 틀리면 첫 번째로 틀린 시험 샘플과 그 이웃 정보를 알린다."""
    expected = np.asarray(expected, dtype=np.int64)
    bad = np.flatnonzero(got != expected)
    if bad.size:
        i = int(bad[0])
        raise CheckFailure(f"예측 레이블이 다릅니다: 시험 샘플 {i}에서 기대 {expected[i]}, 실제 {got[i]} "
                           f"(틀린 샘플 {bad.size}/{expected.size}개, k={case.args[3]})")


def _knn_cases() -> list[Case]:
    X_train = np.array([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [5.0, 5.0], [6.0, 5.0], [5.0, 6.0]])
    y_train = np.array([0, 0, 0, 1, 1, 1])
    X_test = np.array([[0.2, 0.3], [5.5, 5.2], [3.0, 3.2], [2.0, 2.5]])
    line_X = np.array([[0.0], [1.0], [3.0]])
    line_y = np.array([5, 2, 7])
    return [
        Case(args=(X_train, y_train, X_test, 3), expected=[0, 1, 1, 0],
             label="본문의 예: 두 무리의 점 6개, k=3"),
        Case(args=(X_train, y_train, X_test, 1), expected=[0, 1, 1, 0], label="같은 데이터, k=1"),
        Case(args=(line_X, line_y, np.array([[0.4], [2.2], [2.9]]), 2), expected=[2, 2, 2],
             label="1차원, 레이블 5·2·7, k=2: 표가 1 대 1로 갈리면 작은 레이블"),
    ]


# --- 연습문제 2: 표준화 --------------------------------------------------------------------------

def run_standardize(func: Callable, case: Case) -> dict:
    """``standardize(X_train, X_test)``를 불러 두 결과를 float64 배열 dict로 돌려준다."""
    X_train, X_test = (np.array(a) for a in case.args)
    train_in, test_in = X_train.copy(), X_test.copy()
    got = func(train_in, test_in)
    _unchanged(X_train, train_in, "X_train")
    _unchanged(X_test, test_in, "X_test")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(Z_train, Z_test) 두 배열의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    out = {}
    for name, value, ref in (("train", got[0], X_train), ("test", got[1], X_test)):
        arr = _as_array(value, f"Z_{name}")
        if arr.shape != ref.shape:
            raise CheckFailure(f"Z_{name}의 모양(shape)이 다릅니다: 기대 {ref.shape}, 실제 {arr.shape}")
        out[name] = arr.astype(np.float64)
    return out


def compare_standardized(got: dict, expected: Any, case: Case, *, rtol: float = 1e-4,
                         atol: float = 1e-5) -> None:
    for name in ("train", "test"):
        compare_arrays(got[name], np.asarray(expected[name]), rtol=rtol, atol=atol, name=f"Z_{name}")


def _standardize_cases() -> list[Case]:
    X_train = np.array([[1.0, 100.0, 5.0], [3.0, 300.0, 5.0], [5.0, 200.0, 5.0]])
    X_test = np.array([[2.0, 250.0, 7.0], [3.0, 200.0, 5.0]])
    s0, s1 = 1.632993161855452, 81.64965809277261       # 열 0과 1의 모표준편차(ddof=0)
    return [Case(args=(X_train, X_test),
                 expected={"train": [[-2.0 / s0, -100.0 / s1, 0.0], [0.0, 100.0 / s1, 0.0],
                                     [2.0 / s0, 0.0, 0.0]],
                           "test": [[-1.0 / s0, 50.0 / s1, 2.0], [0.0, 0.0, 0.0]]},
                 label="본문의 예: 평균 (3, 200, 5), 셋째 열은 상수 (표준편차 0 → 나누지 않음)")]


# --- 연습문제 3: 분류 지표 -----------------------------------------------------------------------

def run_binary_metrics(func: Callable, case: Case) -> dict:
    """``binary_metrics(y_true, y_pred)``를 불러 네 지표를 float dict로 돌려준다."""
    got = func(*[np.array(a).copy() for a in case.args])
    if not isinstance(got, dict):
        raise CheckFailure(f"dict를 돌려주어야 합니다 (실제: {type(got).__name__})")
    missing = [k for k in METRIC_NAMES if k not in got]
    if missing:
        raise CheckFailure(f"돌려준 dict에 키 {missing}가 없습니다 (필요한 키: {list(METRIC_NAMES)})")
    out = {}
    for key in METRIC_NAMES:
        arr = _as_array(got[key], f"'{key}'")
        if arr.shape != ():
            raise CheckFailure(f"'{key}'는 스칼라여야 합니다: 실제 모양 {arr.shape}")
        out[key] = float(arr)
    return out


def compare_metrics(got: dict, expected: dict, case: Case) -> None:
    for key in METRIC_NAMES:
        compare_arrays(got[key], expected[key], rtol=1e-6, atol=1e-9, name=f"'{key}'")


def _metric_cases() -> list[Case]:
    y_true = np.array([1, 0, 1, 1, 0, 0, 1, 0])
    y_pred = np.array([1, 1, 0, 1, 1, 0, 1, 0])
    return [
        Case(args=(y_true, y_pred),
             expected={"accuracy": 0.625, "precision": 0.6, "recall": 0.75, "f1": 2 / 3},
             label="본문의 예: TP 3, FP 2, FN 1, TN 2"),
        Case(args=(np.array([1, 0, 0, 1]), np.array([0, 0, 0, 0])),
             expected={"accuracy": 0.5, "precision": 0.0, "recall": 0.0, "f1": 0.0},
             label="양성으로 예측한 것이 없을 때: 정밀도와 F1은 0으로 정한다"),
    ]


# --- 연습문제 4: K-평균 한 번의 반복과 관성 ------------------------------------------------------

def run_kmeans_step(func: Callable, case: Case) -> dict:
    """``kmeans_step(X, centroids)``를 불러 {"labels", "centroids"}를 돌려준다 (입력이 바뀌면 실패)."""
    X, centroids = (np.array(a, dtype=np.float64) for a in case.args)
    x_in, c_in = X.copy(), centroids.copy()
    got = func(x_in, c_in)
    _unchanged(X, x_in, "X")
    _unchanged(centroids, c_in, "centroids")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(labels, new_centroids) 두 값의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    labels = _labels_of(got[0], len(X), "labels")
    new = _as_array(got[1], "new_centroids")
    if new.ndim == 2 and new.shape[0] < centroids.shape[0] and new.shape[1:] == centroids.shape[1:]:
        raise CheckFailure(f"new_centroids의 중심이 {new.shape[0]}개뿐입니다 (기대 {centroids.shape[0]}개): "
                           "점이 하나도 배정되지 않은 군집도 버리지 말고 이전 중심을 그대로 두세요")
    if new.shape != centroids.shape:
        raise CheckFailure(f"new_centroids의 모양(shape)이 다릅니다: 기대 {centroids.shape}, 실제 {new.shape}")
    return {"labels": labels, "centroids": new.astype(np.float64)}


def compare_kmeans_step(got: dict, expected: dict, case: Case) -> None:
    expected_labels = np.asarray(expected["labels"], dtype=np.int64)
    bad = np.flatnonzero(got["labels"] != expected_labels)
    if bad.size:
        i = int(bad[0])
        raise CheckFailure(f"labels가 다릅니다: 점 {i}의 가장 가까운 중심은 {expected_labels[i]}번인데 "
                           f"{got['labels'][i]}번을 돌려주었습니다 (틀린 점 {bad.size}/{len(expected_labels)}개)")
    old = np.asarray(case.args[1], dtype=np.float64)
    exp_c = np.asarray(expected["centroids"], dtype=np.float64)
    for j in range(len(exp_c)):
        if not np.any(expected_labels == j) and not np.allclose(got["centroids"][j], old[j]):
            raise CheckFailure(f"군집 {j}에는 배정된 점이 없으므로 중심을 이전 값 {old[j].tolist()} 그대로 "
                               f"두어야 합니다 (실제 {got['centroids'][j].tolist()})")
    compare_arrays(got["centroids"], exp_c, rtol=1e-5, atol=1e-6, name="new_centroids")


def run_inertia(func: Callable, case: Case) -> float:
    """``inertia(X, centroids, labels)``를 불러 스칼라 float로 돌려준다."""
    X, centroids, labels = (np.array(a) for a in case.args)
    got = func(X.copy(), centroids.copy(), labels.copy())
    arr = _as_array(got, "관성(inertia)")
    if arr.shape != ():
        raise CheckFailure(f"관성은 스칼라 하나여야 합니다: 실제 모양 {arr.shape}")
    return float(arr)


def _kmeans_visible_data() -> tuple[np.ndarray, np.ndarray]:
    X = np.array([[0.0, 0.0], [0.0, 2.0], [4.0, 0.0], [4.0, 2.0], [10.0, 10.0]])
    centroids = np.array([[0.0, 1.0], [5.0, 1.0], [100.0, 100.0]])
    return X, centroids


def _step_cases() -> list[Case]:
    X, centroids = _kmeans_visible_data()
    return [Case(args=(X, centroids),
                 expected={"labels": [0, 0, 1, 1, 1],
                           "centroids": [[0.0, 1.0], [6.0, 4.0], [100.0, 100.0]]},
                 label="본문의 예: 점 5개, 중심 3개 (셋째 군집은 비어 있다)")]


def _inertia_cases() -> list[Case]:
    X, _ = _kmeans_visible_data()
    centroids = np.array([[0.0, 1.0], [6.0, 4.0], [100.0, 100.0]])
    return [
        Case(args=(X, centroids, np.array([0, 0, 1, 1, 1])), expected=82.0,
             label="본문의 예: 1 + 1 + 20 + 8 + 52"),
        Case(args=(X, centroids, np.array([1, 0, 1, 1, 1])), expected=133.0,
             label="가장 가깝지 않은 중심에 배정된 점이 있을 때: 주어진 labels를 따른다"),
    ]


# --- 목록 --------------------------------------------------------------------------------------

# --- 연습문제 5: 겹마다 표준화하는 교차 검증 ----------------------------------------------------------

def run_cv_accuracy(func: Callable, case: Case) -> float:
    """``cv_accuracy(X, y, folds, k)``를 입력의 복사본으로 불러 float 하나를 돌려준다 (입력을 고치면 실패)."""
    X, y, folds, k = case.args
    X, y = np.array(X, dtype=np.float64), np.array(y)
    folds = [(np.array(tr), np.array(va)) for tr, va in folds]
    X_copy, y_copy = X.copy(), y.copy()
    got = func(X_copy, y_copy, [(tr.copy(), va.copy()) for tr, va in folds], k)
    _unchanged(X, X_copy, "X")
    _unchanged(y, y_copy, "y")
    value = np.asarray(_as_array(got, "교차 검증 정확도"), dtype=np.float64)
    if value.size != 1:
        raise CheckFailure(f"정확도 하나(float)를 돌려주어야 합니다 (실제 모양 {value.shape})")
    return float(value.reshape(()))


def compare_cv_accuracy(got: float, expected: Any, case: Case) -> None:
    if not np.isclose(got, float(expected), rtol=1e-9, atol=1e-12):
        raise CheckFailure(f"교차 검증 정확도가 다릅니다: 기대 {float(expected):.6f}, 실제 {got:.6f} "
                           f"(겹 {len(case.args[2])}개, k={case.args[3]})")


_CV_X = np.array([[3.0, 20.0], [9.0, 570.0], [6.0, 0.0], [9.0, 40.0], [0.0, 20.0], [4.0, 70.0],
                  [8.0, 70.0], [7.0, 70.0], [4.0, 90.0], [4.0, 90.0], [4.0, 10.0], [5.0, 10.0]])
_CV_Y = np.array([0, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0])
_CV_FOLDS = [([1, 2, 4, 5, 7, 8, 10, 11], [0, 3, 6, 9]), ([0, 2, 3, 5, 6, 8, 9, 11], [1, 4, 7, 10]),
             ([0, 1, 3, 4, 6, 7, 9, 10], [2, 5, 8, 11])]


def _cv_cases() -> list[Case]:
    # 기댓값: 겹마다 훈련 부분으로 StandardScaler를 맞추고 KNeighborsClassifier(brute)로 잰 검증 정확도의 평균.
    # 전체로 표준화하면(누출) k=3에서 1.0, k=5에서 0.667이 나와 더 좋아 보인다
    return [Case(args=(_CV_X, _CV_Y, _CV_FOLDS, 3), expected=0.9166666666666666,
                 label="점 12개, 둘째 특성의 한 점이 570으로 튄다, 겹 3개, k=3"),
            Case(args=(_CV_X, _CV_Y, _CV_FOLDS, 5), expected=0.5833333333333334, label="같은 데이터, k=5")]


VISIBLE: dict[str, Exercise] = {
    "ch03-ex1-knn-predict": Exercise(id="ch03-ex1-knn-predict", cases=_knn_cases, run=run_knn,
                                     compare=compare_labels),
    "ch03-ex2-standardize": Exercise(id="ch03-ex2-standardize", cases=_standardize_cases,
                                     run=run_standardize, compare=compare_standardized),
    "ch03-ex3-binary-metrics": Exercise(id="ch03-ex3-binary-metrics", cases=_metric_cases,
                                        run=run_binary_metrics, compare=compare_metrics),
    "ch03-ex4-kmeans/step": Exercise(id="ch03-ex4-kmeans/step", cases=_step_cases, run=run_kmeans_step,
                                     compare=compare_kmeans_step),
    "ch03-ex4-kmeans/inertia": Exercise(id="ch03-ex4-kmeans/inertia", cases=_inertia_cases, run=run_inertia,
                                        compare=lambda g, e, c: compare_arrays(g, e, rtol=1e-6, atol=1e-9,
                                                                               name="관성(inertia)")),
    "ch03-ex5-cv-accuracy": Exercise(id="ch03-ex5-cv-accuracy", cases=_cv_cases, run=run_cv_accuracy,
                                     compare=compare_cv_accuracy),
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들
forbid_calls(VISIBLE, {
    "ch03-ex1-knn-predict": ("sklearn.neighbors", "scipy.spatial.KDTree", "scipy.spatial.cKDTree"),
    "ch03-ex2-standardize": ("sklearn.preprocessing", "scipy.stats.zscore"),
    "ch03-ex3-binary-metrics": ("sklearn.metrics",),
    "ch03-ex4-kmeans": ("sklearn.cluster", "scipy.cluster", "sklearn.metrics"),
    "ch03-ex5-cv-accuracy": ("sklearn.neighbors", "sklearn.preprocessing", "sklearn.model_selection",
                             "sklearn.pipeline", "scipy.stats.zscore"),
})
