# overrides: ch01-ex4-minibatches
# why: np.random.seed와 전역 permutation을 써서 순서가 다르다 / legacy global RNG gives another order
def minibatches(n, batch_size, shuffle=True, seed=0):
    """전역 난수 생성기로 섞는다."""
    if shuffle:
        np.random.seed(seed)
        order = np.random.permutation(n)
    else:
        order = np.arange(n)
    return [order[i:i + batch_size] for i in range(0, n, batch_size)]
