# overrides: ch09-ex3-likelihood
# why: 보이는 편향 항의 부호를 바꾸어 +bᵀv를 쓴다 / visible bias with the wrong sign
def free_energy(v, W, b, c):
    v = np.asarray(v, dtype=float)
    return (v @ b) - np.sum(np.logaddexp(0.0, v @ W + c), axis=1)
