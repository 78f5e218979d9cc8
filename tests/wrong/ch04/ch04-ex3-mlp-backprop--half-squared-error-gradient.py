# overrides: ch04-ex3-mlp-backprop
# why: ½(ŷ − y)² 의 미분을 써서 인수 2를 빠뜨린다 (손실은 평균 제곱 오차) / drops the factor 2 of the MSE derivative
def mlp_forward_backward(X, y, W1, b1, W2, b2):
    """2층 MLP의 손실과 기울기 (인수 2를 빠뜨림)."""
    hidden = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
    y_hat = 1.0 / (1.0 + np.exp(-(hidden @ W2 + b2)))
    loss = np.mean((y_hat - y) ** 2)
    delta2 = (y_hat - y) / y.size * y_hat * (1.0 - y_hat)
    delta1 = (delta2 @ W2.T) * hidden * (1.0 - hidden)
    grads = {"W1": X.T @ delta1, "b1": delta1.sum(axis=0), "W2": hidden.T @ delta2, "b2": delta2.sum(axis=0)}
    return float(loss), grads
