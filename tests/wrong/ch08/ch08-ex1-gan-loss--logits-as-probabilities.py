# overrides: ch08-ex1-gan-loss
# why: 로짓을 확률로 보고 from_logits=False인 교차 엔트로피에 넣었다.
def discriminator_loss(real_logits, fake_logits):
    bce = keras.losses.BinaryCrossentropy()
    real = tf.reshape(tf.convert_to_tensor(real_logits, tf.float32), [-1, 1])
    fake = tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1, 1])
    return bce(tf.ones_like(real), real) + bce(tf.zeros_like(fake), fake)


def generator_loss(fake_logits):
    bce = keras.losses.BinaryCrossentropy()
    fake = tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1, 1])
    return bce(tf.ones_like(fake), fake)
