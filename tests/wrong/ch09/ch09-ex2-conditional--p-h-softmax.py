# overrides: ch09-ex2-conditional
# why: 숨은 유닛들이 독립인 베르누이인데 하나만 켜지는 범주형처럼 softmax를 쓴다 / softmax instead of sigmoid
def p_h_given_v(v, W, c):
    return tf.nn.softmax(tf.matmul(tf.cast(v, tf.float32), tf.cast(W, tf.float32)) + c, axis=1)
