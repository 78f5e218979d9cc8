# overrides: ch04-ex1-activations
# why: tf.nn.relu를 불렀다 (기준 구현을 부른 답)
def relu(x):
    return tf.nn.relu(np.asarray(x, dtype=np.float64)).numpy()
