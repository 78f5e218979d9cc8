# overrides: ch01-ex5-keras-quadratic
# why: 특성으로 x만 써서 x²항을 배울 수 없다 / only x as feature: cannot learn the x² term
def fit_quadratic(x, y):
    """y = b*x + c만 학습하고 a는 0으로 돌려준다."""
    features = np.asarray(x, dtype="float32").reshape(-1, 1)
    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.01), loss="mse")
    model.fit(features, np.asarray(y, dtype="float32"), epochs=10, batch_size=10, verbose=0)
    w, bias = model.layers[-1].get_weights()
    return 0.0, float(w[0, 0]), float(bias[0])
