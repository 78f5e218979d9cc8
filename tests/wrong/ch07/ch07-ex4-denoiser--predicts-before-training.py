# overrides: ch07-ex4-denoiser
# why: 모델을 만들고 compile까지 한 뒤 fit을 빠뜨렸다: 무작위 가중치의 시그모이드 출력은 화소마다 0.5 근처라 MSE가 잡음 입력보다도 크다.
def fit_denoiser(noisy_train, clean_train, noisy_test):
    model = keras.Sequential([keras.Input(shape=(784,)), keras.layers.Dense(256, activation="relu"),
                              keras.layers.Dense(784, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy")
    return model.predict(np.reshape(noisy_test, (len(noisy_test), 784)), verbose=0)
