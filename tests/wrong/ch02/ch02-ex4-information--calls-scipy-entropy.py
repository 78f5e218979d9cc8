# overrides: ch02-ex4-information
# why: scipy.stats.entropy로 엔트로피를 구했다 (기준 구현을 부른 답)
def entropy(p):
    from scipy.stats import entropy as scipy_entropy
    return float(scipy_entropy(p, base=2))
