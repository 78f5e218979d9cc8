# overrides: ch01-ex2-gd-step
# why: 갱신한 뒤 손실을 다시 계산해 돌려준다 / returns the loss after the update
def gd_step(a, b, c, x, y, learning_rate):
    """경사 하강법 한 스텝."""
    with tf.GradientTape() as tape:
        y_hat = a * x * x + b * x + c
        loss = tf.sqrt(tf.reduce_mean(tf.square(y_hat - y)))
    da, db, dc = tape.gradient(loss, [a, b, c])
    a.assign_sub(learning_rate * da)
    b.assign_sub(learning_rate * db)
    c.assign_sub(learning_rate * dc)
    return tf.sqrt(tf.reduce_mean(tf.square(a * x * x + b * x + c - y)))
