# overrides: ch04-ex1-activations
# why: 지수의 부호를 빠뜨려 1 / (1 + e^x), 곧 σ(−x)를 계산한다 / computes 1 / (1 + e^x) = σ(−x)
def sigmoid(x):
    """시그모이드 (지수의 부호가 틀림)."""
    return 1.0 / (1.0 + np.exp(x))
