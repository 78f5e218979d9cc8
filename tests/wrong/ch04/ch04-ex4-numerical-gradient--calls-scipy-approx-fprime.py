# overrides: ch04-ex4-numerical-gradient
# why: scipy.optimize.approx_fprime을 불렀다 (기준 구현을 부른 답)
def numerical_gradient(f, x, h=1e-5):
    from scipy.optimize import approx_fprime
    x = np.asarray(x, dtype=np.float64)
    return approx_fprime(x.ravel(), lambda v: f(v.reshape(x.shape)), h).reshape(x.shape)
