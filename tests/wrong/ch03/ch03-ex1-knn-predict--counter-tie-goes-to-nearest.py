# overrides: ch03-ex1-knn-predict
# why: Counter.most_common(1)은 동점일 때 먼저 센(가장 가까운) 이웃의 레이블을 고른다 / ties go to the nearest neighbour's label, not the smallest
def knn_predict(X_train, y_train, X_test, k):
    """Counter로 다수결."""
    from collections import Counter

    X_train, X_test, y_train = np.asarray(X_train, float), np.asarray(X_test, float), np.asarray(y_train)
    out = []
    for x in X_test:
        order = np.argsort(((X_train - x) ** 2).sum(axis=1))[:k]
        out.append(Counter(y_train[order].tolist()).most_common(1)[0][0])
    return np.array(out)
