# overrides: ch10-ex2-running-average
# why: α와 1 − α를 바꿔 α를 옛 추정에 곱한다 / alpha and 1 - alpha swapped
def running_estimates(xs, alpha):
    """m_k = α m_{k-1} + (1 − α) x_k."""
    means, emas = np.empty(len(xs)), np.empty(len(xs))
    mean, ema = 0.0, float(xs[0])
    for k, x in enumerate(xs, start=1):
        mean += (x - mean) / k
        if k > 1:
            ema = alpha * ema + (1 - alpha) * x
        means[k - 1], emas[k - 1] = mean, ema
    return means, emas
