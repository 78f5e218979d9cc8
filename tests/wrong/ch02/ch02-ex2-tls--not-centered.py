# overrides: ch02-ex2-tls
# why: 평균을 빼지 않은 (x, y) 행렬의 SVD를 써서 원점을 지나는 방향을 구했다.
def tls_fit(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    _, _, vt = np.linalg.svd(np.column_stack([x, y]), full_matrices=False)
    normal = vt[-1]
    slope = -normal[0] / normal[1]
    return float(slope), float(y.mean() - slope * x.mean())
