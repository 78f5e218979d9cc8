# overrides: ch01-ex5-keras-quadratic
# why: 표준화 없이 작은 학습률로 몇 에포크만 돌려 수렴하지 않는다 / unscaled features, too little training
def fit_quadratic(x, y):
    """특성을 그대로 두고 짧게 학습한다."""
    features = np.stack([x ** 2, x], axis=1).astype("float32")
    model = keras.Sequential([keras.Input(shape=(2,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.RMSprop(learning_rate=0.01), loss="mse")
    model.fit(features, np.asarray(y, dtype="float32"), epochs=20, batch_size=20, verbose=0)
    w, bias = model.layers[-1].get_weights()
    return float(w[0, 0]), float(w[1, 0]), float(bias[0])
