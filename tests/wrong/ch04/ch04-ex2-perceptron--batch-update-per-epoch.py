# overrides: ch04-ex2-perceptron
# why: 에포크 동안 오차를 모았다가 끝에 한 번 갱신한다 (샘플마다 바로 갱신해야 한다) / one batch update per epoch
def train_perceptron(X, y, learning_rate=0.1, epochs=10):
    """퍼셉트론 학습 (에포크마다 한 번에 갱신)."""
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(epochs):
        y_hat = (X @ w + b > 0).astype(float)
        error = y - y_hat
        w = w + learning_rate * error @ X
        b = b + learning_rate * error.sum()
    return w, b
