# overrides: ch05-ex1-simple-rnn
# why: h0 인자를 받고도 늘 0에서 시작한다 / always starts from zeros, ignoring h0
def simple_rnn_forward(x, W_x, W_h, b, h0=None):
    """처음 은닉 상태를 무시하는 순전파."""
    h = np.zeros((x.shape[0], W_h.shape[0]))
    states = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t, :] @ W_x + h @ W_h + b)
        states.append(h)
    return np.stack(states, axis=1)
