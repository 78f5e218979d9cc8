# overrides: ch01-ex3-optimizers
# why: keras.optimizers.Adam에 맡긴다: 값은 맞지만 직접 구현하지 않았다 (소스 검사) / delegates to Keras
def adam_step(theta, grad, state, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    """Adam 한 스텝 (Keras 옵티마이저에 맡김)."""
    if "opt" not in state:
        state["opt"] = keras.optimizers.Adam(learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2,
                                             epsilon=epsilon)
        state["var"] = keras.Variable(theta, dtype="float64")
    state["var"].assign(theta)
    state["opt"].apply_gradients([(tf.constant(grad, dtype=tf.float64), state["var"])])
    return np.array(state["var"].numpy())
