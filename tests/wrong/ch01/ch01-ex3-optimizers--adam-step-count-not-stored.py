# overrides: ch01-ex3-optimizers
# why: 스텝 번호 t를 state에 저장하지 않아 늘 t = 1로 보정한다 / step count never advances
def adam_step(theta, grad, state, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """Adam 한 스텝 (t를 저장하지 않음)."""
    t = state.get("t", 0) + 1
    m = beta_1 * state.get("m", np.zeros_like(theta)) + (1 - beta_1) * grad
    v = beta_2 * state.get("v", np.zeros_like(theta)) + (1 - beta_2) * grad ** 2
    state["m"], state["v"] = m, v
    alpha_t = learning_rate * np.sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)
    return theta - alpha_t * m / (np.sqrt(v) + epsilon)
