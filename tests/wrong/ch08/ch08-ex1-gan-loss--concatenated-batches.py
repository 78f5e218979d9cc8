# overrides: ch08-ex1-gan-loss
# why: 진짜와 가짜 로짓을 한 배치로 이어 붙여 한 번에 평균했다 (두 평균의 합이 아니다).
def discriminator_loss(real_logits, fake_logits):
    real = tf.reshape(tf.convert_to_tensor(real_logits, tf.float32), [-1])
    fake = tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1])
    per_logit = tf.concat([tf.nn.softplus(-real), tf.nn.softplus(fake)], axis=0)   # BCE(1, real), BCE(0, fake)
    return tf.reduce_mean(per_logit)
