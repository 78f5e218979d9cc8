# overrides: ch02-ex4-information
# why: 자연로그 대신 log2를 써서 나트가 아니라 비트로 계산했다.
def entropy(p):
    p = np.asarray(p, dtype=np.float64)
    safe = np.where(p > 0, p, 1.0)
    return -np.sum(np.where(p > 0, p * np.log2(safe), 0.0), axis=-1)
