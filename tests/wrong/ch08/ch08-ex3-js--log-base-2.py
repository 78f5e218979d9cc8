# overrides: ch08-ex3-js
# why: 자연로그 대신 밑이 2인 로그를 썼다 (비트 단위, 최댓값이 1).
def js_divergence(p, q):
    p = np.asarray(p, dtype=float) / np.sum(p)
    q = np.asarray(q, dtype=float) / np.sum(q)
    m = 0.5 * (p + q)

    def kl(a, b):
        return np.sum(np.where(a > 0, a * np.log2(np.where(a > 0, a, 1.0) / np.where(a > 0, b, 1.0)), 0.0))

    return 0.5 * kl(p, m) + 0.5 * kl(q, m)
