# overrides: ch08-ex3-js
# why: 입력 배열을 제자리에서 나누어 정규화해, 부른 쪽의 히스토그램이 바뀐다.
def js_divergence(p, q):
    p /= np.sum(p)
    q /= np.sum(q)
    m = 0.5 * (p + q)

    def kl(a, b):
        return np.sum(np.where(a > 0, a * np.log(np.where(a > 0, a, 1.0) / np.where(a > 0, b, 1.0)), 0.0))

    return 0.5 * kl(p, m) + 0.5 * kl(q, m)
