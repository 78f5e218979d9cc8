# overrides: ch03-ex2-standardize
# why: 시험 세트를 시험 세트 자신의 평균과 표준편차로 표준화한다 / test set scaled with its own statistics
def standardize(X_train, X_test):
    """각 세트를 자기 통계로 표준화한다."""
    def scale(X):
        X = np.asarray(X, dtype=np.float64)
        std = X.std(axis=0)
        return (X - X.mean(axis=0)) / np.where(std == 0, 1.0, std)
    return scale(X_train), scale(X_test)
