# overrides: ch11-ex2-item-based-predict
# why: 이웃이 없으면 0을 돌려준다 (평점 없음과 예측 평점을 헷갈림) / returns 0 when there is no neighbour
def predict_item_based(R, S, user, item, k):
    """이웃이 없을 때 0."""
    ratings = np.asarray(R, dtype=np.float64)
    sims = np.asarray(S, dtype=np.float64)[item]
    rated = ratings[user] > 0
    rated[item] = False
    candidates = np.flatnonzero(rated & (sims > 0))
    if candidates.size == 0:
        return 0.0
    chosen = candidates[np.lexsort((candidates, -sims[candidates]))[:k]]
    return float(sims[chosen] @ ratings[user, chosen] / sims[chosen].sum())
