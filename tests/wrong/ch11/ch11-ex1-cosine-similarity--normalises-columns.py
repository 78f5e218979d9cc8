# overrides: ch11-ex1-cosine-similarity
# why: 행이 아니라 열을 길이 1로 맞춘 뒤 곱한다 (axis=0) / normalises columns instead of rows
def cosine_similarity_matrix(X):
    """열 노름으로 나눈 내적."""
    rows = np.asarray(X, dtype=np.float64)
    norms = np.linalg.norm(rows, axis=0, keepdims=True)
    unit = rows / np.where(norms == 0, 1.0, norms)
    return unit @ unit.T
