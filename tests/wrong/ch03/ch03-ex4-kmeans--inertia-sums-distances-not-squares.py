# overrides: ch03-ex4-kmeans
# why: 제곱 거리 대신 거리(제곱근)를 더한다 / sums distances instead of squared distances
def inertia(X, centroids, labels):
    """거리의 합."""
    X, centroids = np.asarray(X, dtype=np.float64), np.asarray(centroids, dtype=np.float64)
    return float(np.sqrt(((X - centroids[np.asarray(labels)]) ** 2).sum(axis=1)).sum())
