# overrides: ch05-ex3-gru-step
# why: 다른 교재의 표기대로 h = (1 − z) ⊙ h_prev + z ⊙ h̃ 로 쓴다 (Keras와 z의 뜻이 반대) / z and 1 − z swapped
def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    """업데이트 게이트의 역할을 뒤집은 GRU."""
    a = x_t @ kernel + bias[0]
    m = h_prev @ recurrent_kernel + bias[1]
    a_z, a_r, a_h = np.split(a, 3, axis=1)
    m_z, m_r, m_h = np.split(m, 3, axis=1)
    z = 1.0 / (1.0 + np.exp(-(a_z + m_z)))
    r = 1.0 / (1.0 + np.exp(-(a_r + m_r)))
    h_tilde = np.tanh(a_h + r * m_h)
    return (1.0 - z) * h_prev + z * h_tilde
