# overrides: ch09-ex3-likelihood
# why: float32에서 log(sum(exp(−F)))를 그대로 계산해 가중치가 크면 넘친다 / overflow without logsumexp
def log_partition(W, b, c):
    W = np.asarray(W, dtype=np.float32)
    every_v = np.array(list(itertools.product([0.0, 1.0], repeat=W.shape[0])), dtype=np.float32)
    neg_free = every_v @ b + np.logaddexp(0.0, every_v @ W + c).sum(axis=1)
    with np.errstate(over="ignore"):
        return float(np.log(np.sum(np.exp(neg_free.astype(np.float32)))))
