# overrides: ch10-ex3-td-update
# why: TD 오차가 아니라 목표 자체에 α를 곱해 더한다 / Q += alpha * target
def q_learning_update(Q, s, a, r, s_next, done, alpha, gamma):
    """Q(s, a) ← Q(s, a) + α · 목표."""
    Q = Q.copy()
    target = r if done else r + gamma * np.max(Q[s_next])
    Q[s, a] += alpha * target
    return Q
