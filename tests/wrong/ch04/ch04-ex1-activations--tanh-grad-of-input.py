# overrides: ch04-ex1-activations
# why: tanh′ = 1 − tanh² 를 1 − x² 로 잘못 옮긴다 / uses 1 − x² instead of 1 − tanh(x)²
def tanh_grad(x):
    """tanh의 도함수 (tanh를 빠뜨림)."""
    return 1.0 - x ** 2
