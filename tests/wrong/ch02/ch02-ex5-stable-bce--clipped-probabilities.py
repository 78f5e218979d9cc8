# overrides: ch02-ex5-stable-bce
# why: 시그모이드 확률을 [1e-7, 1 - 1e-7]로 잘라 log(0)만 피했다: 큰 로짓에서 손실이 약 16.1에 묶인다.
def bce_from_logits(y, z):
    y = np.asarray(y, dtype=np.float64)
    p = np.clip(1.0 / (1.0 + np.exp(-np.asarray(z, dtype=np.float64))), 1e-7, 1 - 1e-7)
    return -(y * np.log(p) + (1.0 - y) * np.log(1.0 - p))
