# overrides: ch03-ex4-kmeans
# why: 가장 가까운 중심을 sklearn.metrics.pairwise_distances_argmin으로 찾았다 (기준 구현을 부른 답)
def inertia(X, centroids, labels):
    from sklearn.metrics import pairwise_distances
    d = pairwise_distances(np.asarray(X, dtype=np.float64), np.asarray(centroids, dtype=np.float64)) ** 2
    return float(d[np.arange(len(d)), np.asarray(labels)].sum())
