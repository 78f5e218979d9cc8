# overrides: ch05-ex2-lstm-step
# why: 망각 게이트를 셀 상태 대신 은닉 상태 h_prev에 곱한다 / forget gate applied to h instead of c
def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    """f ⊙ h_{t-1} + i ⊙ g 로 셀 상태를 만든다."""
    z = x_t @ kernel + h_prev @ recurrent_kernel + bias
    z_i, z_f, z_c, z_o = np.split(z, 4, axis=1)
    i, f, o = (1.0 / (1.0 + np.exp(-v)) for v in (z_i, z_f, z_o))
    c = f * h_prev + i * np.tanh(z_c)
    return o * np.tanh(c), c
