# overrides: ch10-ex7-agent
# why: 목표에 다음 상태의 값을 넣지 않는다(목표 = r): 바로 다음 보상만 보는 근시안 정책이 된다 / target r without bootstrapping
def train_agent(env, gamma, seed):
    rng = np.random.default_rng(seed)
    Q = np.zeros((env.n_states, env.n_actions))
    for episode in range(1500):
        eps = 0.5 - 0.45 * episode / 1499
        s, _ = env.reset(seed=seed if episode == 0 else None)
        while True:
            a = int(rng.integers(env.n_actions)) if rng.random() < eps else int(np.argmax(Q[s]))
            s_next, r, terminated, truncated, _ = env.step(a)
            Q[s, a] += 0.5 * (r - Q[s, a])
            s = s_next
            if terminated or truncated:
                break
    return Q
