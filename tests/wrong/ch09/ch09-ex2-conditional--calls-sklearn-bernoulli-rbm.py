# overrides: ch09-ex2-conditional
# why: scikit-learn BernoulliRBM의 _mean_hiddens에 매개변수를 넣어 p(h | v)를 얻는다 / calls BernoulliRBM._mean_hiddens
def p_h_given_v(v, W, c):
    from sklearn.neural_network import BernoulliRBM
    rbm = BernoulliRBM(n_components=np.shape(W)[1])
    rbm.components_, rbm.intercept_hidden_ = np.asarray(W).T, np.asarray(c)
    return rbm._mean_hiddens(np.asarray(v))
