# overrides: ch09-ex2-conditional
# why: 시그모이드를 1/(1 + exp(x))로 잘못 써서 σ(−x)를 계산한다 / sign error inside the sigmoid
def p_h_given_v(v, W, c):
    x = np.asarray(v, dtype=float) @ np.asarray(W, dtype=float) + c
    return 1.0 / (1.0 + np.exp(x))
