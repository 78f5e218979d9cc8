# overrides: ch10-ex7-agent
# why: 올바른 Q-러닝이지만 에피소드 30개에서 멈춘다: 목표에서 먼 상태까지 값이 퍼지지 않는다 / correct Q-learning stopped after 30 episodes
def train_agent(env, gamma, seed):
    rng = np.random.default_rng(seed)
    Q = np.zeros((env.n_states, env.n_actions))
    for episode in range(30):
        eps = 0.5 - 0.45 * episode / 29
        s, _ = env.reset(seed=seed if episode == 0 else None)
        while True:
            a = int(rng.integers(env.n_actions)) if rng.random() < eps else int(np.argmax(Q[s]))
            s_next, r, terminated, truncated, _ = env.step(a)
            target = r if terminated else r + gamma * np.max(Q[s_next])
            Q[s, a] += 0.5 * (target - Q[s, a])
            s = s_next
            if terminated or truncated:
                break
    return Q
