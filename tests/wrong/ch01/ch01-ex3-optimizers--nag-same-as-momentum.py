# overrides: ch01-ex3-optimizers
# why: NAG인데 모멘텀과 같이 theta + m으로 갱신한다 / NAG implemented as plain momentum
def nag_step(theta, grad, state, learning_rate=0.01, momentum=0.9):
    """NAG 한 스텝 (실수로 모멘텀과 같은 갱신)."""
    m = state.get("m", np.zeros_like(theta))
    m = momentum * m - learning_rate * grad
    state["m"] = m
    return theta + m
