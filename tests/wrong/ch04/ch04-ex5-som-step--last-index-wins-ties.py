# overrides: ch04-ex5-som-step
# why: 거리가 같을 때 번호가 큰 뉴런을 승자로 고른다 / breaks ties towards the last index
def som_step(weights, grid, x, learning_rate, sigma):
    """SOM 한 단계 (동점이면 마지막 뉴런)."""
    dist = np.linalg.norm(weights - x, axis=1)
    winner = len(dist) - 1 - np.argmin(dist[::-1])
    grid_dist2 = np.sum((grid - grid[winner]) ** 2, axis=1)
    neighbourhood = np.exp(-grid_dist2 / (2 * sigma ** 2))
    return weights + learning_rate * neighbourhood[:, None] * (x - weights)
