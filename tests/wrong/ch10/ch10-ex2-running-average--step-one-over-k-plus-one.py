# overrides: ch10-ex2-running-average
# why: 0부터 센 번호에 1을 더하는 것을 한 번 더 해 걸음을 1/(k+1)로 쓴다 / off-by-one step size
def running_estimates(xs, alpha):
    """평균의 걸음이 1/(k+1)."""
    means, emas = np.empty(len(xs)), np.empty(len(xs))
    mean, ema = float(xs[0]), float(xs[0])
    for k, x in enumerate(xs, start=1):
        if k > 1:
            mean += (x - mean) / (k + 1)
            ema += alpha * (x - ema)
        means[k - 1], emas[k - 1] = mean, ema
    return means, emas
