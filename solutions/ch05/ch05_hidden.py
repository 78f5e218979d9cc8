"""5장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다. 기준은 Keras 층 자체다: SimpleRNN 순전파는
``keras.layers.SimpleRNN(return_sequences=True)``, LSTM 한 스텝은 ``keras.layers.LSTMCell``, GRU 한 스텝은
``keras.layers.GRUCell``(기본값 ``reset_after=True``)에 ``set_weights``로 같은 가중치를 넣어 계산한다. 윈도 만들기는
Keras에 같은 함수가 없으므로, many-to-one이고 horizon=1인 사례는 ``keras.utils.timeseries_dataset_from_array``로,
나머지는 이 파일의 기준 구현(문제에 적힌 정의 그대로)으로 만든다.

TensorFlow와 Keras는 함수 안에서 import한다: 채점기가 이 파일을 불러올 때는 stderr를 막지 않으므로
import 때의 로그가 테스트 셀에 찍히지 않도록, 무거운 일은 모두 ``quiet()`` 안에서 도는
``cases``/``run``/``reference``에서 한다.
"""
from __future__ import annotations

import numpy as np

from dlbook.checker import Case, Exercise
from dlbook.exercises.ch05 import (
    ATOL,
    RTOL,
    compare_lstm,
    compare_windows,
    FORECAST_BARS,
    forecaster_exercise,
    run_gru_step,
    run_lstm_step,
    run_simple_rnn,
    run_windows,
)

# --- 연습문제 1: SimpleRNN 순전파 ------------------------------------------------------------------


def simple_rnn_reference(case: Case) -> np.ndarray:
    """같은 가중치를 넣은 keras.layers.SimpleRNN(return_sequences=True)의 출력 (batch, T, units)."""
    import keras

    x, W_x, W_h, b = (np.asarray(a, dtype=np.float32) for a in case.args[:4])
    layer = keras.layers.SimpleRNN(W_h.shape[0], return_sequences=True)
    layer.build(x.shape)
    layer.set_weights([W_x, W_h, b])
    h0 = case.kwargs.get("h0")
    if h0 is None:
        return np.asarray(layer(x)).astype(np.float64)
    return np.asarray(layer(x, initial_state=[np.asarray(h0, dtype=np.float32)])).astype(np.float64)


def _rnn_cases() -> list[Case]:
    rng = np.random.default_rng(501)
    cases = []
    for batch, steps, features, units in ((4, 6, 3, 5), (2, 10, 1, 4), (3, 1, 4, 2)):
        args = (rng.normal(size=(batch, steps, features)), rng.normal(scale=0.6, size=(features, units)),
                rng.normal(scale=0.5, size=(units, units)), rng.normal(scale=0.3, size=units))
        cases.append(Case(args=args, label=f"무작위: 배치 {batch}, 시점 {steps}, 특성 {features}, 유닛 {units}"))
    args = (rng.normal(size=(3, 5, 2)), rng.normal(size=(2, 4)), rng.normal(scale=0.5, size=(4, 4)),
            rng.normal(scale=0.3, size=4))
    cases.append(Case(args=args, kwargs={"h0": rng.uniform(-1, 1, size=(3, 4))}, label="처음 은닉 상태 h0가 주어질 때"))
    args = (rng.normal(size=(2, 8, 3)), rng.normal(scale=2.0, size=(3, 3)), rng.normal(scale=1.5, size=(3, 3)),
            rng.normal(size=3))
    cases.append(Case(args=args, label="가중치가 커서 tanh가 포화하는 경우 (특성 수 = 유닛 수)"))
    return cases


# --- 연습문제 2: LSTM 한 스텝 ----------------------------------------------------------------------

def lstm_reference(case: Case) -> dict:
    """같은 가중치를 넣은 keras.layers.LSTMCell 한 스텝의 (h, c)."""
    import keras

    x_t, h_prev, c_prev, kernel, recurrent_kernel, bias = (np.asarray(a, dtype=np.float32) for a in case.args)
    cell = keras.layers.LSTMCell(h_prev.shape[1])
    cell.build(x_t.shape)
    cell.set_weights([kernel, recurrent_kernel, bias])
    _, (h, c) = cell(x_t, [h_prev, c_prev])
    return {"h": np.asarray(h).astype(np.float64), "c": np.asarray(c).astype(np.float64)}


def _lstm_cases() -> list[Case]:
    rng = np.random.default_rng(502)
    cases = []
    for batch, features, units in ((3, 4, 5), (1, 1, 3), (5, 2, 2), (2, 6, 4)):
        args = (rng.normal(size=(batch, features)), rng.uniform(-1, 1, size=(batch, units)),
                rng.normal(size=(batch, units)), rng.normal(scale=0.7, size=(features, 4 * units)),
                rng.normal(scale=0.7, size=(units, 4 * units)), rng.normal(scale=0.5, size=4 * units))
        cases.append(Case(args=args, label=f"무작위: 배치 {batch}, 특성 {features}, 유닛 {units}"))
    return cases


