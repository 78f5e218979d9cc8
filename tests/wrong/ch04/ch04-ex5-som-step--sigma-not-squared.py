# overrides: ch04-ex5-som-step
# why: 이웃 함수의 분모에 2σ² 대신 2σ를 쓴다 / exp(−d²/(2σ)) instead of exp(−d²/(2σ²))
def som_step(weights, grid, x, learning_rate, sigma):
    """SOM 한 단계 (σ를 제곱하지 않음)."""
    winner = np.argmin(np.linalg.norm(weights - x, axis=1))
    grid_dist2 = np.sum((grid - grid[winner]) ** 2, axis=1)
    neighbourhood = np.exp(-grid_dist2 / (2 * sigma))
    return weights + learning_rate * neighbourhood[:, None] * (x - weights)
