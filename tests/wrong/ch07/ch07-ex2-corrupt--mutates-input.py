# overrides: ch07-ex2-corrupt
# why: x += …, x[mask] = 0 으로 입력 배열을 제자리에서 바꾼다 / modifies the input in place
def corrupt(x, noise_std, mask_prob, seed):
    """입력 배열을 직접 고친다."""
    rng = np.random.default_rng(seed)
    x += noise_std * rng.normal(size=x.shape)
    x[rng.random(x.shape) < mask_prob] = 0.0
    np.clip(x, 0.0, 1.0, out=x)
    return x
