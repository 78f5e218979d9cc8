# overrides: ch11-ex3-rating-rmse
# why: Keras의 RootMeanSquaredError 지표로 RMSE를 구했다 (값은 float32 정밀도로 맞는다)
def rating_rmse(y_true, y_pred, low=1.0, high=5.0):
    metric = keras.metrics.RootMeanSquaredError(dtype="float64")
    metric.update_state(np.asarray(y_true, dtype=np.float64), np.clip(np.asarray(y_pred, dtype=np.float64), low, high))
    return float(metric.result())
