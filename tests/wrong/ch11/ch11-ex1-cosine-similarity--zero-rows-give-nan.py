# overrides: ch11-ex1-cosine-similarity
# why: 모두 0인 행의 노름 0으로 그대로 나누어 NaN이 생긴다 / divides by a zero norm: NaN for all-zero rows
def cosine_similarity_matrix(X):
    """0인 행을 처리하지 않는 코사인 유사도."""
    rows = np.asarray(X, dtype=np.float64)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    with np.errstate(invalid="ignore", divide="ignore"):
        unit = rows / norms
    return unit @ unit.T
