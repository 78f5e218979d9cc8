# overrides: ch04-ex1-activations
# why: 시그모이드의 도함수를 σ(1 − σ) 대신 σ 자체로 돌려준다 / returns σ(x) instead of σ(x)(1 − σ(x))
def sigmoid_grad(x):
    """시그모이드의 도함수 (1 − σ를 곱하지 않음)."""
    return 1.0 / (1.0 + np.exp(-x))
