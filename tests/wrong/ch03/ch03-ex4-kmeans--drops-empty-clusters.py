# overrides: ch03-ex4-kmeans
# why: 점이 배정된 군집의 평균만 모아 빈 군집의 중심을 버린다 / empty clusters are dropped
def kmeans_step(X, centroids):
    """배정된 점이 있는 군집의 중심만 돌려준다."""
    X, centroids = np.asarray(X, dtype=np.float64), np.asarray(centroids, dtype=np.float64)
    labels = np.argmin(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2), axis=1)
    return labels, np.array([X[labels == j].mean(axis=0) for j in np.unique(labels)])
