# overrides: ch06-ex4-kernel-grad
# why: 커널 그래디언트를 교차 상관이 아니라 (뒤집는) 합성곱으로 계산한다 / uses a true convolution (flipped)
def conv2d_kernel_grad(x, upstream):
    """위쪽 그래디언트를 뒤집어 쓰는 커널 그래디언트."""
    x = np.asarray(x, dtype=np.float64)
    upstream = np.asarray(upstream, dtype=np.float64)[:, ::-1, ::-1, :]
    h_out, w_out = upstream.shape[1], upstream.shape[2]
    kh, kw = x.shape[1] - h_out + 1, x.shape[2] - w_out + 1
    grad = np.zeros((kh, kw, x.shape[3], upstream.shape[3]))
    for m in range(kh):
        for n in range(kw):
            grad[m, n] = np.tensordot(x[:, m:m + h_out, n:n + w_out, :], upstream, axes=([0, 1, 2], [0, 1, 2]))
    return grad
