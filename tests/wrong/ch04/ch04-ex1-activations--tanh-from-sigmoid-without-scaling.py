# overrides: ch04-ex1-activations
# why: tanh x = 2σ(2x) − 1 에서 입력의 2배를 빠뜨려 2σ(x) − 1 = tanh(x/2)를 돌려준다 / returns 2σ(x) − 1 = tanh(x/2)
def tanh(x):
    """시그모이드로 만든 tanh (입력을 두 배 하지 않음)."""
    return 2.0 / (1.0 + np.exp(-x)) - 1.0
