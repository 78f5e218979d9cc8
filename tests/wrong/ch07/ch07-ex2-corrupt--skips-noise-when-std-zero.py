# overrides: ch07-ex2-corrupt
# why: noise_std = 0이면 잡음 뽑기를 건너뛰었다: 발생기의 순서가 바뀌어 가려지는 화소가 달라진다.
def corrupt(x, noise_std, mask_prob, seed):
    rng = np.random.default_rng(seed)
    noisy = np.asarray(x, dtype=float)
    if noise_std > 0:
        noisy = noisy + noise_std * rng.normal(size=noisy.shape)
    mask = rng.random(noisy.shape) < mask_prob
    return np.clip(np.where(mask, 0.0, noisy), 0.0, 1.0)
