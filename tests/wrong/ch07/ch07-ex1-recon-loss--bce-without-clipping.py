# overrides: ch07-ex1-recon-loss
# why: log에 넣기 전에 자르지 않아 x_hat = 0, 1에서 nan/inf가 나온다 / no clipping: log(0)
def reconstruction_loss(x, x_hat, kind="mse"):
    """자르지 않은 BCE."""
    x = np.asarray(x, dtype=np.float32)
    x_hat = np.asarray(x_hat, dtype=np.float32)
    x, x_hat = x.reshape(len(x), -1), x_hat.reshape(len(x_hat), -1)
    if kind == "mse":
        return np.sum((x - x_hat) ** 2, axis=1)
    return -np.sum(x * np.log(x_hat) + (1 - x) * np.log(1 - x_hat), axis=1)
