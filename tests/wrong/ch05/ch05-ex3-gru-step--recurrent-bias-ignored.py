# overrides: ch05-ex3-gru-step
# why: bias를 (3u,) 한 벌로 여겨 bias[0]만 쓰고 순환 편향 bias[1]을 버린다 / drops the recurrent bias
def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    """입력 편향만 쓰는 GRU."""
    a = x_t @ kernel + bias[0]
    m = h_prev @ recurrent_kernel
    a_z, a_r, a_h = np.split(a, 3, axis=1)
    m_z, m_r, m_h = np.split(m, 3, axis=1)
    z = 1.0 / (1.0 + np.exp(-(a_z + m_z)))
    r = 1.0 / (1.0 + np.exp(-(a_r + m_r)))
    h_tilde = np.tanh(a_h + r * m_h)
    return z * h_prev + (1.0 - z) * h_tilde
