# overrides: ch06-ex5-mnist-cnn
# why: 학습률 1e-4로 한 에포크만 학습하고 멈췄다: 손실이 아직 한참 내려가는 중이라 정확도가 통과 기준에 못 미친다.
def fit_and_classify(x_train, y_train, x_test):
    model = keras.Sequential([keras.Input((28, 28, 1)),
                              keras.layers.Conv2D(16, 3, activation="relu"), keras.layers.MaxPooling2D(2),
                              keras.layers.Conv2D(32, 3, activation="relu"), keras.layers.MaxPooling2D(2),
                              keras.layers.Flatten(), keras.layers.Dense(10)])
    model.compile(optimizer=keras.optimizers.Adam(1e-4),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit((x_train / 255.0)[..., None], y_train, epochs=1, batch_size=32, verbose=0)
    return model.predict((x_test / 255.0)[..., None], verbose=0).argmax(axis=1)
