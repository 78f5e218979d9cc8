# overrides: ch09-ex4-cd1
# why: 통계량에 확률 P0, P1 대신 이진 표본을 써서 (양의 단계는 H0, 음의 단계는 u_h로 다시 뽑은 H1) 약속과 다르다
def cd1_update(v0, W, b, c, u_h, u_v, learning_rate=0.1, sample=True):
    v0, W, b, c = (np.asarray(a, dtype=float) for a in (v0, W, b, c))
    sig = lambda x: 1.0 / (1.0 + np.exp(-x))  # noqa: E731
    p0 = sig(v0 @ W + c)
    h0 = (u_h < p0).astype(float) if sample else p0
    q1 = sig(h0 @ W.T + b)
    v1 = (u_v < q1).astype(float) if sample else q1
    p1 = sig(v1 @ W + c)
    h1 = (u_h < p1).astype(float) if sample else p1
    n = len(v0)
    return (W + learning_rate * (v0.T @ h0 - v1.T @ h1) / n, b + learning_rate * (v0 - v1).mean(0),
            c + learning_rate * (h0 - h1).mean(0))
