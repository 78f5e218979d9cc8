# overrides: ch03-ex1-knn-predict
# why: 거리를 내림차순으로 정렬해 가장 먼 k개로 투표한다 / sorts distances descending: votes of the k farthest points
def knn_predict(X_train, y_train, X_test, k):
    """가장 먼 k개의 다수결."""
    X_train, X_test, y_train = np.asarray(X_train, float), np.asarray(X_test, float), np.asarray(y_train)
    sq_dist = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(-sq_dist, axis=1)[:, :k]
    classes = np.unique(y_train)
    votes = (y_train[nearest][:, :, None] == classes).sum(axis=1)
    return classes[np.argmax(votes, axis=1)]
