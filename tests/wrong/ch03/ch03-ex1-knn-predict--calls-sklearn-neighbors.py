# overrides: ch03-ex1-knn-predict
# why: scikit-learn의 KNeighborsClassifier를 불렀다 (기준 구현을 부른 답)
def knn_predict(X_train, y_train, X_test, k):
    from sklearn.neighbors import KNeighborsClassifier
    return KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train).predict(X_test)
