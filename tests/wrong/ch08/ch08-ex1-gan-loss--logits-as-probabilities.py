# overrides: ch08-ex1-gan-loss
# why: 로짓을 확률로 보고 확률의 교차 엔트로피 −log p, −log(1 − p)에 넣었다 (잘라서 log 0만 피했다).
def discriminator_loss(real_logits, fake_logits):
    real = tf.clip_by_value(tf.reshape(tf.convert_to_tensor(real_logits, tf.float32), [-1]), 1e-7, 1 - 1e-7)
    fake = tf.clip_by_value(tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1]), 1e-7, 1 - 1e-7)
    return tf.reduce_mean(-tf.math.log(real)) + tf.reduce_mean(-tf.math.log(1.0 - fake))


def generator_loss(fake_logits):
    fake = tf.clip_by_value(tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1]), 1e-7, 1 - 1e-7)
    return tf.reduce_mean(-tf.math.log(fake))
