# overrides: ch10-ex4-epsilon-greedy
# why: 최댓값이 여럿이면 그중 하나를 무작위로 고른다 (규칙은 번호가 작은 것) / random tie-breaking
def epsilon_greedy(q_values, epsilon, rng):
    """동점을 무작위로 깬다."""
    if rng.random() < epsilon:
        return int(rng.integers(len(q_values)))
    best = np.flatnonzero(q_values == np.max(q_values))
    return int(rng.choice(best))
