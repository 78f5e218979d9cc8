# overrides: ch01-ex3-optimizers
# why: 강의(논문) 식: epsilon을 보정한 sqrt(v_hat)에 더한다; 기울기가 작을 때 Keras와 다르다 / paper form of epsilon
def adam_step(theta, grad, state, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """Adam 한 스텝 (논문의 m_hat, v_hat 식)."""
    t = state.get("t", 0) + 1
    m = beta_1 * state.get("m", np.zeros_like(theta)) + (1 - beta_1) * grad
    v = beta_2 * state.get("v", np.zeros_like(theta)) + (1 - beta_2) * grad ** 2
    state["t"], state["m"], state["v"] = t, m, v
    m_hat = m / (1 - beta_1 ** t)
    v_hat = v / (1 - beta_2 ** t)
    return theta - learning_rate * m_hat / (np.sqrt(v_hat) + epsilon)
