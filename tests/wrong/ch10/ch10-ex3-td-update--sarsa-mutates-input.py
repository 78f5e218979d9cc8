# overrides: ch10-ex3-td-update
# why: 입력 표를 제자리에서 고치고 그것을 돌려준다 / updates Q in place
def sarsa_update(Q, s, a, r, s_next, a_next, done, alpha, gamma):
    """Q.copy() 없이 고친다."""
    target = r if done else r + gamma * Q[s_next, a_next]
    Q[s, a] += alpha * (target - Q[s, a])
    return Q
