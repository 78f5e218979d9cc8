# overrides: ch02-ex1-ols
# why: 설계 행렬을 [1, x] 순서로 만든 lstsq의 결과 (절편, 기울기)를 순서를 바꾸지 않고 돌려주었다.
def ols_fit(x, y):
    x = np.asarray(x, dtype=np.float64)
    design = np.column_stack([np.ones_like(x), x])
    theta, *_ = np.linalg.lstsq(design, np.asarray(y, dtype=np.float64), rcond=None)
    return float(theta[0]), float(theta[1])
