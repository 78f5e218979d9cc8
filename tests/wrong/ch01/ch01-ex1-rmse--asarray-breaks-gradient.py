# overrides: ch01-ex1-rmse
# why: dtype을 맞추려고 np.asarray를 거쳐 기울기가 None이 된다 (값은 맞음) / np.asarray cuts the tape
def rmse(y_true, y_pred):
    """dtype을 float32로 맞춘 뒤 RMSE를 계산한다 (NumPy를 거쳐 테이프가 끊긴다)."""
    y_true = np.asarray(y_true, dtype=np.float32)
    y_pred = np.asarray(y_pred, dtype=np.float32)
    return tf.sqrt(tf.reduce_mean(tf.square(tf.constant(y_pred) - y_true)))
