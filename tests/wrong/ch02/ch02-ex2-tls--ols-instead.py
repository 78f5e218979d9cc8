# overrides: ch02-ex2-tls
# why: 수직 거리 대신 세로 거리를 줄이는 보통 최소제곱(np.polyfit)으로 답했다.
def tls_fit(x, y):
    slope, intercept = np.polyfit(np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64), 1)
    return float(slope), float(intercept)
