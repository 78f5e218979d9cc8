# overrides: ch10-ex4-epsilon-greedy
# why: 무작위 행동을 미리 뽑아 두어 활용할 때도 rng.integers를 쓴다 (난수 순서가 어긋난다) / draws an integer every call
def epsilon_greedy(q_values, epsilon, rng):
    """u와 무작위 행동을 늘 둘 다 뽑는다."""
    u = rng.random()
    random_action = int(rng.integers(len(q_values)))
    return random_action if u < epsilon else int(np.argmax(q_values))
