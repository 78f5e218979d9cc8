# overrides: ch01-ex1-rmse
# why: 제곱근을 빠뜨려 MSE를 돌려준다 / returns the MSE (no square root)
def rmse(y_true, y_pred):
    """평균 제곱 오차를 돌려준다 (제곱근을 잊음)."""
    return tf.reduce_mean(tf.square(y_pred - y_true))
