# replaces: ch01-ex3-optimizers
# why: 강의처럼 G_0 = 0에서 시작한다 (Keras는 0.1) / accumulator starts at 0, not initial_accumulator_value
def momentum_step(theta, grad, state, learning_rate=0.01, momentum=0.9):
    """모멘텀 한 스텝 (keras.optimizers.SGD(momentum=...)와 같은 식). 새 theta를 돌려준다."""
    m = state.get("m", np.zeros_like(theta))
    m = momentum * m - learning_rate * grad
    state["m"] = m
    return theta + m


def nag_step(theta, grad, state, learning_rate=0.01, momentum=0.9):
    """NAG 한 스텝 (SGD(momentum=..., nesterov=True)의 식). 새 theta를 돌려준다."""
    m = state.get("m", np.zeros_like(theta))
    m = momentum * m - learning_rate * grad
    state["m"] = m
    return theta + momentum * m - learning_rate * grad


def adagrad_step(theta, grad, state, learning_rate=0.001, initial_accumulator_value=0.1, epsilon=1e-7):
    """Adagrad 한 스텝 (누적값을 0에서 시작)."""
    G = state.get("G", np.zeros_like(theta))
    G = G + grad ** 2
    state["G"] = G
    return theta - learning_rate * grad / np.sqrt(G + epsilon)


def rmsprop_step(theta, grad, state, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    """RMSProp 한 스텝 (epsilon은 제곱근 안). 새 theta를 돌려준다."""
    G = state.get("G", np.zeros_like(theta))
    G = rho * G + (1 - rho) * grad ** 2
    state["G"] = G
    return theta - learning_rate * grad / np.sqrt(G + epsilon)


def adadelta_step(theta, grad, state, learning_rate=0.001, rho=0.95, epsilon=1e-7):
    """Adadelta 한 스텝 (Keras처럼 마지막에 learning_rate를 곱한다). 새 theta를 돌려준다."""
    G = state.get("G", np.zeros_like(theta))
    S = state.get("S", np.zeros_like(theta))
    G = rho * G + (1 - rho) * grad ** 2
    delta = np.sqrt(S + epsilon) / np.sqrt(G + epsilon) * grad
    S = rho * S + (1 - rho) * delta ** 2
    state["G"], state["S"] = G, S
    return theta - learning_rate * delta


def adam_step(theta, grad, state, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """Adam 한 스텝 (편향 보정을 학습률에 합친 Keras의 식). 새 theta를 돌려준다."""
    t = state.get("t", 0) + 1
    m = beta_1 * state.get("m", np.zeros_like(theta)) + (1 - beta_1) * grad
    v = beta_2 * state.get("v", np.zeros_like(theta)) + (1 - beta_2) * grad ** 2
    state["t"], state["m"], state["v"] = t, m, v
    alpha_t = learning_rate * np.sqrt(1 - beta_2 ** t) / (1 - beta_1 ** t)
    return theta - alpha_t * m / (np.sqrt(v) + epsilon)
