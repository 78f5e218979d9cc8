# overrides: ch03-ex2-standardize
# why: 표본 표준편차(ddof=1, pandas의 기본값)로 나눈다 / divides by the sample standard deviation (ddof=1)
def standardize(X_train, X_test):
    """ddof=1 표준편차로 표준화한다."""
    X_train, X_test = np.asarray(X_train, dtype=np.float64), np.asarray(X_test, dtype=np.float64)
    mean, std = X_train.mean(axis=0), X_train.std(axis=0, ddof=1)
    std = np.where(std == 0, 1.0, std)
    return (X_train - mean) / std, (X_test - mean) / std
