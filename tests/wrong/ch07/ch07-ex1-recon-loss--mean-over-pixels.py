# overrides: ch07-ex1-recon-loss
# why: Keras처럼 화소에 대해 평균을 낸다 (합이어야 한다) / averages over pixels instead of summing
def reconstruction_loss(x, x_hat, kind="mse"):
    """샘플별 화소 평균 손실."""
    x = np.asarray(x, dtype=np.float32)
    x_hat = np.asarray(x_hat, dtype=np.float32)
    x, x_hat = x.reshape(len(x), -1), x_hat.reshape(len(x_hat), -1)
    if kind == "mse":
        return np.mean((x - x_hat) ** 2, axis=1)
    p = np.clip(x_hat, 1e-7, 1 - 1e-7)
    return -np.mean(x * np.log(p) + (1 - x) * np.log(1 - p), axis=1)
