# overrides: ch09-ex4-cd1
# why: W += …로 입력 배열을 제자리에서 바꾼다 (호출한 쪽의 매개변수가 몰래 바뀐다) / mutates its inputs
def cd1_update(v0, W, b, c, u_h, u_v, learning_rate=0.1, sample=True):
    sig = lambda x: 1.0 / (1.0 + np.exp(-x))  # noqa: E731
    p0 = sig(v0 @ W + c)
    h0 = (u_h < p0).astype(W.dtype) if sample else p0
    q1 = sig(h0 @ W.T + b)
    v1 = (u_v < q1).astype(W.dtype) if sample else q1
    p1 = sig(v1 @ W + c)
    n = len(v0)
    W += learning_rate * (v0.T @ p0 - v1.T @ p1) / n
    b += learning_rate * (v0 - v1).mean(0)
    c += learning_rate * (p0 - p1).mean(0)
    return W, b, c
