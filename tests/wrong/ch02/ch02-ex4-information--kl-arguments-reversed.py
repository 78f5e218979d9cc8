# overrides: ch02-ex4-information
# why: KL(p‖q) 대신 KL(q‖p)를 계산했다 (KL 발산은 대칭이 아니다).
def kl_divergence(p, q):
    p = np.asarray(p, dtype=np.float64)
    q = np.asarray(q, dtype=np.float64)
    return np.sum(q * np.log(q / p), axis=-1)
