# overrides: ch08-ex2-optimal-d
# why: 정규 분포 밀도의 1/σ를 빠뜨리고 지수 부분만 비교했다 (표준편차가 다르면 틀린다).
def optimal_discriminator(x, mu_data, sigma_data, mu_g, sigma_g):
    x = np.asarray(x, dtype=float)
    log_data = -0.5 * ((x - mu_data) / sigma_data) ** 2
    log_g = -0.5 * ((x - mu_g) / sigma_g) ** 2
    return 1.0 / (1.0 + np.exp(log_g - log_data))
