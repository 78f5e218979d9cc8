# overrides: ch01-ex3-optimizers
# why: 논문 식대로 학습률을 곱하지 않는다 (Keras는 곱함) / ignores learning_rate like the paper
def adadelta_step(theta, grad, state, learning_rate=0.001, rho=0.95, epsilon=1e-7):
    """Adadelta 한 스텝 (학습률 없이 논문 식 그대로)."""
    G = state.get("G", np.zeros_like(theta))
    S = state.get("S", np.zeros_like(theta))
    G = rho * G + (1 - rho) * grad ** 2
    delta = np.sqrt(S + epsilon) / np.sqrt(G + epsilon) * grad
    S = rho * S + (1 - rho) * delta ** 2
    state["G"], state["S"] = G, S
    return theta - delta
