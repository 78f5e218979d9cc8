# overrides: ch01-ex3-optimizers
# why: epsilon을 제곱근 밖에 더한다 (기울기가 작을 때 드러남) / epsilon added outside the square root
def rmsprop_step(theta, grad, state, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    """RMSProp 한 스텝 (epsilon을 제곱근 밖에 더함)."""
    G = state.get("G", np.zeros_like(theta))
    G = rho * G + (1 - rho) * grad ** 2
    state["G"] = G
    return theta - learning_rate * grad / (np.sqrt(G) + epsilon)
