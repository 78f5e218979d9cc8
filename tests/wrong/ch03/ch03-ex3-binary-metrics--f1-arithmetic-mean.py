# overrides: ch03-ex3-binary-metrics
# why: F1을 조화 평균이 아니라 산술 평균 (P + R) / 2로 계산한다 / F1 as the arithmetic mean of precision and recall
def binary_metrics(y_true, y_pred):
    """F1 = (정밀도 + 재현율) / 2."""
    y_true, y_pred = np.asarray(y_true).astype(int), np.asarray(y_pred).astype(int)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"accuracy": float(np.mean(y_true == y_pred)), "precision": float(precision),
            "recall": float(recall), "f1": float((precision + recall) / 2)}
