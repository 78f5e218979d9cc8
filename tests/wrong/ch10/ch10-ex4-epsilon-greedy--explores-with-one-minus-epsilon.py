# overrides: ch10-ex4-epsilon-greedy
# why: 부등호를 뒤집어 확률 1 − ε로 탐험한다 / explores when u >= epsilon
def epsilon_greedy(q_values, epsilon, rng):
    """u ≥ ε 이면 탐험."""
    if rng.random() >= epsilon:
        return int(rng.integers(len(q_values)))
    return int(np.argmax(q_values))
