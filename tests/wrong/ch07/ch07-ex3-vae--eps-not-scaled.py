# overrides: ch07-ex3-vae
# why: ε에 σ를 곱하지 않는다 / adds eps without scaling by sigma
def reparameterize(mu, log_var, eps):
    """z = mu + eps."""
    return mu + eps
