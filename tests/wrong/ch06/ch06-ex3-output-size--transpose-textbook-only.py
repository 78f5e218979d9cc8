# overrides: ch06-ex3-output-size
# why: 'valid'에 언제나 (n-1)s + k를 써서 k < s일 때 Keras와 다르다 / (n-1)s+k even when kernel < stride
def conv_transpose_output_size(n, kernel, stride, padding):
    """교과서 공식만 쓰는 전치 합성곱 출력 크기."""
    if padding == "same":
        return n * stride
    return (n - 1) * stride + kernel
