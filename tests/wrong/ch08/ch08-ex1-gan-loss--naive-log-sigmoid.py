# overrides: ch08-ex1-gan-loss
# why: 시그모이드로 확률을 만든 뒤 log를 취해, 큰 로짓에서 log 0 = −inf가 나온다.
def discriminator_loss(real_logits, fake_logits):
    d_real = tf.sigmoid(tf.convert_to_tensor(real_logits, tf.float32))
    d_fake = tf.sigmoid(tf.convert_to_tensor(fake_logits, tf.float32))
    return -tf.reduce_mean(tf.math.log(d_real)) - tf.reduce_mean(tf.math.log(1.0 - d_fake))


def generator_loss(fake_logits):
    d_fake = tf.sigmoid(tf.convert_to_tensor(fake_logits, tf.float32))
    return -tf.reduce_mean(tf.math.log(d_fake))
