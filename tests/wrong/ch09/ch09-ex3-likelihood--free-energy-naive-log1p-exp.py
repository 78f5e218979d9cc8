# overrides: ch09-ex3-likelihood
# why: softplus를 float32에서 log(1 + exp(x))로 그대로 계산해 가중치가 크면 exp가 넘친다 / overflow without softplus
def free_energy(v, W, b, c):
    v = np.asarray(v, dtype=np.float32)
    x = v @ np.asarray(W, dtype=np.float32) + np.asarray(c, dtype=np.float32)
    with np.errstate(over="ignore"):
        return -(v @ b) - np.sum(np.log(1.0 + np.exp(x)), axis=1)
