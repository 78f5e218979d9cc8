# overrides: ch01-ex2-gd-step
# why: RMSE 대신 MSE로 미분한다 / differentiates the MSE instead of the RMSE
def gd_step(a, b, c, x, y, learning_rate):
    """경사 하강법 한 스텝."""
    with tf.GradientTape() as tape:
        y_hat = a * x * x + b * x + c
        loss = tf.reduce_mean(tf.square(y_hat - y))
    da, db, dc = tape.gradient(loss, [a, b, c])
    a.assign_sub(learning_rate * da)
    b.assign_sub(learning_rate * db)
    c.assign_sub(learning_rate * dc)
    return loss
