# overrides: ch03-ex3-binary-metrics
# why: 정확도를 TP / n으로 계산해 맞힌 음성(TN)을 빠뜨린다 / accuracy ignores the true negatives
def binary_metrics(y_true, y_pred):
    """정확도 = TP / n."""
    y_true, y_pred = np.asarray(y_true).astype(int), np.asarray(y_pred).astype(int)
    tp = np.sum((y_true == 1) & (y_pred == 1))
    fp = np.sum((y_true == 0) & (y_pred == 1))
    fn = np.sum((y_true == 1) & (y_pred == 0))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"accuracy": float(tp / len(y_true)), "precision": float(precision),
            "recall": float(recall), "f1": float(f1)}
