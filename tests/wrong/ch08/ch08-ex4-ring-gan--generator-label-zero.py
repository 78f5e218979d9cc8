# overrides: ch08-ex4-ring-gan
# why: 생성자 단계에서 가짜에 레이블 0을 붙였다 (판별자의 손실을 그대로 씀): 생성자가 판별자를 돕는 쪽으로 움직여
#      표본이 데이터에서 멀어진다.
def train_gan(real, z):
    noise_dim, batch_size = z.shape[1], 256

    def mlp(n_in, n_out):
        return keras.Sequential([keras.Input(shape=(n_in,)), keras.layers.Dense(64, activation="relu"),
                                 keras.layers.Dense(64, activation="relu"), keras.layers.Dense(n_out)])

    generator, discriminator = mlp(noise_dim, 2), mlp(2, 1)
    bce = keras.losses.BinaryCrossentropy(from_logits=True)
    d_opt = keras.optimizers.Adam(learning_rate=2e-3, beta_1=0.5)
    g_opt = keras.optimizers.Adam(learning_rate=2e-3, beta_1=0.5)
    data = tf.constant(real, dtype=tf.float32)

    @tf.function
    def train(n_steps):
        for _ in tf.range(n_steps):
            batch = tf.gather(data, tf.random.uniform((batch_size,), 0, tf.shape(data)[0], dtype=tf.int32))
            noise = tf.random.normal((batch_size, noise_dim))
            with tf.GradientTape() as tape:
                real_logits = discriminator(batch, training=True)
                fake_logits = discriminator(generator(noise, training=True), training=True)
                d_loss = bce(tf.ones_like(real_logits), real_logits) + bce(tf.zeros_like(fake_logits), fake_logits)
            grads = tape.gradient(d_loss, discriminator.trainable_variables)
            d_opt.apply_gradients(zip(grads, discriminator.trainable_variables))
            noise = tf.random.normal((batch_size, noise_dim))
            with tf.GradientTape() as tape:
                fake_logits = discriminator(generator(noise, training=True), training=True)
                g_loss = bce(tf.zeros_like(fake_logits), fake_logits)        # 틀림: 레이블 1이어야 한다
            grads = tape.gradient(g_loss, generator.trainable_variables)
            g_opt.apply_gradients(zip(grads, generator.trainable_variables))

    train(tf.constant(1500))
    return generator(tf.constant(z, dtype=tf.float32)).numpy()
