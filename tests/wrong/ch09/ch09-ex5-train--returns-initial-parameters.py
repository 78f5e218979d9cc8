# overrides: ch09-ex5-train
# why: 초기화만 하고 학습 루프를 돌리지 않는다 (가시 편향만 로그 오즈로 맞춘 독립 모델) / returns the initial parameters without training
def train_rbm(v_train, n_hidden, seed):
    rng = np.random.default_rng(seed)
    v_train = np.asarray(v_train, dtype=np.float64)
    on_rate = v_train.mean(axis=0).clip(0.01, 0.99)
    return rng.normal(0.0, 0.01, (v_train.shape[1], n_hidden)), np.log(on_rate / (1.0 - on_rate)), np.zeros(n_hidden)
