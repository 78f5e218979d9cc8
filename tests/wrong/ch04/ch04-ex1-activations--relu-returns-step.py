# overrides: ch04-ex1-activations
# why: ReLU와 그 도함수를 헷갈려 양수에서 x 대신 1을 돌려준다 / returns the step function instead of max(0, x)
def relu(x):
    """ReLU (계단 함수로 잘못 씀)."""
    return np.where(x > 0, 1.0, 0.0)
