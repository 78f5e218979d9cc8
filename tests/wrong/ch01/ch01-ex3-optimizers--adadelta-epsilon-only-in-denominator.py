# overrides: ch01-ex3-optimizers
# why: epsilon을 분모에만 넣어 S = 0에서 시작하면 한 걸음도 움직이지 않는다 / epsilon only in the denominator: never moves
def adadelta_step(theta, grad, state, learning_rate=0.001, rho=0.95, epsilon=1e-7):
    """Adadelta 한 스텝 (epsilon을 분모에만 더함)."""
    G = state.get("G", np.zeros_like(theta))
    S = state.get("S", np.zeros_like(theta))
    G = rho * G + (1 - rho) * grad ** 2
    delta = np.sqrt(S) / np.sqrt(G + epsilon) * grad
    S = rho * S + (1 - rho) * delta ** 2
    state["G"], state["S"] = G, S
    return theta - learning_rate * delta
