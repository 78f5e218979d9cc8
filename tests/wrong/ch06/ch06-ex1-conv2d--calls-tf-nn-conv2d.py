# overrides: ch06-ex1-conv2d
# why: tf.nn.conv2d를 불렀다 (NumPy로 구현하지 않고 기준 구현을 부른 답)
def conv2d(x, kernel, stride=1, padding="valid"):
    return tf.nn.conv2d(np.asarray(x, np.float64), np.asarray(kernel, np.float64), strides=stride,
                        padding=padding.upper()).numpy()
