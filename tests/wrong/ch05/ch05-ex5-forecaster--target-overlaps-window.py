# overrides: ch05-ex5-forecaster
# why: 학습 쌍의 정답을 입력 창의 마지막 값으로 잡았다(한 칸 덜 밀기, 5-6절이 경고하는 실수): 모델은 창의 마지막 값을 베끼는 법을 배워 단순 예측과 다를 바가 없고, MAE 비율이 1 근처에 머문다.
def fit_and_forecast(series_train, x_test):
    window = x_test.shape[1]
    pairs = np.lib.stride_tricks.sliding_window_view(series_train, window).copy()
    X, y = pairs[:, :, None], pairs[:, -1:]
    model = keras.Sequential([keras.Input((window, 1)), keras.layers.LSTM(16), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(0.01, clipnorm=1.0), loss="mse")
    model.fit(X, y, epochs=10, batch_size=64, verbose=0)
    return model.predict(x_test, verbose=0).ravel()
