# overrides: ch05-ex2-lstm-step
# why: 출력에서 셀 상태에 tanh를 씌우지 않는다 (h = o ⊙ c) / h = o * c without tanh
def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    """h = o ⊙ c 로 은닉 상태를 낸다."""
    z = x_t @ kernel + h_prev @ recurrent_kernel + bias
    z_i, z_f, z_c, z_o = np.split(z, 4, axis=1)
    i, f, o = (1.0 / (1.0 + np.exp(-v)) for v in (z_i, z_f, z_o))
    c = f * c_prev + i * np.tanh(z_c)
    return o * c, c
