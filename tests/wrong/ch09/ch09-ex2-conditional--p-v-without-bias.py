# overrides: ch09-ex2-conditional
# why: p(v|h)에서 보이는 유닛의 편향 b를 빠뜨린다 / forgot the visible bias
def p_v_given_h(h, W, b):
    return tf.sigmoid(tf.matmul(tf.cast(h, tf.float32), tf.cast(W, tf.float32), transpose_b=True))
