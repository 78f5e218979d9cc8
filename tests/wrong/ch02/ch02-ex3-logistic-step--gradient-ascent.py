# overrides: ch02-ex3-logistic-step
# why: 기울기의 부호를 거꾸로 써서 (y - p) 방향으로 빼는 바람에 손실이 커지는 쪽으로 갔다.
def logistic_step(w, b, X, y, learning_rate):
    p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
    error = y - p
    return w - learning_rate * X.T @ error / len(y), b - learning_rate * np.mean(error), float(loss)
