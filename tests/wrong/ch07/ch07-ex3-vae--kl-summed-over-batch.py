# overrides: ch07-ex3-vae
# why: 배치까지 모두 더해 스칼라 하나를 돌려준다 / sums over the batch too
def kl_divergence(mu, log_var):
    """배치 전체의 KL 합."""
    return -0.5 * np.sum(1.0 + log_var - mu ** 2 - np.exp(log_var))
