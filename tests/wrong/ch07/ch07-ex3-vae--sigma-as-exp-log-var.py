# overrides: ch07-ex3-vae
# why: σ 대신 분산 exp(log σ²)를 곱한다 (½을 빠뜨림) / uses the variance exp(log_var) as σ
def reparameterize(mu, log_var, eps):
    """z = mu + exp(log_var) · eps."""
    return mu + np.exp(log_var) * eps
