# overrides: ch08-ex2-optimal-d
# why: 분자에 p_g를 두었다: p_g / (p_data + p_g) (가짜일 확률).
def optimal_discriminator(x, mu_data, sigma_data, mu_g, sigma_g):
    x = np.asarray(x, dtype=float)
    log_data = -0.5 * ((x - mu_data) / sigma_data) ** 2 - np.log(sigma_data)
    log_g = -0.5 * ((x - mu_g) / sigma_g) ** 2 - np.log(sigma_g)
    return 1.0 / (1.0 + np.exp(log_data - log_g))
