# overrides: ch07-ex1-recon-loss
# why: BCE에서 목표와 예측을 바꾸어 쓴다 / swaps target and prediction inside the BCE
def reconstruction_loss(x, x_hat, kind="mse"):
    """x와 x_hat이 바뀐 BCE."""
    x = np.asarray(x, dtype=np.float32)
    x_hat = np.asarray(x_hat, dtype=np.float32)
    x, x_hat = x.reshape(len(x), -1), x_hat.reshape(len(x_hat), -1)
    if kind == "mse":
        return np.sum((x - x_hat) ** 2, axis=1)
    p = np.clip(x, 1e-7, 1 - 1e-7)
    return -np.sum(x_hat * np.log(p) + (1 - x_hat) * np.log(1 - p), axis=1)
