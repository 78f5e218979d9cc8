# overrides: ch04-ex4-numerical-gradient
# why: 중앙 차분 대신 전향 차분 (f(x+h) − f(x)) / h 를 쓴다: 오차가 h에 비례 / forward difference, error O(h)
def numerical_gradient(f, x, h=1e-5):
    """전향 차분으로 구한 기울기."""
    grad = np.zeros_like(x, dtype=float)
    f_x = f(x)
    for idx in np.ndindex(x.shape):
        x_plus = x.copy()
        x_plus[idx] += h
        grad[idx] = (f(x_plus) - f_x) / h
    return grad
