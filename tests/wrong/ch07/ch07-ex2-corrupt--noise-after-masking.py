# overrides: ch07-ex2-corrupt
# why: 먼저 가린 뒤 잡음을 더한다 (가려진 화소에도 잡음이 남고 난수 순서도 바뀐다) / masks first, then adds noise
def corrupt(x, noise_std, mask_prob, seed):
    """가림 다음 잡음."""
    rng = np.random.default_rng(seed)
    mask = rng.random(np.shape(x)) < mask_prob
    masked = np.where(mask, 0.0, x)
    return np.clip(masked + noise_std * rng.normal(size=np.shape(x)), 0.0, 1.0)
