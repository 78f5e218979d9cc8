# overrides: ch02-ex2-tls
# why: 가장 큰 특잇값의 특이벡터(직선의 방향)를 법선으로 착각했다: 직선에 수직인 직선이 나온다.
def tls_fit(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    _, _, vt = np.linalg.svd(np.column_stack([x - x.mean(), y - y.mean()]), full_matrices=False)
    normal = vt[0]
    slope = -normal[0] / normal[1]
    return float(slope), float(y.mean() - slope * x.mean())
