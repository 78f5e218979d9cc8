# overrides: ch11-ex3-rating-rmse
# why: 예측을 평점 범위로 자르지 않는다 / forgets to clip the predictions to [low, high]
def rating_rmse(y_true, y_pred, low=1.0, high=5.0):
    """자르지 않은 RMSE."""
    actual = np.asarray(y_true, dtype=np.float64)
    predicted = np.asarray(y_pred, dtype=np.float64)
    return float(np.sqrt(np.mean((actual - predicted) ** 2)))
