# overrides: ch04-ex3-mlp-backprop
# why: 은닉층에서 σ′(z) 대신 σ(z)를 곱한다 / multiplies by σ(z) instead of σ(z)(1 − σ(z)) in the hidden layer
def mlp_forward_backward(X, y, W1, b1, W2, b2):
    """2층 MLP의 손실과 기울기 (은닉층 도함수가 틀림)."""
    hidden = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
    y_hat = 1.0 / (1.0 + np.exp(-(hidden @ W2 + b2)))
    loss = np.mean((y_hat - y) ** 2)
    delta2 = 2.0 * (y_hat - y) / y.size * y_hat * (1.0 - y_hat)
    delta1 = (delta2 @ W2.T) * hidden
    grads = {"W1": X.T @ delta1, "b1": delta1.sum(axis=0), "W2": hidden.T @ delta2, "b2": delta2.sum(axis=0)}
    return float(loss), grads
