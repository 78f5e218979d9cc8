# overrides: ch08-ex3-js
# why: 혼합 분포 M 대신 두 방향 KL의 평균 (KL(p‖q) + KL(q‖p)) / 2를 계산했다.
def js_divergence(p, q):
    p = np.asarray(p, dtype=float) / np.sum(p)
    q = np.asarray(q, dtype=float) / np.sum(q)
    eps = 1e-12
    return 0.5 * np.sum(p * np.log((p + eps) / (q + eps))) + 0.5 * np.sum(q * np.log((q + eps) / (p + eps)))
