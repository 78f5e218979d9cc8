# overrides: ch11-ex1-cosine-similarity
# why: 길이로 나누지 않고 내적만 계산한다 / plain dot products, forgot to divide by the norms
def cosine_similarity_matrix(X):
    """행끼리의 내적."""
    rows = np.asarray(X, dtype=np.float64)
    return rows @ rows.T
