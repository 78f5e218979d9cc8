# overrides: ch10-ex3-td-update
# why: 종료 전이에서도 다음 상태의 max Q를 더한다 / ignores done
def q_learning_update(Q, s, a, r, s_next, done, alpha, gamma):
    """done을 보지 않는다."""
    Q = Q.copy()
    target = r + gamma * np.max(Q[s_next])
    Q[s, a] += alpha * (target - Q[s, a])
    return Q
