# overrides: ch08-ex2-optimal-d
# why: 표준편차 인자를 분산으로 알고 식에 넣었다.
def optimal_discriminator(x, mu_data, sigma_data, mu_g, sigma_g):
    x = np.asarray(x, dtype=float)
    log_data = -0.5 * (x - mu_data) ** 2 / sigma_data - 0.5 * np.log(sigma_data)
    log_g = -0.5 * (x - mu_g) ** 2 / sigma_g - 0.5 * np.log(sigma_g)
    return 1.0 / (1.0 + np.exp(log_g - log_data))
