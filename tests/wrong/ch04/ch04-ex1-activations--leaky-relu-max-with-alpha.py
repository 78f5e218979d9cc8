# overrides: ch04-ex1-activations
# why: max(αx, x)를 max(α, x)로 잘못 옮긴다 / writes max(alpha, x) instead of max(alpha * x, x)
def leaky_relu(x, alpha=0.1):
    """Leaky ReLU (alpha에 x를 곱하지 않음)."""
    return np.maximum(alpha, x)
