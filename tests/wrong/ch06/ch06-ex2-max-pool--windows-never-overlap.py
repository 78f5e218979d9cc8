# overrides: ch06-ex2-max-pool
# why: stride를 무시하고 창 크기만큼 옮겨 창이 겹치지 않게 한다 / ignores stride (steps by pool_size)
def max_pool2d(x, pool_size, stride, padding="valid"):
    """stride 대신 pool_size로 옮기는 최대 풀링."""
    x = np.asarray(x, dtype=np.float64)
    stride = pool_size
    if padding == "same":
        pads = []
        for n in (x.shape[1], x.shape[2]):
            n_out = -(-n // stride)
            total = max((n_out - 1) * stride + pool_size - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, ((0, 0), pads[0], pads[1], (0, 0)), constant_values=-np.inf)
    h_out = (x.shape[1] - pool_size) // stride + 1
    w_out = (x.shape[2] - pool_size) // stride + 1
    out = np.empty((x.shape[0], h_out, w_out, x.shape[3]))
    for i in range(h_out):
        for j in range(w_out):
            window = x[:, i * stride:i * stride + pool_size, j * stride:j * stride + pool_size, :]
            out[:, i, j, :] = window.max(axis=(1, 2))
    return out
