# overrides: ch02-ex1-ols
# why: 분모에 x 대신 y의 제곱합을 써서 x를 y로 회귀한 기울기(S_xy / S_yy)를 구했다.
def ols_fit(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    dx, dy = x - x.mean(), y - y.mean()
    slope = np.sum(dx * dy) / np.sum(dy * dy)
    return float(slope), float(y.mean() - slope * x.mean())
