# overrides: ch01-ex4-minibatches
# why: shuffle 인자를 무시하고 늘 섞는다 / always shuffles
def minibatches(n, batch_size, shuffle=True, seed=0):
    """언제나 섞는다."""
    order = np.random.default_rng(seed).permutation(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]
