# overrides: ch05-ex3-gru-step
# why: 원 논문(reset_after=False)의 식 (r ⊙ h) R_h 를 쓴다 / uses the reset_after=False candidate
def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    """리셋 게이트를 행렬 곱 전에 곱하는 GRU (편향 두 벌은 더해 쓴다)."""
    u = h_prev.shape[1]
    a = x_t @ kernel + bias[0]
    m = h_prev @ recurrent_kernel[:, :2 * u] + bias[1, :2 * u]
    z = 1.0 / (1.0 + np.exp(-(a[:, :u] + m[:, :u])))
    r = 1.0 / (1.0 + np.exp(-(a[:, u:2 * u] + m[:, u:])))
    h_tilde = np.tanh(a[:, 2 * u:] + (r * h_prev) @ recurrent_kernel[:, 2 * u:] + bias[1, 2 * u:])
    return z * h_prev + (1.0 - z) * h_tilde
