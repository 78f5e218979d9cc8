# overrides: ch11-ex4-mf-sgd-step
# why: 입력 P, Q를 제자리에서 고치고 그대로 돌려준다 / mutates the input matrices
def mf_sgd_step(P, Q, user, item, rating, learning_rate, reg):
    """제자리 갱신."""
    p, q = P[user].copy(), Q[item].copy()
    error = rating - p @ q
    P[user] += learning_rate * (error * q - reg * p)
    Q[item] += learning_rate * (error * p - reg * q)
    return P, Q
