# overrides: ch05-ex1-simple-rnn
# why: 입력에 W_h, 은닉 상태에 W_x를 곱한다 (특성 수와 유닛 수가 같으면 오류 없이 틀린 값) / W_x and W_h swapped
def simple_rnn_forward(x, W_x, W_h, b, h0=None):
    """가중치를 바꿔 곱하는 순전파."""
    h = np.zeros((x.shape[0], W_h.shape[0])) if h0 is None else np.array(h0, dtype=float)
    states = []
    for t in range(x.shape[1]):
        h = np.tanh(x[:, t, :] @ W_h + h @ W_x + b)
        states.append(h)
    return np.stack(states, axis=1)
