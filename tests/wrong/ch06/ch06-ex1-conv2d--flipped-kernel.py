# overrides: ch06-ex1-conv2d
# why: 수학 교과서의 합성곱처럼 커널을 180도 뒤집는다 (딥러닝의 합성곱은 교차 상관) / true convolution with flipped kernel
def conv2d(x, kernel, stride=1, padding="valid"):
    """커널을 뒤집은 합성곱."""
    x = np.asarray(x, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)[::-1, ::-1]
    kh, kw, _, c_out = kernel.shape
    if padding == "same":
        pads = []
        for n, k in ((x.shape[1], kh), (x.shape[2], kw)):
            n_out = -(-n // stride)
            total = max((n_out - 1) * stride + k - n, 0)
            pads.append((total // 2, total - total // 2))
        x = np.pad(x, ((0, 0), pads[0], pads[1], (0, 0)))
    h_out = (x.shape[1] - kh) // stride + 1
    w_out = (x.shape[2] - kw) // stride + 1
    out = np.zeros((x.shape[0], h_out, w_out, c_out))
    for i in range(h_out):
        for j in range(w_out):
            patch = x[:, i * stride:i * stride + kh, j * stride:j * stride + kw, :]
            out[:, i, j, :] = np.tensordot(patch, kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out
