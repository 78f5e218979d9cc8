# overrides: ch09-ex4-cd1
# why: sample=True인데도 재구성에 숨은 표본 H0 대신 확률 P0을 넣는다 / reconstructs from probabilities, not samples
def cd1_update(v0, W, b, c, u_h, u_v, learning_rate=0.1, sample=True):
    v0, W, b, c = (np.asarray(a, dtype=float) for a in (v0, W, b, c))
    sig = lambda x: 1.0 / (1.0 + np.exp(-x))  # noqa: E731
    p0 = sig(v0 @ W + c)
    q1 = sig(p0 @ W.T + b)
    v1 = (u_v < q1).astype(float) if sample else q1
    p1 = sig(v1 @ W + c)
    n = len(v0)
    return (W + learning_rate * (v0.T @ p0 - v1.T @ p1) / n, b + learning_rate * (v0 - v1).mean(0),
            c + learning_rate * (p0 - p1).mean(0))
