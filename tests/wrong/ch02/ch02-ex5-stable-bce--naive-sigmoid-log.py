# overrides: ch02-ex5-stable-bce
# why: 확률을 먼저 구하고 로그를 취하는 교과서 식 그대로: 로짓이 크면 log(0)으로 무한대나 NaN이 나온다.
def bce_from_logits(y, z):
    y = np.asarray(y, dtype=np.float64)
    p = 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64)))
    return -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
