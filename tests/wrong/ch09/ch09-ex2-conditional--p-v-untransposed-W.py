# overrides: ch09-ex2-conditional
# why: W를 전치하지 않고 h @ W를 계산하려 한다 (모양이 맞지 않는다) / forgot to transpose W
def p_v_given_h(h, W, b):
    return tf.sigmoid(tf.matmul(tf.cast(h, tf.float32), tf.cast(W, tf.float32)) + b)
