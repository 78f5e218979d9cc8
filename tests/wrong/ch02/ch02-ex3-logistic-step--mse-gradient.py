# overrides: ch02-ex3-logistic-step
# why: 시그모이드의 도함수 p(1 - p)를 한 번 더 곱했다 (제곱 오차의 기울기 모양).
def logistic_step(w, b, X, y, learning_rate):
    p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
    error = (p - y) * p * (1.0 - p)
    return w - learning_rate * X.T @ error / len(y), b - learning_rate * np.mean(error), float(loss)
