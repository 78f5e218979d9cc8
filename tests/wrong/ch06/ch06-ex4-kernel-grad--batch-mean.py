# overrides: ch06-ex4-kernel-grad
# why: 배치 축으로 더하지 않고 평균을 낸다 / averages over the batch instead of summing
def conv2d_kernel_grad(x, upstream):
    """배치 평균을 내는 커널 그래디언트."""
    x = np.asarray(x, dtype=np.float64)
    upstream = np.asarray(upstream, dtype=np.float64)
    h_out, w_out = upstream.shape[1], upstream.shape[2]
    kh, kw = x.shape[1] - h_out + 1, x.shape[2] - w_out + 1
    grad = np.zeros((kh, kw, x.shape[3], upstream.shape[3]))
    for m in range(kh):
        for n in range(kw):
            grad[m, n] = np.tensordot(x[:, m:m + h_out, n:n + w_out, :], upstream, axes=([0, 1, 2], [0, 1, 2]))
    return grad / x.shape[0]
