# overrides: ch10-ex3-td-update
# why: 다음 상태의 최댓값 대신 평균을 쓴다 / mean instead of max over next actions
def q_learning_update(Q, s, a, r, s_next, done, alpha, gamma):
    """max 대신 mean."""
    Q = Q.copy()
    target = r if done else r + gamma * np.mean(Q[s_next])
    Q[s, a] += alpha * (target - Q[s, a])
    return Q
