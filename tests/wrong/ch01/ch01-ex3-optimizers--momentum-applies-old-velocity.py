# overrides: ch01-ex3-optimizers
# why: theta를 이전 스텝의 m으로 옮긴 뒤 m을 갱신한다 (한 스텝 늦음) / applies the stale velocity
def momentum_step(theta, grad, state, learning_rate=0.01, momentum=0.9):
    """모멘텀 한 스텝 (m을 갱신하기 전에 theta를 옮김)."""
    m = state.get("m", np.zeros_like(theta))
    new_theta = theta + m
    state["m"] = momentum * m - learning_rate * grad
    return new_theta
