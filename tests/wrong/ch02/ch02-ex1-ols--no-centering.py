# overrides: ch02-ex1-ols
# why: 평균을 빼지 않고 sum(x*y) / sum(x*x)로 기울기를 구했다 (원점을 지나는 직선의 기울기).
def ols_fit(x, y):
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    slope = np.sum(x * y) / np.sum(x * x)
    return float(slope), float(y.mean() - slope * x.mean())
