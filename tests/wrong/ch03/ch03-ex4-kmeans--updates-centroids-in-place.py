# overrides: ch03-ex4-kmeans
# why: 복사하지 않고 입력 centroids의 행을 제자리에서 고쳐 호출한 쪽의 배열이 바뀐다 / mutates the caller's centroids
def kmeans_step(X, centroids):
    """입력 배열을 고쳐서 돌려준다."""
    X, centroids = np.asarray(X, dtype=np.float64), np.asarray(centroids, dtype=np.float64)
    labels = np.argmin(((X[:, None, :] - centroids[None, :, :]) ** 2).sum(axis=2), axis=1)
    for j in range(len(centroids)):
        if np.any(labels == j):
            centroids[j] = X[labels == j].mean(axis=0)
    return labels, centroids
