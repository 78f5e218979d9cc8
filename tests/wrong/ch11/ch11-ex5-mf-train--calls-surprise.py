# overrides: ch11-ex5-mf-train
# why: 학습 루프를 쓰지 않고 11-11절의 Surprise SVD를 불렀다 (RMSE는 기준을 넘지만 부르면 안 되는 추천 라이브러리다).
def train_mf_and_predict(train, pairs, n_users, n_items):
    import pandas as pd
    from surprise import SVD, Dataset, Reader

    frame = pd.DataFrame(train, columns=["user", "item", "rating"])
    data = Dataset.load_from_df(frame, Reader(rating_scale=(1, 5))).build_full_trainset()
    model = SVD(n_factors=8, n_epochs=60, lr_all=0.02, reg_all=0.05, random_state=0).fit(data)
    return np.array([model.predict(int(u), int(i)).est for u, i in pairs])
