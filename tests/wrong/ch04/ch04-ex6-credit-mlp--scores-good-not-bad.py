# overrides: ch04-ex6-credit-mlp
# why: 학습은 제대로 했지만 불량 점수 대신 우량일 확률(1 - p)을 돌려주었다: 순서가 뒤집혀 AUC가 0.5 아래로 떨어진다.
def fit_credit_mlp(x_train, y_train, x_test):
    model = keras.Sequential([keras.Input(shape=(x_train.shape[1],)),
                              keras.layers.Dense(16, activation="relu", kernel_regularizer=keras.regularizers.L2(1e-3)),
                              keras.layers.Dropout(0.3), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(loss="binary_crossentropy", optimizer=keras.optimizers.Adam(learning_rate=1e-3))
    model.fit(x_train, y_train, epochs=60, batch_size=32, verbose=0)
    return 1.0 - model.predict(x_test, verbose=0).ravel()
