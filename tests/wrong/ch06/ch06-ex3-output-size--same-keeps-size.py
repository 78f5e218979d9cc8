# overrides: ch06-ex3-output-size
# why: 'same'이면 언제나 입력 크기 그대로라고 생각한다 (stride를 잊음) / 'same' returns n, ignoring the stride
def conv_output_size(n, kernel, stride, padding):
    """'same'에서 n을 돌려주는 출력 크기."""
    if padding == "same":
        return n
    return (n - kernel) // stride + 1
