# overrides: ch04-ex3-mlp-backprop
# why: 가중치 기울기를 Xᵀδ 대신 δᵀX 로 계산해 전치된 행렬이 된다 / computes δᵀX (transposed) instead of Xᵀδ
def mlp_forward_backward(X, y, W1, b1, W2, b2):
    """2층 MLP의 손실과 기울기 (가중치 기울기가 전치됨)."""
    hidden = 1.0 / (1.0 + np.exp(-(X @ W1 + b1)))
    y_hat = 1.0 / (1.0 + np.exp(-(hidden @ W2 + b2)))
    loss = np.mean((y_hat - y) ** 2)
    delta2 = 2.0 * (y_hat - y) / y.size * y_hat * (1.0 - y_hat)
    delta1 = (delta2 @ W2.T) * hidden * (1.0 - hidden)
    grads = {"W1": (delta1.T @ X).reshape(W1.shape), "b1": delta1.sum(axis=0),
             "W2": (delta2.T @ hidden).reshape(W2.shape), "b2": delta2.sum(axis=0)}
    return float(loss), grads
