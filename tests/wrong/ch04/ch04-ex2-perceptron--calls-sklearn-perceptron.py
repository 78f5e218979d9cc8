# overrides: ch04-ex2-perceptron
# why: scikit-learn의 Perceptron을 학습시켰다 (기준 구현을 부른 답)
def train_perceptron(X, y, learning_rate=0.1, epochs=10):
    from sklearn.linear_model import Perceptron
    model = Perceptron(eta0=learning_rate, max_iter=epochs, shuffle=False, tol=None).fit(X, y)
    return model.coef_[0], float(model.intercept_[0])
