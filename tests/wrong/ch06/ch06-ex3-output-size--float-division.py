# overrides: ch06-ex3-output-size
# why: / 로 나누어 float을 돌려준다 / true division returns a float
def conv_output_size(n, kernel, stride, padding):
    """float을 돌려주는 출력 크기."""
    if padding == "same":
        return float(-(-n // stride))
    return (n - kernel) / stride + 1
