# overrides: ch01-ex3-optimizers
# why: 학습률과 모멘텀을 0.01, 0.9로 박아 넣어 인자를 무시한다 / ignores its keyword arguments
def momentum_step(theta, grad, state, learning_rate=0.01, momentum=0.9):
    """모멘텀 한 스텝 (인자를 무시하고 기본값을 씀)."""
    m = state.get("m", np.zeros_like(theta))
    m = 0.9 * m - 0.01 * grad
    state["m"] = m
    return theta + m
