# overrides: ch01-ex2-gd-step
# why: a = a - ...로 이름만 다시 묶어 변수가 바뀌지 않는다 / rebinds names, variables unchanged
def gd_step(a, b, c, x, y, learning_rate):
    """경사 하강법 한 스텝."""
    with tf.GradientTape() as tape:
        y_hat = a * x * x + b * x + c
        loss = tf.sqrt(tf.reduce_mean(tf.square(y_hat - y)))
    da, db, dc = tape.gradient(loss, [a, b, c])
    a = a - learning_rate * da
    b = b - learning_rate * db
    c = c - learning_rate * dc
    return loss
