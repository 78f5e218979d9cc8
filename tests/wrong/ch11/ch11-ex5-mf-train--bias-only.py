# overrides: ch11-ex5-mf-train
# why: SGD로 사용자·아이템 편향만 학습하고 요인 p_u·q_i를 빠뜨렸다: 11-5절의 편향 기준선과 같은 모델이라 통과 기준에 못 미친다.
def train_mf_and_predict(train, pairs, n_users, n_items):
    users, items = train[:, 0], train[:, 1]
    values = train[:, 2].astype(np.float64)
    rng = np.random.default_rng(0)
    mu = values.mean()
    b_user, b_item = np.zeros(n_users), np.zeros(n_items)
    for _ in range(20):
        order = rng.permutation(len(values))
        for start in range(0, len(order), 128):
            batch = order[start:start + 128]
            u, i = users[batch], items[batch]
            error = values[batch] - (mu + b_user[u] + b_item[i])
            np.add.at(b_user, u, 0.02 * (error - 0.05 * b_user[u]))
            np.add.at(b_item, i, 0.02 * (error - 0.05 * b_item[i]))
    return np.clip(mu + b_user[pairs[:, 0]] + b_item[pairs[:, 1]], 1.0, 5.0)
