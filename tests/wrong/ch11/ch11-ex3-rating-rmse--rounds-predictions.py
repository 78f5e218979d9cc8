# overrides: ch11-ex3-rating-rmse
# why: 평점은 정수라며 예측을 반올림한 뒤 잰다 / rounds the predictions to whole stars before measuring
def rating_rmse(y_true, y_pred, low=1.0, high=5.0):
    """반올림한 예측의 RMSE."""
    actual = np.asarray(y_true, dtype=np.float64)
    predicted = np.round(np.clip(np.asarray(y_pred, dtype=np.float64), low, high))
    return float(np.sqrt(np.mean((actual - predicted) ** 2)))
