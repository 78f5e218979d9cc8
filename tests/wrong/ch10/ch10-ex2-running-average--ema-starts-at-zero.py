# overrides: ch10-ex2-running-average
# why: EMA를 첫 값이 아니라 0에서 시작한다 (Adam의 m처럼) / EMA initialised at 0 instead of x_1
def running_estimates(xs, alpha):
    """EMA를 0에서 시작한다."""
    means, emas = np.empty(len(xs)), np.empty(len(xs))
    mean, ema = 0.0, 0.0
    for k, x in enumerate(xs, start=1):
        mean += (x - mean) / k
        ema += alpha * (x - ema)
        means[k - 1], emas[k - 1] = mean, ema
    return means, emas
