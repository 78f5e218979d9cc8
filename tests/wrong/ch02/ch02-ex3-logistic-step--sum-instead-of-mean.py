# overrides: ch02-ex3-logistic-step
# why: 손실은 평균인데 기울기에서 1/n을 빠뜨렸다 (합의 기울기).
def logistic_step(w, b, X, y, learning_rate):
    p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
    error = p - y
    return w - learning_rate * X.T @ error, b - learning_rate * np.sum(error), float(loss)
