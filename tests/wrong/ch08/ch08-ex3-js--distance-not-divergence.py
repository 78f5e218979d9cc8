# overrides: ch08-ex3-js
# why: JS 발산의 제곱근인 JS 거리(scipy의 jensenshannon이 주는 값)를 돌려주었다.
def js_divergence(p, q):
    p = np.asarray(p, dtype=float) / np.sum(p)
    q = np.asarray(q, dtype=float) / np.sum(q)
    m = 0.5 * (p + q)

    def kl(a, b):
        return np.sum(np.where(a > 0, a * np.log(np.where(a > 0, a, 1.0) / np.where(a > 0, b, 1.0)), 0.0))

    return np.sqrt(0.5 * kl(p, m) + 0.5 * kl(q, m))
