# overrides: ch04-ex4-numerical-gradient
# why: x[i]로 첫 번째 축만 돌아 2차원 배열에서는 행 전체를 한꺼번에 움직인다 / loops over the first axis only
def numerical_gradient(f, x, h=1e-5):
    """중앙 차분 (1차원 배열만 제대로 다룸)."""
    grad = np.zeros_like(x, dtype=float)
    for i in range(len(x)):
        x_plus, x_minus = x.copy(), x.copy()
        x_plus[i] += h
        x_minus[i] -= h
        grad[i] = (f(x_plus) - f(x_minus)) / (2 * h)
    return grad
