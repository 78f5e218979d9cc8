# overrides: ch01-ex3-optimizers
# why: 강의처럼 G_0 = 0에서 시작한다 (Keras는 0.1) / accumulator starts at 0, not initial_accumulator_value
def adagrad_step(theta, grad, state, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7):
    """Adagrad 한 스텝 (누적값을 0에서 시작)."""
    G = state.get("G", np.zeros_like(theta))
    G = G + grad ** 2
    state["G"] = G
    return theta - learning_rate * grad / np.sqrt(G + epsilon)
