# overrides: ch11-ex2-item-based-predict
# why: 모든 아이템 중 가장 비슷한 k개를 먼저 고른 뒤 사용자가 평가한 것만 남긴다 / takes the k most similar items overall, then keeps the rated ones
def predict_item_based(R, S, user, item, k):
    """전체에서 top-k를 고른 뒤 거른다."""
    ratings = np.asarray(R, dtype=np.float64)
    sims = np.asarray(S, dtype=np.float64)[item].copy()
    sims[item] = -np.inf
    top = np.lexsort((np.arange(len(sims)), -sims))[:k]
    chosen = [j for j in top if ratings[user, j] > 0 and sims[j] > 0]
    if chosen:
        return float(sims[chosen] @ ratings[user, chosen] / sims[chosen].sum())
    others = ratings[user] > 0
    others[item] = False
    if others.any():
        return float(ratings[user, others].mean())
    return float(ratings[ratings > 0].mean())
