# overrides: ch02-ex6-digits
# why: 소프트맥스 회귀를 2 에포크만 학습해 멈췄다: 학습 곡선이 아직 오르는 중이라 정확도 기준에 못 미친다.
def fit_and_predict(x_train, y_train, x_test):
    model = keras.Sequential([keras.Input(shape=(x_train.shape[1],)), keras.layers.Dense(10)])
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=0.01),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))
    model.fit(x_train, y_train, epochs=2, batch_size=32, verbose=0)
    return np.argmax(model.predict(x_test, verbose=0), axis=1)
