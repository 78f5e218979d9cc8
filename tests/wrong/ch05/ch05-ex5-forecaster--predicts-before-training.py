# overrides: ch05-ex5-forecaster
# why: 모델을 만들고 compile까지 한 뒤 fit을 빠뜨리고 예측했다: 무작위 가중치의 LSTM은 0 근처의 값만 내서 단순 예측보다 훨씬 나쁘다.
def fit_and_forecast(series_train, x_test):
    model = keras.Sequential([keras.Input((x_test.shape[1], 1)), keras.layers.LSTM(16), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
    return model.predict(x_test, verbose=0).ravel()
