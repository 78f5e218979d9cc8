# overrides: ch08-ex1-gan-loss
# why: 판별자 손실에서 진짜에 0, 가짜에 1을 붙였다 (레이블을 뒤바꿈).
def discriminator_loss(real_logits, fake_logits):
    real = tf.reshape(tf.convert_to_tensor(real_logits, tf.float32), [-1])
    fake = tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1])
    return tf.reduce_mean(tf.nn.softplus(real)) + tf.reduce_mean(tf.nn.softplus(-fake))
