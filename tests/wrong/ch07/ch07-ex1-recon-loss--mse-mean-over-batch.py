# overrides: ch07-ex1-recon-loss
# why: 배치 전체의 평균 하나(스칼라)를 돌려준다 / averages over the batch instead of one loss per sample
def reconstruction_loss(x, x_hat, kind="mse"):
    """배치 평균 손실."""
    x = tf.convert_to_tensor(x, dtype=tf.float32)
    x_hat = tf.convert_to_tensor(x_hat, dtype=tf.float32)
    n = tf.shape(x)[0]
    x, x_hat = tf.reshape(x, (n, -1)), tf.reshape(x_hat, (n, -1))
    if kind == "mse":
        return tf.reduce_mean(tf.reduce_sum(tf.square(x - x_hat), axis=1))
    p = tf.clip_by_value(x_hat, 1e-7, 1.0 - 1e-7)
    return tf.reduce_mean(-tf.reduce_sum(x * tf.math.log(p) + (1.0 - x) * tf.math.log(1.0 - p), axis=1))
