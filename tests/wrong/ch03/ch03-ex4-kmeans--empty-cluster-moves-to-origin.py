# overrides: ch03-ex4-kmeans
# why: 합을 개수로 나눌 때 빈 군집은 0으로 두어 중심이 원점으로 간다 (unsorted_segment_mean처럼) / empty cluster jumps to the origin
def kmeans_step(X, centroids):
    """빈 군집의 중심을 0으로 만든다."""
    X, centroids = np.asarray(X, dtype=np.float64), np.asarray(centroids, dtype=np.float64)
    labels = np.argmin(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2), axis=1)
    sums = np.zeros_like(centroids)
    np.add.at(sums, labels, X)
    counts = np.bincount(labels, minlength=len(centroids))[:, None]
    return labels, sums / np.maximum(counts, 1)
