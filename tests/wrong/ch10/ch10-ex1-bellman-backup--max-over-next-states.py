# overrides: ch10-ex1-bellman-backup
# why: 전이 확률로 평균하지 않고 갈 수 있는 다음 상태 중 가장 좋은 것을 고른다 / max over s' instead of expectation
def bellman_backup(V, P, R, gamma):
    """다음 상태의 기댓값 대신 (확률이 0이 아닌) 다음 상태 가치의 최댓값을 쓴다."""
    best_next = np.where(P > 0, V[None, None, :], -np.inf).max(axis=2)
    return (R + gamma * best_next).max(axis=1)
