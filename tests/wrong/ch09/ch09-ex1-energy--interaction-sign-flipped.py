# overrides: ch09-ex1-energy
# why: 상호작용 항의 부호를 거꾸로 써서 −vᵀWh 대신 +vᵀWh를 더한다 / interaction term has the wrong sign
def energy(v, h, W, b, c):
    v, h = np.asarray(v, dtype=float), np.asarray(h, dtype=float)
    return -(v @ b) - (h @ c) + np.sum((v @ W) * h, axis=1)
