# overrides: ch10-ex1-bellman-backup
# why: 최적 방정식의 max 대신 행동에 대한 평균을 쓴다 (무작위 정책의 기대 방정식) / mean over actions instead of max
def bellman_backup(V, P, R, gamma):
    """행동 평균으로 백업한다."""
    Q = R + gamma * (P @ V)
    return Q.mean(axis=1)
