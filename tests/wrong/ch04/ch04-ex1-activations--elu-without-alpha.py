# overrides: ch04-ex1-activations
# why: ELU의 음수 쪽에서 alpha를 곱하지 않는다 / forgets the factor alpha on the negative side
def elu(x, alpha=1.0):
    """ELU (alpha를 빠뜨림)."""
    return np.where(x > 0, x, np.expm1(np.minimum(x, 0.0)))


def elu_grad(x, alpha=1.0):
    """ELU의 도함수 (alpha를 빠뜨림)."""
    return np.where(x > 0, 1.0, np.exp(np.minimum(x, 0.0)))
