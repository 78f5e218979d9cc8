# overrides: ch08-ex3-js
# why: 합이 1이 아닌 개수를 정규화하지 않고 그대로 썼다.
def js_divergence(p, q):
    p = np.asarray(p, dtype=float)
    q = np.asarray(q, dtype=float)
    m = 0.5 * (p + q)

    def kl(a, b):
        return np.sum(np.where(a > 0, a * np.log(np.where(a > 0, a, 1.0) / np.where(a > 0, b, 1.0)), 0.0))

    return 0.5 * kl(p, m) + 0.5 * kl(q, m)
