# overrides: ch11-ex3-rating-rmse
# why: 자르기는 직접 했지만 RMSE는 sklearn.metrics의 root_mean_squared_error를 불렀다 (값은 맞는다)
def rating_rmse(y_true, y_pred, low=1.0, high=5.0):
    from sklearn import metrics
    return float(metrics.root_mean_squared_error(np.asarray(y_true, dtype=np.float64),
                                                 np.clip(np.asarray(y_pred, dtype=np.float64), low, high)))
