# overrides: ch03-ex2-standardize
# why: axis를 빠뜨려 모든 열에 같은 평균과 표준편차 하나를 쓴다 / forgot axis=0: one mean and std for the whole matrix
def standardize(X_train, X_test):
    """행렬 전체의 평균과 표준편차로 표준화한다."""
    X_train, X_test = np.asarray(X_train, dtype=np.float64), np.asarray(X_test, dtype=np.float64)
    mean, std = X_train.mean(), X_train.std()
    return (X_train - mean) / std, (X_test - mean) / std
