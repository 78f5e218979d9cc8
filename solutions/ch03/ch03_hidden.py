"""3장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다. 기준은 scikit-learn 자체다:
KNN은 ``KNeighborsClassifier(algorithm="brute")``(유클리드 거리, 동점이면 작은 레이블), 표준화는
``StandardScaler``, 분류 지표는 ``sklearn.metrics``(``zero_division=0``), K-평균의 할당은
``pairwise_distances_argmin``이다. 중심 갱신(빈 군집은 이전 중심 유지)과 관성은 scikit-learn에 같은
함수가 없으므로 여기서 NumPy로 정의한다.

scikit-learn은 함수 안에서 import한다: 무거운 일은 모두 ``quiet()`` 안에서 도는 ``cases``/``reference``에서 한다.
"""
from __future__ import annotations

import numpy as np

from dlbook.checker import Case, Exercise, compare_arrays
from dlbook.exercises.ch03 import (
    compare_cv_accuracy,
    run_cv_accuracy,
    compare_kmeans_step,
    compare_labels,
    compare_metrics,
    compare_standardized,
    run_binary_metrics,
    run_inertia,
    run_kmeans_step,
    run_knn,
    run_standardize,
)

# --- 연습문제 1: KNN 예측 ------------------------------------------------------------------------


def _clear_queries(X_train: np.ndarray, X_test: np.ndarray, k: int, gap: float = 1e-3) -> np.ndarray:
    """k번째와 k+1번째 이웃의 거리가 ``gap``보다 가까운 시험 점을 뺀다.

    거리가 거의 같은 두 이웃 중 어느 쪽이 k개 안에 드는지는 float32와 float64의 반올림에 따라 달라질
    수 있다. 그런 점을 빼 두면 기준이 모호하지 않다 (표의 동점은 남긴다: 그 규칙은 문제에 적혀 있다).
    """
    if k >= len(X_train):
        return X_test
    dist = np.sqrt(((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=-1))
    dist.sort(axis=1)
    return X_test[dist[:, k] - dist[:, k - 1] > gap]


def _blobs(rng: np.random.Generator, n: int, d: int, labels: list[int], spread: float) -> tuple:
    centers = rng.normal(0.0, spread, size=(len(labels), d))
    y = rng.choice(np.array(labels), size=n)
    X = centers[np.searchsorted(np.array(labels), y)] + rng.normal(0.0, 1.0, size=(n, d))
    return X, y


def _knn_cases() -> list[Case]:
    rng = np.random.default_rng(3101)
    cases = []
    for n_train, n_test, d, labels, k, spread in (
            (60, 40, 2, [0, 1], 5, 1.5),
            (80, 50, 2, [0, 1], 1, 1.0),
            (70, 50, 3, [0, 1, 2], 4, 1.5),
            (50, 40, 4, [0, 2, 5], 6, 1.2),
            (90, 60, 2, [1, 3, 4, 7], 2, 2.0),
            (40, 30, 5, [0, 1], 10, 0.8)):
        X, y = _blobs(rng, n_train + n_test, d, labels, spread)
        X_train, y_train = X[:n_train], y[:n_train]
        X_test = _clear_queries(X_train, X[n_train:], k)
        cases.append(Case(args=(X_train, y_train, X_test, k),
                          label=f"무작위 데이터: 훈련 {n_train}개, 시험 {len(X_test)}개, {d}차원, "
                                f"레이블 {labels}, k={k}"))
    # k = 훈련 샘플 수: 모든 점이 이웃이고, 세 레이블이 세 표씩 동점이므로 언제나 가장 작은 레이블
    X_small = rng.normal(size=(9, 2))
    cases.append(Case(args=(X_small, np.array([4, 1, 6, 6, 1, 4, 1, 6, 4]), rng.normal(size=(5, 2)), 9),
                      label="k가 훈련 샘플 수와 같을 때 (3 대 3 대 3 동점)"))
    # 가장 가까운 이웃 하나는 레이블 3, 다음 둘은 레이블 1: 가까운 쪽 레이블이 아니라 다수결
    X_line = np.array([[0.0], [0.5], [-0.6], [5.0], [6.0]])
    cases.append(Case(args=(X_line, np.array([3, 1, 1, 3, 3]), np.array([[0.1], [5.4]]), 3),
                      label="1차원: 가장 가까운 이웃보다 다수결이 이긴다"))
    return cases


def _knn_reference(case: Case) -> np.ndarray:
    from sklearn.neighbors import KNeighborsClassifier

    X_train, y_train, X_test, k = case.args
    model = KNeighborsClassifier(n_neighbors=k, algorithm="brute", metric="euclidean")
    return model.fit(X_train, y_train).predict(X_test).astype(np.int64)


# --- 연습문제 2: 표준화 --------------------------------------------------------------------------

def _standardize_cases() -> list[Case]:
    rng = np.random.default_rng(3202)
    cases = []
    for n_train, n_test, d, dtype in ((50, 20, 4, np.float64), (30, 1, 6, np.float32), (200, 80, 3, np.float64)):
        scales = 10.0 ** rng.uniform(-2, 3, size=d)
        X = rng.normal(scales * rng.normal(0.0, 3.0, size=d), scales, size=(n_train + n_test, d)).astype(dtype)
        cases.append(Case(args=(X[:n_train], X[n_train:]),
                          label=f"무작위 {np.dtype(dtype).name} 데이터: 훈련 {n_train}개, 시험 {n_test}개, "
                                f"열마다 척도가 다름"))
    X = rng.normal(size=(25, 3))
    X[:, 1] = 7.5                                     # 상수 열
    X_test = rng.normal(size=(10, 3))
    cases.append(Case(args=(X[:15], X_test), label="상수 열이 있을 때 (시험 세트에서는 상수가 아님)"))
    X = rng.normal(3.0, 2.0, size=(12, 2))
    cases.append(Case(args=(X[:4], X[4:]), label="훈련 샘플 4개뿐일 때 (ddof=0과 ddof=1의 차이가 크다)"))
    return cases


def _standardize_reference(case: Case) -> dict:
    from sklearn.preprocessing import StandardScaler

    X_train, X_test = (np.asarray(a, dtype=np.float64) for a in case.args)
    scaler = StandardScaler().fit(X_train)
    return {"train": scaler.transform(X_train), "test": scaler.transform(X_test)}


# --- 연습문제 3: 분류 지표 -----------------------------------------------------------------------

def _metric_cases() -> list[Case]:
    rng = np.random.default_rng(3303)
    cases = []
    for n, prevalence, accuracy in ((20, 0.3, 0.7), (300, 0.3, 0.75), (57, 0.1, 0.9), (500, 0.5, 0.6)):
        y_true = (rng.random(n) < prevalence).astype(np.int64)
        flip = rng.random(n) > accuracy
        y_pred = np.where(flip, 1 - y_true, y_true)
        cases.append(Case(args=(y_true, y_pred), label=f"무작위 {n}개, 양성 비율 약 {prevalence}"))
    y = (rng.random(30) < 0.3).astype(np.int64)
    cases += [
        Case(args=(y, np.zeros(30, dtype=np.int64)), label="언제나 음성(0)으로 예측: 정밀도는 0으로 정한다"),
        Case(args=(y, np.ones(30, dtype=np.int64)), label="언제나 양성(1)으로 예측"),
        Case(args=(np.zeros(12, dtype=np.int64), (rng.random(12) < 0.5).astype(np.int64)),
             label="정답에 양성이 없을 때: 재현율은 0으로 정한다"),
        Case(args=(y, y.copy()), label="모두 맞힐 때"),
        Case(args=(y.astype(np.float32), (1 - y).astype(np.float32)), label="float 0.0/1.0 배열, 모두 틀릴 때"),
    ]
    return cases


def _metric_reference(case: Case) -> dict:
    from sklearn import metrics

    y_true, y_pred = (np.asarray(a).astype(np.int64) for a in case.args)
    return {"accuracy": metrics.accuracy_score(y_true, y_pred),
            "precision": metrics.precision_score(y_true, y_pred, zero_division=0),
            "recall": metrics.recall_score(y_true, y_pred, zero_division=0),
            "f1": metrics.f1_score(y_true, y_pred, zero_division=0)}


# --- 연습문제 4: K-평균 --------------------------------------------------------------------------

def _kmeans_data(rng: np.random.Generator, n: int, d: int, k: int) -> np.ndarray:
    centers = rng.uniform(-6.0, 6.0, size=(k, d))
    return centers[rng.integers(k, size=n)] + rng.normal(0.0, 1.0, size=(n, d))


def _step_cases() -> list[Case]:
    rng = np.random.default_rng(3404)
    cases = []
    for n, d, k in ((200, 2, 3), (150, 3, 5), (300, 2, 4)):
        X = _kmeans_data(rng, n, d, k)
        start = X[rng.choice(n, size=k, replace=False)] + rng.normal(0.0, 0.3, size=(k, d))
        cases.append(Case(args=(X, start), label=f"무작위 군집 데이터: 점 {n}개, {d}차원, 중심 {k}개"))
    X = _kmeans_data(rng, 120, 2, 3)
    start = np.vstack([X[rng.choice(120, size=3, replace=False)], [[50.0, -50.0]], [[-40.0, 60.0]]])
    cases.append(Case(args=(X, start), label="중심 5개 중 둘은 아주 멀리 있어 빈 군집이 된다 (3번, 4번)"))
    X = _kmeans_data(rng, 80, 2, 2)
    start = np.vstack([[[60.0, 60.0]], X[:2]])
    cases.append(Case(args=(X, start), label="첫 번째 군집(0번)이 비어 있을 때"))
    return cases


def _step_reference(case: Case) -> dict:
    from sklearn.metrics import pairwise_distances_argmin

    X, centroids = (np.asarray(a, dtype=np.float64) for a in case.args)
    labels = pairwise_distances_argmin(X, centroids)
    new = centroids.copy()
    for j in range(len(centroids)):
        members = X[labels == j]
        if len(members):
            new[j] = members.mean(axis=0)
    return {"labels": labels, "centroids": new}


def _inertia_cases() -> list[Case]:
    from sklearn.metrics import pairwise_distances_argmin

    rng = np.random.default_rng(3505)
    cases = []
    for n, d, k in ((200, 2, 3), (150, 4, 6)):
        X = _kmeans_data(rng, n, d, k)
        centroids = X[rng.choice(n, size=k, replace=False)] + rng.normal(0.0, 0.5, size=(k, d))
        cases.append(Case(args=(X, centroids, pairwise_distances_argmin(X, centroids)),
                          label=f"점 {n}개, {d}차원, 중심 {k}개, 가장 가까운 중심에 배정"))
    X = _kmeans_data(rng, 100, 2, 3)
    centroids = X[:3] + 0.25
    cases.append(Case(args=(X, centroids, rng.integers(3, size=100)),
                      label="무작위로 배정한 labels (가장 가까운 중심이 아닐 수 있다)"))
    X = rng.normal(size=(1, 3))
    cases.append(Case(args=(X, X + np.array([[1.0, 2.0, 2.0]]), np.array([0])), label="점 하나: 거리 3 → 관성 9"))
    return cases


def _inertia_reference(case: Case) -> float:
    X, centroids, labels = case.args
    X, centroids = np.asarray(X, dtype=np.float64), np.asarray(centroids, dtype=np.float64)
    return float(((X - centroids[np.asarray(labels)]) ** 2).sum())


# --- 목록 --------------------------------------------------------------------------------------

def _cv_hidden_cases() -> list[Case]:
    # 특성마다 척도가 제각각이고 튀는 값이 있는 무작위 데이터, 섞은 겹 3~5개, 짝수 k(동점)와 연속되지 않는 레이블
    rng = np.random.default_rng(35)
    cases = []
    for n, d, n_folds, k, labels in ((30, 2, 3, 3, (0, 1)), (40, 3, 5, 4, (2, 5, 7)), (36, 4, 4, 1, (0, 1, 2)),
                                     (50, 5, 5, 7, (1, 3)), (24, 3, 3, 2, (4, 9))):
        scales = 10.0 ** rng.integers(0, 4, d)
        X = rng.normal(size=(n, d)) * scales
        X[rng.integers(n), rng.integers(d)] += 25 * scales.max()          # 한 점이 크게 튄다
        y = np.array(labels)[(X[:, 0] / scales[0] + rng.normal(0, 0.7, n) > 0).astype(int) % len(labels)
                             + (rng.random(n) < 0.2) * (len(labels) > 2)]
        order = rng.permutation(n)
        folds = [(np.setdiff1d(order, order[i::n_folds]), order[i::n_folds]) for i in range(n_folds)]
        cases.append(Case(args=(X, y, folds, k), label=f"n={n}, 특성 {d}개, 겹 {n_folds}개, k={k}"))
    return cases


def _cv_reference(case: Case) -> float:
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.preprocessing import StandardScaler

    X, y, folds, k = case.args
    accuracies = []
    for tr, va in folds:
        scaler = StandardScaler().fit(X[tr])
        model = KNeighborsClassifier(n_neighbors=k, algorithm="brute").fit(scaler.transform(X[tr]), y[tr])
        accuracies.append(np.mean(model.predict(scaler.transform(X[va])) == y[va]))
    return float(np.mean(accuracies))


HIDDEN: dict[str, Exercise] = {
    "ch03-ex1-knn-predict": Exercise(id="ch03-ex1-knn-predict", cases=_knn_cases, run=run_knn,
                                     reference=_knn_reference, compare=compare_labels),
    "ch03-ex2-standardize": Exercise(id="ch03-ex2-standardize", cases=_standardize_cases,
                                     run=run_standardize, reference=_standardize_reference,
                                     compare=compare_standardized),
    "ch03-ex3-binary-metrics": Exercise(id="ch03-ex3-binary-metrics", cases=_metric_cases,
                                        run=run_binary_metrics, reference=_metric_reference,
                                        compare=compare_metrics),
    "ch03-ex4-kmeans/step": Exercise(id="ch03-ex4-kmeans/step", cases=_step_cases, run=run_kmeans_step,
                                     reference=_step_reference, compare=compare_kmeans_step),
    "ch03-ex4-kmeans/inertia": Exercise(id="ch03-ex4-kmeans/inertia", cases=_inertia_cases, run=run_inertia,
                                        reference=_inertia_reference,
                                        compare=lambda g, e, c: compare_arrays(g, e, rtol=1e-6, atol=1e-9,
                                                                               name="관성(inertia)")),
    "ch03-ex5-cv-accuracy": Exercise(id="ch03-ex5-cv-accuracy", cases=_cv_hidden_cases, run=run_cv_accuracy,
                                     reference=_cv_reference, compare=compare_cv_accuracy),
}
