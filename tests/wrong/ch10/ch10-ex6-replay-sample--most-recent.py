# overrides: ch10-ex6-replay-sample
# why: 무작위로 뽑지 않고 가장 최근 전이 batch_size개를 쓴다 (상관을 끊지 못한다) / takes the latest transitions
def sample_batch(memory, batch_size, rng):
    """마지막 batch_size개."""
    batch = list(memory)[-batch_size:]
    return tuple(np.array(column) for column in zip(*batch))
