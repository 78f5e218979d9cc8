# overrides: ch10-ex7-agent
# why: 환경의 내부(_grid, _rewards)에서 격자를 꺼내 dlbook.gridworld의 가치 반복으로 Q*를 계산한다: 경험으로 배우지 않는다 / plans with value iteration on the environment's private layout
def train_agent(env, gamma, seed):
    from dlbook.gridworld import GridWorld, value_iteration
    step_r, goal_r, hole_r = env._rewards
    world = GridWorld(["".join(row) for row in env._grid], step_reward=step_r, goal_reward=goal_r, hole_reward=hole_r)
    P, R = world.transition_model()
    return value_iteration(P, R, gamma)[1]
