# overrides: ch07-ex3-vae
# why: ½을 빠뜨린다 / forgets the factor one half
def kl_divergence(mu, log_var):
    """−Σ(1 + log σ² − μ² − σ²)."""
    return -np.sum(1.0 + log_var - mu ** 2 - np.exp(log_var), axis=1)
