# overrides: ch05-ex2-lstm-step
# why: 식을 적는 순서(i, f, o, g)대로 덩어리를 나눈다 (Keras는 i, f, c, o) / splits the gates as i, f, o, c
def lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias):
    """게이트 순서를 i, f, o, c로 잘못 읽은 LSTM 한 스텝."""
    z = x_t @ kernel + h_prev @ recurrent_kernel + bias
    z_i, z_f, z_o, z_c = np.split(z, 4, axis=1)
    i, f, o = (1.0 / (1.0 + np.exp(-v)) for v in (z_i, z_f, z_o))
    c = f * c_prev + i * np.tanh(z_c)
    return o * np.tanh(c), c
