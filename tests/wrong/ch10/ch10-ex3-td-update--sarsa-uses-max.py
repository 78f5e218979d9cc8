# overrides: ch10-ex3-td-update
# why: SARSA에서도 다음 상태의 최댓값을 쓴다 (Q-러닝과 같아진다) / SARSA target uses max
def sarsa_update(Q, s, a, r, s_next, a_next, done, alpha, gamma):
    """a_next를 무시하고 max를 쓴다."""
    Q = Q.copy()
    target = r if done else r + gamma * np.max(Q[s_next])
    Q[s, a] += alpha * (target - Q[s, a])
    return Q
