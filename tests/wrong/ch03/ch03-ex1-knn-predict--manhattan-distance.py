# overrides: ch03-ex1-knn-predict
# why: 유클리드 거리 대신 맨해튼 거리(절댓값의 합)로 이웃을 고른다 / Manhattan instead of Euclidean distance
def knn_predict(X_train, y_train, X_test, k):
    """맨해튼 거리의 k-최근접 이웃."""
    X_train, X_test, y_train = np.asarray(X_train, float), np.asarray(X_test, float), np.asarray(y_train)
    dist = np.abs(X_test[:, None, :] - X_train[None, :, :]).sum(axis=2)
    nearest = np.argsort(dist, axis=1)[:, :k]
    classes = np.unique(y_train)
    votes = (y_train[nearest][:, :, None] == classes).sum(axis=1)
    return classes[np.argmax(votes, axis=1)]
