# overrides: ch01-ex4-minibatches
# why: 나누어떨어지지 않는 마지막 묶음을 버린다 / drops the last partial batch
def minibatches(n, batch_size, shuffle=True, seed=0):
    """꽉 찬 묶음만 돌려준다."""
    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)
    return [order[i:i + batch_size] for i in range(0, n - batch_size + 1, batch_size)]
