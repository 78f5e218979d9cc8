# overrides: ch01-ex3-optimizers
# why: 편향 보정을 빠뜨린다 / no bias correction
def adam_step(theta, grad, state, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """Adam 한 스텝 (편향 보정 없음)."""
    m = beta_1 * state.get("m", np.zeros_like(theta)) + (1 - beta_1) * grad
    v = beta_2 * state.get("v", np.zeros_like(theta)) + (1 - beta_2) * grad ** 2
    state["m"], state["v"] = m, v
    return theta - learning_rate * m / (np.sqrt(v) + epsilon)
