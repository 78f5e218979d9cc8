# overrides: ch10-ex5-dqn-targets
# why: 종료 전이에서도 다음 상태의 값을 더한다 / forgets (1 - done)
def dqn_targets(rewards, next_q_target, dones, gamma):
    """(1 − done)을 빠뜨린 목표."""
    return rewards + gamma * np.max(next_q_target, axis=1)
