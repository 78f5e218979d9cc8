# overrides: ch01-ex3-optimizers
# why: 상태를 state 대신 전역 변수에 둔다 (문제 두 개를 번갈아 풀면 섞임) / keeps its accumulator in a global
_rmsprop_G = {}


def rmsprop_step(theta, grad, state, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    """RMSProp 한 스텝 (누적값을 전역 dict에 보관)."""
    if not state:
        state["started"] = True
        _rmsprop_G["G"] = np.zeros_like(theta)
    _rmsprop_G["G"] = rho * _rmsprop_G["G"] + (1 - rho) * grad ** 2
    return theta - learning_rate * grad / np.sqrt(_rmsprop_G["G"] + epsilon)
