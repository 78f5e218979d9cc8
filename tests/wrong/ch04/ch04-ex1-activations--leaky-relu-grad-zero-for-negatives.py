# overrides: ch04-ex1-activations
# why: ReLU의 도함수를 그대로 써서 음수 쪽 기울기 alpha를 빠뜨린다 / negative side slope 0 instead of alpha
def leaky_relu_grad(x, alpha=0.1):
    """Leaky ReLU의 도함수 (음수 쪽이 0)."""
    return np.where(x > 0, 1.0, 0.0)
