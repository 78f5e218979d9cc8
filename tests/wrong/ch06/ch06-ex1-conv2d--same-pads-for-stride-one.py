# overrides: ch06-ex1-conv2d
# why: 'same' 패딩을 스트라이드와 상관없이 (k-1)/2씩 양쪽에 넣는다 (stride 1일 때만 맞다) / same padding ignores the stride
def conv2d(x, kernel, stride=1, padding="valid"):
    """'same'에서 양쪽에 (k-1)//2씩 덧대는 합성곱."""
    x = np.asarray(x, dtype=np.float64)
    kernel = np.asarray(kernel, dtype=np.float64)
    kh, kw, _, c_out = kernel.shape
    if padding == "same":
        x = np.pad(x, ((0, 0), ((kh - 1) // 2, kh // 2), ((kw - 1) // 2, kw // 2), (0, 0)))
    h_out = (x.shape[1] - kh) // stride + 1
    w_out = (x.shape[2] - kw) // stride + 1
    out = np.zeros((x.shape[0], h_out, w_out, c_out))
    for i in range(h_out):
        for j in range(w_out):
            patch = x[:, i * stride:i * stride + kh, j * stride:j * stride + kw, :]
            out[:, i, j, :] = np.tensordot(patch, kernel, axes=([1, 2, 3], [0, 1, 2]))
    return out
