# overrides: ch11-ex2-item-based-predict
# why: 사용자가 이미 평가한 예측 대상 아이템 자신(유사도 1)을 이웃에 넣는다 / keeps the target item itself as a neighbour
def predict_item_based(R, S, user, item, k):
    """자기 자신도 이웃 후보에 넣는다."""
    ratings = np.asarray(R, dtype=np.float64)
    sims = np.asarray(S, dtype=np.float64)[item]
    rated = ratings[user] > 0
    candidates = np.flatnonzero(rated & (sims > 0))
    if candidates.size > 0:
        chosen = candidates[np.lexsort((candidates, -sims[candidates]))[:k]]
        return float(sims[chosen] @ ratings[user, chosen] / sims[chosen].sum())
    others = rated.copy()
    others[item] = False
    if others.any():
        return float(ratings[user, others].mean())
    return float(ratings[ratings > 0].mean())
