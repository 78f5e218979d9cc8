# overrides: ch05-ex4-windows
# why: range의 끝을 하나 적게 잡아 마지막 창을 버린다 / drops the last window (n − 1 samples)
def make_windows(series, window, horizon=1, many_to_many=False):
    """샘플 수를 하나 적게 만든다."""
    series = np.asarray(series)
    if many_to_many:
        n = len(series) - window - 1
        X = np.stack([series[i:i + window] for i in range(n)])[..., None]
        y = np.stack([series[i + 1:i + 1 + window] for i in range(n)])[..., None]
        return X, y
    n = len(series) - window - horizon
    X = np.stack([series[i:i + window] for i in range(n)])[..., None]
    y = np.stack([series[i + window:i + window + horizon] for i in range(n)])
    return X, y
