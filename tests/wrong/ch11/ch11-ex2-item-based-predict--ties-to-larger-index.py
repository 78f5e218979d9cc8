# overrides: ch11-ex2-item-based-predict
# why: 유사도를 오름차순으로 정렬해 뒤에서부터 자르므로 동점이면 번호가 큰 아이템이 먼저다 / ties go to the larger index
def predict_item_based(R, S, user, item, k):
    """동점 규칙이 반대인 예측."""
    ratings = np.asarray(R, dtype=np.float64)
    sims = np.asarray(S, dtype=np.float64)[item]
    rated = ratings[user] > 0
    rated[item] = False
    candidates = np.flatnonzero(rated & (sims > 0))
    if candidates.size > 0:
        chosen = candidates[np.argsort(sims[candidates], kind="stable")[::-1][:k]]
        return float(sims[chosen] @ ratings[user, chosen] / sims[chosen].sum())
    if rated.any():
        return float(ratings[user, rated].mean())
    return float(ratings[ratings > 0].mean())
