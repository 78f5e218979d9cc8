# overrides: ch04-ex5-som-step
# why: 이웃 거리를 격자 좌표가 아니라 입력 공간의 원형 사이 거리로 잰다 / neighbourhood measured between prototypes, not on the grid
def som_step(weights, grid, x, learning_rate, sigma):
    """SOM 한 단계 (이웃을 입력 공간에서 잼)."""
    winner = np.argmin(np.linalg.norm(weights - x, axis=1))
    dist2 = np.sum((weights - weights[winner]) ** 2, axis=1)
    neighbourhood = np.exp(-dist2 / (2 * sigma ** 2))
    return weights + learning_rate * neighbourhood[:, None] * (x - weights)
