# overrides: ch10-ex6-replay-sample
# why: 뽑은 인덱스를 정렬해 메모리 순서로 꺼낸다 (규칙은 뽑은 순서 그대로) / sorts the sampled indices
def sample_batch(memory, batch_size, rng):
    """인덱스를 정렬한다."""
    idx = np.sort(rng.choice(len(memory), size=batch_size, replace=False))
    batch = [memory[i] for i in idx]
    return tuple(np.array(column) for column in zip(*batch))
