# overrides: ch01-ex1-rmse
# why: 평균 대신 합의 제곱근 / square root of the sum instead of the mean
def rmse(y_true, y_pred):
    """제곱 오차의 합에 제곱근을 씌운다."""
    return tf.sqrt(tf.reduce_sum(tf.square(y_pred - y_true)))
