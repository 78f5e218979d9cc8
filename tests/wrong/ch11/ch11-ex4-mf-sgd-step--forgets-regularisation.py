# overrides: ch11-ex4-mf-sgd-step
# why: 정규화 항을 빼먹는다 / leaves out the regularisation term
def mf_sgd_step(P, Q, user, item, rating, learning_rate, reg):
    """정규화 없는 갱신."""
    P_new = np.array(P, dtype=np.float64)
    Q_new = np.array(Q, dtype=np.float64)
    p, q = P_new[user].copy(), Q_new[item].copy()
    error = rating - p @ q
    P_new[user] = p + learning_rate * error * q
    Q_new[item] = q + learning_rate * error * p
    return P_new, Q_new
