# overrides: ch09-ex5-train
# why: 올바른 CD-1이지만 에포크 하나(갱신 25번)에서 멈춘다: 은닉 유닛이 원형을 나누어 맡기 전이다 / correct CD-1 stopped after one epoch
def train_rbm(v_train, n_hidden, seed):
    rng = np.random.default_rng(seed)
    v_train = np.asarray(v_train, dtype=np.float64)
    n, D = v_train.shape
    sigmoid = lambda x: 1.0 / (1.0 + np.exp(-x))  # noqa: E731
    W = rng.normal(0.0, 0.01, (D, n_hidden))
    on_rate = v_train.mean(axis=0).clip(0.01, 0.99)
    b, c = np.log(on_rate / (1.0 - on_rate)), np.zeros(n_hidden)
    order = rng.permutation(n)
    for start in range(0, n - 19, 20):
        v0 = v_train[order[start:start + 20]]
        p0 = sigmoid(v0 @ W + c)
        h0 = (rng.random(p0.shape) < p0).astype(float)
        v1 = (rng.random(v0.shape) < sigmoid(h0 @ W.T + b)).astype(float)
        p1 = sigmoid(v1 @ W + c)
        W = W + 0.1 * (v0.T @ p0 - v1.T @ p1) / 20
        b = b + 0.1 * (v0 - v1).mean(axis=0)
        c = c + 0.1 * (p0 - p1).mean(axis=0)
    return W, b, c
