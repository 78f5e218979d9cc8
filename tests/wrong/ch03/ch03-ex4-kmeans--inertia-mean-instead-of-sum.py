# overrides: ch03-ex4-kmeans
# why: 제곱 거리를 더하지 않고 평균한다 / mean of squared distances instead of the sum
def inertia(X, centroids, labels):
    """제곱 거리의 평균."""
    X, centroids = np.asarray(X, dtype=np.float64), np.asarray(centroids, dtype=np.float64)
    return float(((X - centroids[np.asarray(labels)]) ** 2).sum(axis=1).mean())
