# overrides: ch09-ex3-likelihood
# why: 숨은 유닛의 기여를 softplus 대신 max(0, x)로 어림한다 (가장 그럴듯한 h 하나만 센다) / relu instead of softplus
def free_energy(v, W, b, c):
    v = np.asarray(v, dtype=float)
    return -(v @ b) - np.sum(np.maximum(0.0, v @ W + c), axis=1)
