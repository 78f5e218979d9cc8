# overrides: ch11-ex3-rating-rmse
# why: 오차의 표준편차를 구해 평균 오차(치우침)를 빼 버린다 / std of the errors: drops the mean error
def rating_rmse(y_true, y_pred, low=1.0, high=5.0):
    """오차의 표준편차."""
    actual = np.asarray(y_true, dtype=np.float64)
    predicted = np.clip(np.asarray(y_pred, dtype=np.float64), low, high)
    return float(np.std(actual - predicted))
