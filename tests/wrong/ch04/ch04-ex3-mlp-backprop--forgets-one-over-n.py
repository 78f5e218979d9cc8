# overrides: ch04-ex3-mlp-backprop
# why: 손실은 평균인데 기울기에서 1/(n·m)을 빠뜨려 합의 기울기가 된다 / gradients of the sum, not of the mean
def mlp_forward_backward(X, y, W1, b1, W2, b2):
    """2층 MLP의 손실과 기울기 (1/n을 빠뜨림)."""
    hidden = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
    y_hat = 1.0 / (1.0 + np.exp(-(hidden @ W2 + b2)))
    loss = np.mean((y_hat - y) ** 2)
    delta2 = 2.0 * (y_hat - y) * y_hat * (1.0 - y_hat)
    delta1 = (delta2 @ W2.T) * hidden * (1.0 - hidden)
    grads = {"W1": X.T @ delta1, "b1": delta1.sum(axis=0), "W2": hidden.T @ delta2, "b2": delta2.sum(axis=0)}
    return float(loss), grads
