# overrides: ch04-ex2-perceptron
# why: 가중치만 갱신하고 편향은 0에 그대로 둔다 / the bias is never updated
def train_perceptron(X, y, learning_rate=0.1, epochs=10):
    """퍼셉트론 학습 (편향을 갱신하지 않음)."""
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(epochs):
        for x_i, target in zip(X, y):
            y_hat = 1.0 if x_i @ w + b > 0 else 0.0
            w = w + learning_rate * (target - y_hat) * x_i
    return w, b
