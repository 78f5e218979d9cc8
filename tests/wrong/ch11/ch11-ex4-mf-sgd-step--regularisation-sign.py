# overrides: ch11-ex4-mf-sgd-step
# why: 정규화 항의 부호가 반대라 벡터를 줄이지 않고 키운다 / wrong sign: the penalty grows the vectors
def mf_sgd_step(P, Q, user, item, rating, learning_rate, reg):
    """정규화 부호가 반대인 갱신."""
    P_new = np.array(P, dtype=np.float64)
    Q_new = np.array(Q, dtype=np.float64)
    p, q = P_new[user].copy(), Q_new[item].copy()
    error = rating - p @ q
    P_new[user] = p + learning_rate * (error * q + reg * p)
    Q_new[item] = q + learning_rate * (error * p + reg * q)
    return P_new, Q_new
