# overrides: ch06-ex2-max-pool
# why: tf.nn.max_pool2d를 불렀다 (기준 구현을 부른 답)
def max_pool2d(x, pool_size, stride, padding="valid"):
    return tf.nn.max_pool2d(np.asarray(x, np.float64), pool_size, stride, padding.upper()).numpy()
