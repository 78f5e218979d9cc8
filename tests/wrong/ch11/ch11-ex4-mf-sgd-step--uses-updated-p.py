# overrides: ch11-ex4-mf-sgd-step
# why: p를 먼저 갱신하고 그 새 값으로 q를 갱신한다 / updates q with the already-updated p
def mf_sgd_step(P, Q, user, item, rating, learning_rate, reg):
    """순차 갱신."""
    P_new = np.array(P, dtype=np.float64)
    Q_new = np.array(Q, dtype=np.float64)
    error = rating - P_new[user] @ Q_new[item]
    P_new[user] = P_new[user] + learning_rate * (error * Q_new[item] - reg * P_new[user])
    Q_new[item] = Q_new[item] + learning_rate * (error * P_new[user] - reg * Q_new[item])
    return P_new, Q_new
