# overrides: ch04-ex1-activations
# why: x >= 0 으로 비교해 x = 0 에서 1을 준다 (TensorFlow는 0) / uses x >= 0, so relu′(0) = 1
def relu_grad(x):
    """ReLU의 도함수 (0에서 1)."""
    return (x >= 0).astype(float)
