# overrides: ch04-ex5-som-step
# why: 승자만 갱신해 SOM이 아니라 단순 경쟁 학습이 된다 / updates only the winner (plain competitive learning)
def som_step(weights, grid, x, learning_rate, sigma):
    """SOM 한 단계 (승자만 움직임)."""
    new = weights.copy()
    winner = np.argmin(np.linalg.norm(weights - x, axis=1))
    new[winner] += learning_rate * (x - weights[winner])
    return new
