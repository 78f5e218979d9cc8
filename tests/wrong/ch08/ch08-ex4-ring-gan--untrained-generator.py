# overrides: ch08-ex4-ring-gan
# why: 생성자를 만들기만 하고 학습 루프를 돌리지 않았다: 초기 가중치의 출력은 원점 근처의 한 덩어리다.
def train_gan(real, z):
    generator = keras.Sequential([keras.Input(shape=(z.shape[1],)), keras.layers.Dense(64, activation="relu"),
                                  keras.layers.Dense(64, activation="relu"), keras.layers.Dense(2)])
    return generator(tf.constant(z, dtype=tf.float32)).numpy()
