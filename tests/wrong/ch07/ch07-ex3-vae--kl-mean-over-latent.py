# overrides: ch07-ex3-vae
# why: 잠재 차원에 대해 더하지 않고 평균을 낸다 / averages over latent dimensions instead of summing
def kl_divergence(mu, log_var):
    """잠재 차원 평균."""
    return -0.5 * np.mean(1.0 + log_var - mu ** 2 - np.exp(log_var), axis=1)
