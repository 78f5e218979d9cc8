# overrides: ch08-ex2-optimal-d
# why: scipy.stats.norm.logpdf로 로그 밀도를 구했다: 값은 맞지만 숨은 사례의 기준과 같은 라이브러리 밀도를 부른 답이다.
def optimal_discriminator(x, mu_data, sigma_data, mu_g, sigma_g):
    from scipy.stats import norm

    t = norm.logpdf(x, mu_data, sigma_data) - norm.logpdf(x, mu_g, sigma_g)
    return 0.5 * (1.0 + np.tanh(0.5 * t))
