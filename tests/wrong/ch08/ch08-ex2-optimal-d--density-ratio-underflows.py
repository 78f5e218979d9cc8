# overrides: ch08-ex2-optimal-d
# why: 밀도를 그대로 계산해 나누었다: 먼 꼬리에서 0/0 = nan이 된다.
def optimal_discriminator(x, mu_data, sigma_data, mu_g, sigma_g):
    x = np.asarray(x, dtype=float)
    p_data = np.exp(-0.5 * ((x - mu_data) / sigma_data) ** 2) / (sigma_data * np.sqrt(2 * np.pi))
    p_g = np.exp(-0.5 * ((x - mu_g) / sigma_g) ** 2) / (sigma_g * np.sqrt(2 * np.pi))
    with np.errstate(invalid="ignore"):
        return p_data / (p_data + p_g)
