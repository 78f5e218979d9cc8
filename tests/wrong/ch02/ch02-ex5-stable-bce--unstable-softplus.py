# overrides: ch02-ex5-stable-bce
# why: log(1 + e^z) - y z로 정리는 했지만 e^z를 그대로 계산해 z가 700을 넘으면 넘친다.
def bce_from_logits(y, z):
    y = np.asarray(y, dtype=np.float64)
    z = np.asarray(z, dtype=np.float64)
    return np.log1p(np.exp(z)) - y * z
