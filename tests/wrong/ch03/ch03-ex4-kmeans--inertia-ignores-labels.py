# overrides: ch03-ex4-kmeans
# why: labels를 쓰지 않고 점마다 가장 가까운 중심까지의 제곱 거리를 더한다 / ignores the given labels (uses the nearest centroid)
def inertia(X, centroids, labels):
    """가장 가까운 중심까지의 제곱 거리의 합."""
    X, centroids = np.asarray(X, dtype=np.float64), np.asarray(centroids, dtype=np.float64)
    return float(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2).min(axis=1).sum())
