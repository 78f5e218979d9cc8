# overrides: ch09-ex5-train
# why: 음의 단계 − 양의 단계로 빼서 가능도를 낮추는 쪽으로 간다 / positive and negative phases swapped (gradient descent on the likelihood)
def train_rbm(v_train, n_hidden, seed):
    rng = np.random.default_rng(seed)
    v_train = np.asarray(v_train, dtype=np.float64)
    n, D = v_train.shape
    sigmoid = lambda x: 1.0 / (1.0 + np.exp(-x))  # noqa: E731
    W, b, c = rng.normal(0.0, 0.01, (D, n_hidden)), np.zeros(D), np.zeros(n_hidden)
    for _ in range(150):
        order = rng.permutation(n)
        for start in range(0, n - 19, 20):
            v0 = v_train[order[start:start + 20]]
            p0 = sigmoid(v0 @ W + c)
            h0 = (rng.random(p0.shape) < p0).astype(float)
            v1 = (rng.random(v0.shape) < sigmoid(h0 @ W.T + b)).astype(float)
            p1 = sigmoid(v1 @ W + c)
            W = W + 0.1 * (v1.T @ p1 - v0.T @ p0) / 20
            b = b + 0.1 * (v1 - v0).mean(axis=0)
            c = c + 0.1 * (p1 - p0).mean(axis=0)
    return W, b, c
