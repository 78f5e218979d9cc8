# overrides: ch11-ex5-mf-train
# why: 요인 32개를 규제 없이 60 에포크 학습했다: 훈련 평점에 과대적합해 시험 RMSE가 편향만의 기준선 가까이로 나빠진다.
def train_mf_and_predict(train, pairs, n_users, n_items):
    users, items = train[:, 0], train[:, 1]
    values = train[:, 2].astype(np.float64)
    rng = np.random.default_rng(0)
    mu = values.mean()
    b_user, b_item = np.zeros(n_users), np.zeros(n_items)
    P = rng.normal(0.0, 0.1, size=(n_users, 32))
    Q = rng.normal(0.0, 0.1, size=(n_items, 32))
    for _ in range(60):
        order = rng.permutation(len(values))
        for start in range(0, len(order), 128):
            batch = order[start:start + 128]
            u, i = users[batch], items[batch]
            pu, qi = P[u], Q[i]
            error = values[batch] - (mu + b_user[u] + b_item[i] + np.sum(pu * qi, axis=1))
            np.add.at(b_user, u, 0.02 * error)
            np.add.at(b_item, i, 0.02 * error)
            np.add.at(P, u, 0.02 * error[:, None] * qi)
            np.add.at(Q, i, 0.02 * error[:, None] * pu)
    u, i = pairs[:, 0], pairs[:, 1]
    return np.clip(mu + b_user[u] + b_item[i] + np.sum(P[u] * Q[i], axis=1), 1.0, 5.0)
