# overrides: ch07-ex4-denoiser
# why: 목표로 깨끗한 이미지 대신 잡음 이미지를 주었다 (보통의 오토인코더): 잡음까지 되살리도록 배워 MSE가 기준에 못 미친다.
def fit_denoiser(noisy_train, clean_train, noisy_test):
    n = len(noisy_train)
    model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(256, activation="relu"),
                              keras.layers.Dense(64, activation="relu"), keras.layers.Dense(256, activation="relu"),
                              keras.layers.Dense(784, activation="sigmoid")])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=1e-3), loss="binary_crossentropy")
    flat = np.reshape(noisy_train, (n, 784))
    model.fit(flat, flat, epochs=10, batch_size=64, verbose=0)
    return model.predict(np.reshape(noisy_test, (len(noisy_test), 784)), verbose=0)
