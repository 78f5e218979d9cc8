# overrides: ch10-ex1-bellman-backup
# why: 괄호를 잘못 묶어 이번 보상까지 γ로 할인한다 / gamma applied to R as well
def bellman_backup(V, P, R, gamma):
    """γ (R + P V) 의 최댓값."""
    return (gamma * (R + P @ V)).max(axis=1)
