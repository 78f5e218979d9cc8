# overrides: ch02-ex3-logistic-step
# why: 가중치만 갱신하고 편향은 그대로 돌려주었다.
def logistic_step(w, b, X, y, learning_rate):
    p = 1.0 / (1.0 + np.exp(-(X @ w + b)))
    loss = -np.mean(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
    return w - learning_rate * X.T @ (p - y) / len(y), b, float(loss)
