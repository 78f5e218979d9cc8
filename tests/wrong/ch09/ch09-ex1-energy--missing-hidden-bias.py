# overrides: ch09-ex1-energy
# why: 숨은 유닛의 편향 항 −cᵀh를 빠뜨린다 / forgot the hidden bias term
def energy(v, h, W, b, c):
    v, h = np.asarray(v, dtype=float), np.asarray(h, dtype=float)
    return -(v @ b) - np.sum((v @ W) * h, axis=1)
