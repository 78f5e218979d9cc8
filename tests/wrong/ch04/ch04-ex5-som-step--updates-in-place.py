# overrides: ch04-ex5-som-step
# why: 입력 weights를 제자리에서 고쳐 호출한 쪽의 배열이 바뀐다 / modifies the caller's weights in place
def som_step(weights, grid, x, learning_rate, sigma):
    """SOM 한 단계 (입력 배열을 덮어씀)."""
    winner = np.argmin(np.linalg.norm(weights - x, axis=1))
    grid_dist2 = np.sum((grid - grid[winner]) ** 2, axis=1)
    neighbourhood = np.exp(-grid_dist2 / (2 * sigma ** 2))
    weights += learning_rate * neighbourhood[:, None] * (x - weights)
    return weights