# --- 연습문제 3: GRU 한 스텝 -----------------------------------------------------------------------

def gru_reference(case: Case) -> np.ndarray:
    """같은 가중치를 넣은 keras.layers.GRUCell(reset_after=True) 한 스텝의 h."""
    import keras

    x_t, h_prev, kernel, recurrent_kernel, bias = (np.asarray(a, dtype=np.float32) for a in case.args)
    cell = keras.layers.GRUCell(h_prev.shape[1], reset_after=True)
    cell.build(x_t.shape)
    cell.set_weights([kernel, recurrent_kernel, bias])
    h, _ = cell(x_t, [h_prev])
    return np.asarray(h).astype(np.float64)


def _gru_cases() -> list[Case]:
    rng = np.random.default_rng(503)
    cases = []
    for batch, features, units in ((3, 4, 5), (1, 1, 3), (5, 2, 2), (2, 6, 4)):
        args = (rng.normal(size=(batch, features)), rng.uniform(-1, 1, size=(batch, units)),
                rng.normal(scale=0.7, size=(features, 3 * units)), rng.normal(scale=0.7, size=(units, 3 * units)),
                rng.normal(scale=0.5, size=(2, 3 * units)))
        cases.append(Case(args=args, label=f"무작위: 배치 {batch}, 특성 {features}, 유닛 {units}"))
    return cases


# --- 연습문제 4: 윈도 만들기 -----------------------------------------------------------------------

def windows_reference(case: Case) -> dict:
    """문제의 정의대로 만든 (X, y). many-to-one·horizon=1은 keras.utils.timeseries_dataset_from_array로 만든다."""
    series = np.asarray(case.args[0], dtype=np.float64)
    window = case.args[1]
    horizon = case.kwargs.get("horizon", 1)
    if case.kwargs.get("many_to_many", False):
        n = len(series) - window
        X = np.stack([series[i:i + window] for i in range(n)])[..., None]
        y = np.stack([series[i + 1:i + 1 + window] for i in range(n)])[..., None]
        return {"X": X, "y": y}
    if horizon == 1:
        import keras

        data = keras.utils.timeseries_dataset_from_array(series[:-1], series[window:], sequence_length=window,
                                                         batch_size=10_000, shuffle=False)
        X, y = next(iter(data))
        return {"X": np.asarray(X, dtype=np.float64)[..., None], "y": np.asarray(y, dtype=np.float64)[:, None]}
    n = len(series) - window - horizon + 1
    X = np.stack([series[i:i + window] for i in range(n)])[..., None]
    y = np.stack([series[i + window:i + window + horizon] for i in range(n)])
    return {"X": X, "y": y}


def _window_cases() -> list[Case]:
    rng = np.random.default_rng(504)
    noisy = np.round(rng.normal(size=40), 3)
    walk = np.round(np.cumsum(rng.normal(size=25)), 3)
    return [
        Case(args=(noisy, 5), label="무작위 길이 40 계열, window=5"),
        Case(args=(walk, 7), kwargs={"horizon": 1}, label="무작위 보행 길이 25, window=7, horizon=1 (명시)"),
        Case(args=(noisy, 6), kwargs={"horizon": 3}, label="길이 40, window=6, horizon=3"),
        Case(args=(walk, 24), label="window = 길이 − 1: 샘플 하나"),
        Case(args=(noisy, 10), kwargs={"many_to_many": True}, label="길이 40, window=10, many-to-many"),
        Case(args=(walk[:9], 3), kwargs={"many_to_many": True}, label="길이 9, window=3, many-to-many"),
    ]


# --- 목록 --------------------------------------------------------------------------------------

HIDDEN: dict[str, Exercise] = {
    "ch05-ex1-simple-rnn": Exercise(id="ch05-ex1-simple-rnn", cases=_rnn_cases, run=run_simple_rnn,
                                    reference=simple_rnn_reference, rtol=RTOL, atol=ATOL),
    "ch05-ex2-lstm-step": Exercise(id="ch05-ex2-lstm-step", cases=_lstm_cases, run=run_lstm_step,
                                   reference=lstm_reference, compare=compare_lstm),
    "ch05-ex3-gru-step": Exercise(id="ch05-ex3-gru-step", cases=_gru_cases, run=run_gru_step,
                                  reference=gru_reference, rtol=RTOL, atol=ATOL),
    "ch05-ex4-windows": Exercise(id="ch05-ex4-windows", cases=_window_cases, run=run_windows,
                                 reference=windows_reference, compare=compare_windows),
    # 숨은 계열: 잡음의 시드, 주기(32), 위상이 공개 사례(시드 5, 주기 40)와 다르다. 주기 40의 사인파를 외워 답하는
    # 예측은 여기서 틀린다. 시험 정답은 기댓값으로만 쓰이고 상자에 들어가지 않는다
    **{f"ch05-ex5-forecaster/{level}": forecaster_exercise(level, 11, 32.0, 1.0, "숨은 계열")
       for level in FORECAST_BARS},
}
