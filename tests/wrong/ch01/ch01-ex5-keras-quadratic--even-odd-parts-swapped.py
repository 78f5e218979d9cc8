# overrides: ch01-ex5-keras-quadratic
# why: 예측값에서 계수를 읽을 때 짝수·홀수 부분을 바꿔 a와 b가 뒤바뀐다 / a and b swapped when reading them off
def fit_quadratic(x, y):
    """학습은 맞지만 a와 b를 바꿔 읽는다."""
    features = np.stack([x ** 2, x], axis=1).astype("float32")
    normalizer = keras.layers.Normalization()
    normalizer.adapt(features)
    model = keras.Sequential([keras.Input(shape=(2,)), normalizer, keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
    model.fit(features, np.asarray(y, dtype="float32"), epochs=10, batch_size=10, verbose=0)
    f_plus, f_zero, f_minus = model(np.array([[1.0, 1.0], [0.0, 0.0], [1.0, -1.0]], dtype="float32")).numpy()[:, 0]
    c = float(f_zero)
    b = float((f_plus + f_minus) / 2 - c)
    a = float((f_plus - f_minus) / 2)
    return a, b, c
