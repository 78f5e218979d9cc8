# overrides: ch04-ex2-perceptron
# why: 조건을 거꾸로 써서 맞힌 샘플에서만 갱신하려 한다 (그래서 전혀 배우지 않는다) / updates only on correct predictions
def train_perceptron(X, y, learning_rate=0.1, epochs=10):
    """퍼셉트론 학습 (맞혔을 때만 갱신)."""
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(epochs):
        for x_i, target in zip(X, y):
            y_hat = 1.0 if x_i @ w + b > 0 else 0.0
            if y_hat == target:
                w = w + learning_rate * (target - y_hat) * x_i
                b = b + learning_rate * (target - y_hat)
    return w, b
