# overrides: ch06-ex2-max-pool
# why: 'same' 패딩을 0으로 채워 음수뿐인 창에서 0이 최댓값이 된다 / pads with zeros instead of -inf
def max_pool2d(x, pool_size, stride, padding="valid"):
    """0으로 패딩하는 최대 풀링."""
    x = np.asarray(x, dtype=np.float64)
    if padding == "same":
        pads = []
        for n in (x.shape[1], x.shape[2]):
            n_out = -(-n // stride)
            total = max((n_out - 1) * stride + pool_size - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, ((0, 0), pads[0], pads[1], (0, 0)))
    h_out = (x.shape[1] - pool_size) // stride + 1
    w_out = (x.shape[2] - pool_size) // stride + 1
    out = np.empty((x.shape[0], h_out, w_out, x.shape[3]))
    for i in range(h_out):
        for j in range(w_out):
            window = x[:, i * stride:i * stride + pool_size, j * stride:j * stride + pool_size, :]
            out[:, i, j, :] = window.max(axis=(1, 2))
    return out
