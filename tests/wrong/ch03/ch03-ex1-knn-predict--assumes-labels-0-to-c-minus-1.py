# overrides: ch03-ex1-knn-predict
# why: 레이블이 0, 1, …, C-1이라고 가정하고 표를 세어 번호를 돌려준다 / assumes labels are 0..C-1 and returns vote indices
def knn_predict(X_train, y_train, X_test, k):
    """레이블 0..C-1을 가정한 다수결."""
    X_train, X_test, y_train = np.asarray(X_train, float), np.asarray(X_test, float), np.asarray(y_train)
    sq_dist = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    neighbour_labels = y_train[np.argsort(sq_dist, axis=1)[:, :k]]
    num_classes = len(np.unique(y_train))
    votes = np.stack([(neighbour_labels == c).sum(axis=1) for c in range(num_classes)], axis=1)
    return np.argmax(votes, axis=1)
