# overrides: ch08-ex1-gan-loss
# why: 판별자 손실의 두 항을 더하지 않고 평균했다 (절반 크기).
def discriminator_loss(real_logits, fake_logits):
    real = tf.reshape(tf.convert_to_tensor(real_logits, tf.float32), [-1])
    fake = tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1])
    return 0.5 * (tf.reduce_mean(tf.nn.softplus(-real)) + tf.reduce_mean(tf.nn.softplus(fake)))
