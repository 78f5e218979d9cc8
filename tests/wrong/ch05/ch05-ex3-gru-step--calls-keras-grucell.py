# overrides: ch05-ex3-gru-step
# why: Keras의 GRUCell로 한 스텝을 계산했다 (기준 구현을 부른 답)
def gru_step(x_t, h_prev, kernel, recurrent_kernel, bias):
    cell = keras.layers.GRUCell(np.shape(recurrent_kernel)[0], reset_after=True)
    cell.build(np.shape(x_t))
    cell.set_weights([np.asarray(kernel, np.float32), np.asarray(recurrent_kernel, np.float32), np.asarray(bias, np.float32)])
    h, _ = cell(np.asarray(x_t, np.float32), np.asarray(h_prev, np.float32))
    return keras.ops.convert_to_numpy(h)
