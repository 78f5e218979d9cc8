# overrides: ch04-ex4-numerical-gradient
# why: x를 제자리에서 ±h 바꾸고 원래 값으로 되돌리지 않는다 / perturbs x in place and never restores it
def numerical_gradient(f, x, h=1e-5):
    """중앙 차분 (x를 되돌리지 않음)."""
    grad = np.zeros_like(x, dtype=float)
    for idx in np.ndindex(x.shape):
        x[idx] += h
        f_plus = f(x)
        x[idx] -= 2 * h
        f_minus = f(x)
        grad[idx] = (f_plus - f_minus) / (2 * h)
    return grad
