# overrides: ch07-ex2-corrupt
# why: < 대신 >= 로 비교해 가리지 않을 화소를 가린다 / masks with >= instead of <
def corrupt(x, noise_std, mask_prob, seed):
    """비교 방향이 반대인 마스킹."""
    rng = np.random.default_rng(seed)
    noisy = np.asarray(x, dtype=float) + noise_std * rng.normal(size=np.shape(x))
    mask = rng.random(np.shape(x)) >= mask_prob
    return np.clip(np.where(mask, 0.0, noisy), 0.0, 1.0)
