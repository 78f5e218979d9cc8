# overrides: ch05-ex4-windows
# why: many-to-many의 정답을 밀지 않아 입력을 그대로 베끼게 한다 / many-to-many target equals the input
def make_windows(series, window, horizon=1, many_to_many=False):
    """many-to-many에서 y = X."""
    series = np.asarray(series)
    if many_to_many:
        n = len(series) - window
        X = np.stack([series[i:i + window] for i in range(n)])[..., None]
        return X, X.copy()
    n = len(series) - window - horizon + 1
    X = np.stack([series[i:i + window] for i in range(n)])[..., None]
    y = np.stack([series[i + window:i + window + horizon] for i in range(n)])
    return X, y
