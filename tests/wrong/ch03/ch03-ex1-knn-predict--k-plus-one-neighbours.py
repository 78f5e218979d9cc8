# overrides: ch03-ex1-knn-predict
# why: 정렬한 뒤 [:k + 1]로 잘라 이웃을 하나 더 센다 (자기 자신을 빼야 한다고 착각) / off by one: k + 1 neighbours
def knn_predict(X_train, y_train, X_test, k):
    """k + 1개의 다수결."""
    X_train, X_test, y_train = np.asarray(X_train, float), np.asarray(X_test, float), np.asarray(y_train)
    sq_dist = ((X_test[:, None, :] - X_train[None, :, :]) ** 2).sum(axis=2)
    nearest = np.argsort(sq_dist, axis=1)[:, :k + 1]
    classes = np.unique(y_train)
    votes = (y_train[nearest][:, :, None] == classes).sum(axis=1)
    return classes[np.argmax(votes, axis=1)]
