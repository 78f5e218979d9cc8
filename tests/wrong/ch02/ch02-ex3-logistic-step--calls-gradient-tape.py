# overrides: ch02-ex3-logistic-step
# why: GradientTape로 그래디언트를 구했다 (NumPy로 유도하지 않은 답)
def logistic_step(w, b, X, y, learning_rate):
    w_var = tf.Variable(np.asarray(w, dtype=np.float64))
    b_var = tf.Variable(float(b), dtype=tf.float64)
    with tf.GradientTape() as tape:
        z = tf.linalg.matvec(tf.constant(np.asarray(X, dtype=np.float64)), w_var) + b_var
        loss = tf.reduce_mean(tf.nn.sigmoid_cross_entropy_with_logits(labels=tf.constant(np.asarray(y, dtype=np.float64)), logits=z))
    gw, gb = tape.gradient(loss, [w_var, b_var])
    return w_var.numpy() - learning_rate * gw.numpy(), float(b_var.numpy() - learning_rate * gb.numpy())
