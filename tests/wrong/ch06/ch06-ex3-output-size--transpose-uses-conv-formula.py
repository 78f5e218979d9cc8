# overrides: ch06-ex3-output-size
# why: 전치 합성곱에 합성곱의 공식을 그대로 쓴다 / transposed size computed with the conv formula
def conv_transpose_output_size(n, kernel, stride, padding):
    """합성곱 공식을 쓴 전치 합성곱 출력 크기."""
    if padding == "same":
        return -(-n // stride)
    return (n - kernel) // stride + 1
