# overrides: ch04-ex2-perceptron
# why: 계단 함수를 z >= 0 에서 1로 둔다 (문제는 z > 0) / step(0) = 1 instead of 0
def train_perceptron(X, y, learning_rate=0.1, epochs=10):
    """퍼셉트론 학습 (z = 0에서 발화)."""
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(epochs):
        for x_i, target in zip(X, y):
            y_hat = 1.0 if x_i @ w + b >= 0 else 0.0
            w = w + learning_rate * (target - y_hat) * x_i
            b = b + learning_rate * (target - y_hat)
    return w, b
