# overrides: ch04-ex4-numerical-gradient
# why: 두 점 사이의 거리는 2h인데 h로 나눈다 / divides the central difference by h instead of 2h
def numerical_gradient(f, x, h=1e-5):
    """중앙 차분 (2h 대신 h로 나눔)."""
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[idx] += h
        x_minus[idx] -= h
        grad[idx] = (f(x_plus) - f(x_minus)) / h
    return grad
