# overrides: ch11-ex3-rating-rmse
# why: 제곱근을 빠뜨려 MSE를 돌려준다 / returns the MSE, forgot the square root
def rating_rmse(y_true, y_pred, low=1.0, high=5.0):
    """제곱근이 없는 오차."""
    actual = np.asarray(y_true, dtype=np.float64)
    predicted = np.clip(np.asarray(y_pred, dtype=np.float64), low, high)
    return float(np.mean((actual - predicted) ** 2))
