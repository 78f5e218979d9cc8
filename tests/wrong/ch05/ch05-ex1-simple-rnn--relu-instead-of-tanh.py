# overrides: ch05-ex1-simple-rnn
# why: 4장의 습관대로 활성화 함수를 ReLU로 쓴다 (SimpleRNN의 기본값은 tanh) / ReLU instead of tanh
def simple_rnn_forward(x, W_x, W_h, b, h0=None):
    """ReLU를 쓰는 RNN 순전파."""
    h = np.zeros((x.shape[0], W_h.shape[0])) if h0 is None else np.array(h0, dtype=float)
    states = []
    for t in range(x.shape[1]):
        h = np.maximum(0.0, x[:, t, :] @ W_x + h @ W_h + b)
        states.append(h)
    return np.stack(states, axis=1)
