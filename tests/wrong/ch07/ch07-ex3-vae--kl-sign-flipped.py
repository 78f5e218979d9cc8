# overrides: ch07-ex3-vae
# why: 앞의 음수 부호를 빠뜨려 KL이 음수가 된다 / sign flipped
def kl_divergence(mu, log_var):
    """+½ Σ(1 + log σ² − μ² − σ²)."""
    return 0.5 * np.sum(1.0 + log_var - mu ** 2 - np.exp(log_var), axis=1)
