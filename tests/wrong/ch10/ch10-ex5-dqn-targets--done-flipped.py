# overrides: ch10-ex5-dqn-targets
# why: done을 거꾸로 읽어 종료 전이에서만 다음 값을 더한다 / uses done instead of (1 - done)
def dqn_targets(rewards, next_q_target, dones, gamma):
    """dones를 곱한다."""
    return rewards + gamma * dones * np.max(next_q_target, axis=1)
