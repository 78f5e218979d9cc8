# overrides: ch02-ex4-information
# why: 0 ln 0 = 0 약속을 처리하지 않아 성분이 0인 분포에서 NaN이 나온다.
def entropy(p):
    p = np.asarray(p, dtype=np.float64)
    return -np.sum(p * np.log(p), axis=-1)
