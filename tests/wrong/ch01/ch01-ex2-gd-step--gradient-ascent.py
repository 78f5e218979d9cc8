# overrides: ch01-ex2-gd-step
# why: assign_add로 기울기 방향으로 올라간다 / steps uphill (assign_add)
def gd_step(a, b, c, x, y, learning_rate):
    """경사 하강법 한 스텝."""
    with tf.GradientTape() as tape:
        y_hat = a * x * x + b * x + c
        loss = tf.sqrt(tf.reduce_mean(tf.square(y_hat - y)))
    da, db, dc = tape.gradient(loss, [a, b, c])
    a.assign_add(learning_rate * da)
    b.assign_add(learning_rate * db)
    c.assign_add(learning_rate * dc)
    return loss
