# overrides: ch02-ex4-information
# why: axis를 주지 않아 묶음 전체를 더한 숫자 하나를 돌려주었다 (분포마다 하나씩이어야 한다).
def cross_entropy(p, q):
    return -np.sum(np.asarray(p) * np.log(np.asarray(q)))
