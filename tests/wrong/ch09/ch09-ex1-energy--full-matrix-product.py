# overrides: ch09-ex1-energy
# why: vᵀWh를 행마다 내적하지 않고 V W Hᵀ 전체 행렬을 만든 뒤 행 합을 내어 다른 표본의 h까지 섞는다
def energy(v, h, W, b, c):
    v, h = np.asarray(v, dtype=float), np.asarray(h, dtype=float)
    return -(v @ b) - (h @ c) - (v @ W @ h.T).sum(axis=1)
