# overrides: ch05-ex4-windows
# why: 정답을 한 칸 덜 밀어 창의 마지막 값을 맞히게 한다 (off by one) / target is the window's last value
def make_windows(series, window, horizon=1, many_to_many=False):
    """정답이 창과 겹치는 윈도."""
    series = np.asarray(series)
    if many_to_many:
        n = len(series) - window
        X = np.stack([series[i:i + window] for i in range(n)])[..., None]
        y = np.stack([series[i + 1:i + 1 + window] for i in range(n)])[..., None]
        return X, y
    n = len(series) - window - horizon + 1
    X = np.stack([series[i:i + window] for i in range(n)])[..., None]
    y = np.stack([series[i + window - 1:i + window - 1 + horizon] for i in range(n)])
    return X, y
