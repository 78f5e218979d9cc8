# overrides: ch03-ex5-cv-accuracy
# why: 검증 부분을 훈련 부분의 통계가 아니라 검증 부분 자신의 평균과 표준편차로 표준화했다.
def cv_accuracy(X, y, folds, k):
    def _knn(Xt, yt, Xq, k):
        classes = np.unique(yt)
        d = ((Xq[:, None, :] - Xt[None, :, :]) ** 2).sum(axis=-1)
        near = np.argsort(d, axis=1, kind="stable")[:, :k]
        return classes[np.argmax((yt[near][:, :, None] == classes).sum(axis=1), axis=1)]

    def _std(A, B):
        s = A.std(axis=0)
        s = np.where(s == 0, 1.0, s)
        return (A - A.mean(axis=0)) / s, (B - A.mean(axis=0)) / s

    X = np.asarray(X, dtype=np.float64)
    y = np.asarray(y)
    accuracies = []
    for tr, va in folds:
        Z_train, _ = _std(X[tr], X[tr])
        Z_val, _ = _std(X[va], X[va])
        accuracies.append(np.mean(_knn(Z_train, y[tr], Z_val, k) == y[va]))
    return float(np.mean(accuracies))
