# overrides: ch08-ex1-gan-loss
# why: keras.losses.BinaryCrossentropy(from_logits=True)를 불렀다: 값은 맞지만 숨은 사례의 기준 그 자체를 부른 답이다.
def discriminator_loss(real_logits, fake_logits):
    bce = keras.losses.BinaryCrossentropy(from_logits=True)
    real = np.reshape(np.asarray(real_logits, dtype="float32"), (-1, 1))
    fake = np.reshape(np.asarray(fake_logits, dtype="float32"), (-1, 1))
    return bce(np.ones_like(real), real) + bce(np.zeros_like(fake), fake)


def generator_loss(fake_logits):
    fake = np.reshape(np.asarray(fake_logits, dtype="float32"), (-1, 1))
    return keras.losses.BinaryCrossentropy(from_logits=True)(np.ones_like(fake), fake)
