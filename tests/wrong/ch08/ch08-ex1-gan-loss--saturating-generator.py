# overrides: ch08-ex1-gan-loss
# why: 생성자 손실로 원래 미니맥스 식 mean log(1 − D(G(z)))를 썼다 (포화하는 손실).
def generator_loss(fake_logits):
    fake = tf.reshape(tf.convert_to_tensor(fake_logits, tf.float32), [-1])
    return -tf.reduce_mean(tf.nn.softplus(fake))
