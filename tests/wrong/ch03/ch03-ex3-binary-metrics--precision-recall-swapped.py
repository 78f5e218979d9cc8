# overrides: ch03-ex3-binary-metrics
# why: 정밀도와 재현율의 분모를 바꾸어 쓴다 (TP/(TP+FN)을 정밀도라 함) / precision and recall swapped
def binary_metrics(y_true, y_pred):
    """정밀도와 재현율이 뒤바뀐 지표."""
    y_true, y_pred = np.asarray(y_true).astype(int), np.asarray(y_pred).astype(int)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    precision = tp / (tp + fn) if tp + fn else 0.0
    recall = tp / (tp + fp) if tp + fp else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": float(np.mean(y_true == y_pred)), "precision": float(precision),
            "recall": float(recall), "f1": float(f1)}
