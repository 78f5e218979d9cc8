# overrides: ch08-ex1-gan-loss
# why: 생성자 손실에 판별자와 같은 레이블 0을 써서, 생성자가 오히려 들키는 쪽으로 간다.
def generator_loss(fake_logits):
    fake = tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1])
    return tf.reduce_mean(tf.nn.softplus(fake))
