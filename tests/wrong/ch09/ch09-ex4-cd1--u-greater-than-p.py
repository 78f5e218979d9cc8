# overrides: ch09-ex4-cd1
# why: 표본을 u > p 일 때 1로 만든다 (약속은 u < p) / sampling comparison reversed
def cd1_update(v0, W, b, c, u_h, u_v, learning_rate=0.1, sample=True):
    v0, W, b, c = (np.asarray(a, dtype=float) for a in (v0, W, b, c))
    sig = lambda x: 1.0 / (1.0 + np.exp(-x))  # noqa: E731
    p0 = sig(v0 @ W + c)
    h0 = (u_h > p0).astype(float) if sample else p0
    q1 = sig(h0 @ W.T + b)
    v1 = (u_v > q1).astype(float) if sample else q1
    p1 = sig(v1 @ W + c)
    n = len(v0)
    return (W + learning_rate * (v0.T @ p0 - v1.T @ p1) / n, b + learning_rate * (v0 - v1).mean(0),
            c + learning_rate * (p0 - p1).mean(0))
