# overrides: ch06-ex1-conv2d
# why: 커널과 입력이 정사각형이라고 가정해 높이 값만 쓴다 / assumes square kernels and inputs
def conv2d(x, kernel, stride=1, padding="valid"):
    """kh와 H만 보고 계산하는 합성곱."""
    x = np.asarray(x, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    k, c_out = kernel.shape[0], kernel.shape[3]
    if padding == "same":
        n = x.shape[1]
        n_out = -(-n // stride)
        total = max((n_out - 1) * stride + k - n, 0)
        x = np.pad(x, ((0, 0), (total // 2, total - total // 2), (total // 2, total - total // 2), (0, 0)))
    size = (x.shape[1] - k) // stride + 1
    out = np.zeros((x.shape[0], size, size, c_out))
    for i in range(size):
        for j in range(size):
            patch = x[:, i * stride:i * stride + k, j * stride:j * stride + k, :]
            out[:, i, j, :] = np.tensordot(patch, kernel[:, :k], axes=([1, 2, 3], [0, 1, 2]))
    return out
