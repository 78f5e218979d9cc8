# overrides: ch10-ex6-replay-sample
# why: rng.choice의 기본값(replace=True)을 그대로 써서 같은 전이가 두 번 뽑힐 수 있다 / samples with replacement
def sample_batch(memory, batch_size, rng):
    """중복을 허용해 뽑는다."""
    idx = rng.choice(len(memory), size=batch_size)
    batch = [memory[i] for i in idx]
    return tuple(np.array(column) for column in zip(*batch))
