# overrides: ch09-ex3-likelihood
# why: scikit-learn BernoulliRBM의 _free_energy(부호가 같은 F(v))를 부른다 / calls BernoulliRBM._free_energy
def free_energy(v, W, b, c):
    from sklearn.neural_network import BernoulliRBM
    rbm = BernoulliRBM(n_components=np.shape(W)[1])
    rbm.components_ = np.asarray(W, dtype=np.float64).T
    rbm.intercept_visible_, rbm.intercept_hidden_ = np.asarray(b, np.float64), np.asarray(c, np.float64)
    return rbm._free_energy(np.asarray(v, dtype=np.float64))
