# overrides: ch06-ex3-output-size
# why: 'valid'에서 바닥 대신 올림을 써서 자투리 위치까지 센다 / ceil instead of floor for 'valid'
def conv_output_size(n, kernel, stride, padding):
    """'valid'에 올림을 쓰는 출력 크기."""
    if padding == "same":
        return -(-n // stride)
    return -(-(n - kernel) // stride) + 1
