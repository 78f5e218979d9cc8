# overrides: ch11-ex5-mf-train
# why: 편향을 뺀 잔차 행렬(빈칸 0)을 np.linalg.svd로 한 번에 분해했다: 학습 루프가 아니라 부르면 안 되는 분해 함수라서 떨어진다 (이 답은 RMSE로도 통과 기준에 못 미친다).
def train_mf_and_predict(train, pairs, n_users, n_items):
    users, items = train[:, 0], train[:, 1]
    values = train[:, 2].astype(np.float64)
    mu = values.mean()
    b_item = np.bincount(items, values - mu, n_items) / (10.0 + np.bincount(items, minlength=n_items))
    b_user = np.bincount(users, values - mu - b_item[items], n_users) / (15.0 + np.bincount(users, minlength=n_users))
    residual = np.zeros((n_users, n_items))
    residual[users, items] = values - mu - b_user[users] - b_item[items]
    U, s, Vt = np.linalg.svd(residual / 0.15, full_matrices=False)     # 0.15: 관측된 칸의 비율
    approx = mu + b_user[:, None] + b_item[None, :] + (U[:, :4] * s[:4]) @ Vt[:4] * 0.15
    return np.clip(approx[pairs[:, 0], pairs[:, 1]], 1.0, 5.0)
