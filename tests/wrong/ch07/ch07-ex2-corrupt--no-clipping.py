# overrides: ch07-ex2-corrupt
# why: 마지막에 [0, 1]로 자르지 않는다 / forgets to clip to [0, 1]
def corrupt(x, noise_std, mask_prob, seed):
    """자르지 않은 오염."""
    rng = np.random.default_rng(seed)
    noisy = np.asarray(x, dtype=float) + noise_std * rng.normal(size=np.shape(x))
    mask = rng.random(np.shape(x)) < mask_prob
    return np.where(mask, 0.0, noisy)
