"""5장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 교재의 예를 Keras 층(``SimpleRNN``, ``LSTMCell``, ``GRUCell``)에 같은 가중치를
넣어 한 번 계산해 둔 숫자(리터럴)이거나 문제의 정의대로 적은 작은 배열뿐이고, 함수들은 학생 함수를 부르고 결과를
비교하는 일만 한다. 무작위 입력과 Keras 기준을 쓰는 숨은 사례는 강사용 ``solutions/ch05/ch05_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch05-ex1-simple-rnn`` | SimpleRNN 순전파 (NumPy) | 5-1 |
| ``ch05-ex2-lstm-step`` | LSTM 한 스텝 (Keras 가중치 배치) | 5-3 |
| ``ch05-ex3-gru-step`` | GRU 한 스텝 (``reset_after=True``) | 5-4 |
| ``ch05-ex4-windows`` | 시계열을 학습 쌍(윈도)으로 자르기 | 5-6 |
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from dlbook.checker import forbid_calls, Case, CheckFailure, Exercise, array_result, compare_arrays, to_numpy

__all__ = [
    "VISIBLE", "array_result", "compare_lstm", "compare_windows", "run_gru_step", "run_lstm_step",
    "run_simple_rnn", "run_windows", "text_gru_inputs", "text_lstm_inputs", "text_rnn_inputs",
]

RTOL, ATOL = 1e-4, 1e-5
"""Keras는 float32로 계산하므로 float64 NumPy 답과 비교할 때 이만큼의 차이를 허용한다."""




def _copies(arrays: tuple) -> tuple[list, list]:
    """입력 배열들의 float64 사본 두 벌: 하나는 학생 함수에, 하나는 입력이 바뀌었는지 보는 데 쓴다."""
    given = [None if a is None else np.array(a, dtype=np.float64) for a in arrays]
    keep = [None if a is None else a.copy() for a in given]
    return given, keep


def _unchanged(given: list, keep: list, names: tuple[str, ...]) -> None:
    for g, k, name in zip(given, keep, names):
        if g is not None and (g.shape != k.shape or not np.array_equal(g, k)):
            raise CheckFailure(f"함수가 입력 {name}을(를) 바꾸었습니다. 입력은 그대로 두고 새 배열을 만들어 쓰세요")


# --- 교재의 예 (5-1, 5-3, 5-4절) ------------------------------------------------------------------

def text_rnn_inputs() -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """5-1절의 작은 예: 배치 2, 시점 3, 특성 2, 은닉 유닛 3."""
    x = np.array([[[1.0, 0.0], [0.5, -1.0], [0.0, 2.0]],
                  [[-1.0, 1.0], [0.0, 0.0], [2.0, 0.5]]])
    W_x = np.array([[0.5, -0.3, 0.2],
                    [0.1, 0.4, -0.6]])
    W_h = np.array([[0.3, -0.2, 0.1],
                    [0.0, 0.5, -0.4],
                    [0.2, 0.1, 0.6]])
    b = np.array([0.1, 0.0, -0.1])
    return x, W_x, W_h, b


def text_lstm_inputs() -> tuple[np.ndarray, ...]:
    """5-3절의 작은 예: 배치 2, 특성 2, 은닉 유닛 2 (kernel (2, 8), recurrent_kernel (2, 8), bias (8,))."""
    x_t = np.array([[1.0, -0.5], [0.2, 0.8]])
    h_prev = np.array([[0.1, -0.2], [0.0, 0.3]])
    c_prev = np.array([[0.5, -1.0], [0.2, 0.0]])
    kernel = np.round(np.linspace(-0.8, 0.8, 16).reshape(2, 8), 4)
    recurrent_kernel = np.round(np.cos(np.arange(16.0)).reshape(2, 8) * 0.5, 4)
    bias = np.array([0.0, 0.1, 1.0, 1.0, -0.2, 0.3, 0.1, -0.1])
    return x_t, h_prev, c_prev, kernel, recurrent_kernel, bias


def text_gru_inputs() -> tuple[np.ndarray, ...]:
    """5-4절의 작은 예: 배치 2, 특성 2, 은닉 유닛 2 (kernel (2, 6), recurrent_kernel (2, 6), bias (2, 6))."""
    x_t = np.array([[1.0, -0.5], [0.2, 0.8]])
    h_prev = np.array([[0.1, -0.2], [0.0, 0.3]])
    kernel = np.round(np.linspace(-0.6, 0.9, 12).reshape(2, 6), 4)
    recurrent_kernel = np.round(np.sin(np.arange(12.0)).reshape(2, 6) * 0.7, 4)
    bias = np.array([[0.1, -0.1, 0.2, 0.0, 0.3, -0.2],
                     [0.0, 0.2, -0.1, 0.1, 0.0, 0.5]])
    return x_t, h_prev, kernel, recurrent_kernel, bias


# --- 연습문제 1: SimpleRNN 순전파 ------------------------------------------------------------------

def run_simple_rnn(func: Callable, case: Case) -> np.ndarray:
    """``simple_rnn_forward(x, W_x, W_h, b, h0)``를 불러 모양 (batch, T, units)인 모든 은닉 상태를 돌려받는다."""
    x, W_x, W_h, b = case.args[:4]
    h0 = case.kwargs.get("h0")
    given, keep = _copies((x, W_x, W_h, b, h0))
    kwargs = {} if h0 is None else {"h0": given[4]}
    got = func(*given[:4], **kwargs)
    _unchanged(given, keep, ("x", "W_x", "W_h", "b", "h0"))
    batch, steps = np.shape(x)[:2]
    return array_result(got, (batch, steps, np.shape(W_h)[0]), "은닉 상태 전체")


def _rnn_cases() -> list[Case]:
    x, W_x, W_h, b = text_rnn_inputs()
    return [
        Case(args=(x, W_x, W_h, b), label="5-1절의 예: 배치 2, 시점 3, 특성 2, 유닛 3, h0 = 0",
             expected=[[[0.5370495915412903, -0.29131263494491577, 0.0996680036187172],
                        [0.406197190284729, -0.6601612567901611, 0.6804925799369812],
                        [0.5064606070518494, 0.4274147152900696, -0.5277491807937622]],
                       [[-0.29131263494491577, 0.6043678522109985, -0.7162979245185852],
                        [-0.12991498410701752, 0.2810452878475189, -0.664404034614563],
                        [0.7522616386413574, -0.2912529408931732, -0.4808213710784912]]]),
        Case(args=(x, W_x, W_h, b), kwargs={"h0": np.array([[0.5, -0.5, 0.0], [0.0, 1.0, 1.0]])},
             label="같은 예, 처음 은닉 상태 h0가 0이 아닐 때",
             expected=[[[0.6351489424705505, -0.5716699957847595, 0.33637556433677673],
                        [0.468244731426239, -0.7302334308624268, 0.798336386680603],
                        [0.5371496677398682, 0.3978298306465149, -0.4479081630706787]],
                       [[-0.09966801106929779, 0.8617232441902161, -0.6043678522109985],
                        [-0.0507303848862648, 0.371669203042984, -0.6735849976539612],
                        [0.7616209983825684, -0.26490646600723267, -0.5064114928245544]]]),
    ]


# --- 연습문제 2: LSTM 한 스텝 ----------------------------------------------------------------------

def run_lstm_step(func: Callable, case: Case) -> dict:
    """``lstm_step(x_t, h_prev, c_prev, kernel, recurrent_kernel, bias)``를 불러 ``{"h", "c"}``를 돌려받는다."""
    given, keep = _copies(case.args)
    got = func(*given)
    _unchanged(given, keep, ("x_t", "h_prev", "c_prev", "kernel", "recurrent_kernel", "bias"))
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(h, c) 두 배열의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    shape = np.shape(case.args[1])
    return {"h": array_result(got[0], shape, "새 은닉 상태 h"), "c": array_result(got[1], shape, "새 셀 상태 c")}


def compare_lstm(got: dict, expected: dict, case: Case) -> None:
    """셀 상태 c를 먼저, 그다음 은닉 상태 h를 비교한다 (c가 틀리면 h도 틀리므로)."""
    compare_arrays(got["c"], expected["c"], rtol=RTOL, atol=ATOL, name="새 셀 상태 c")
    compare_arrays(got["h"], expected["h"], rtol=RTOL, atol=ATOL, name="새 은닉 상태 h")


def _lstm_cases() -> list[Case]:
    return [Case(args=text_lstm_inputs(), label="5-3절의 예: 배치 2, 특성 2, 유닛 2",
                 expected={"h": [[0.024425683543086052, -0.2339773178100586],
                                 [0.16225865483283997, 0.19613631069660187]],
                           "c": [[0.05994141101837158, -0.6886976957321167],
                                 [0.2527974247932434, 0.3378998935222626]]})]


# --- 연습문제 3: GRU 한 스텝 -----------------------------------------------------------------------

def run_gru_step(func: Callable, case: Case) -> np.ndarray:
    """``gru_step(x_t, h_prev, kernel, recurrent_kernel, bias)``를 불러 새 은닉 상태를 돌려받는다."""
    given, keep = _copies(case.args)
    got = func(*given)
    _unchanged(given, keep, ("x_t", "h_prev", "kernel", "recurrent_kernel", "bias"))
    return array_result(got, np.shape(case.args[1]), "새 은닉 상태 h")


def _gru_cases() -> list[Case]:
    return [Case(args=text_gru_inputs(), label="5-4절의 예: 배치 2, 특성 2, 유닛 2, reset_after=True",
                 expected=[[-0.045071668922901154, -0.28465911746025085],
                           [0.32273659110069275, 0.42666947841644287]])]


# --- 연습문제 4: 윈도 만들기 -----------------------------------------------------------------------

def run_windows(func: Callable, case: Case) -> dict:
    """``make_windows(series, window, horizon, many_to_many)``를 불러 ``{"X", "y"}``를 돌려받는다."""
    series = np.array(case.args[0], dtype=np.float64)
    given = series.copy()
    got = func(given, *case.args[1:], **case.kwargs)
    if not np.array_equal(given, series):
        raise CheckFailure("함수가 입력 series를 바꾸었습니다")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(X, y) 두 배열의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    out = {}
    for key, value in zip(("X", "y"), got):
        try:
            out[key] = np.array(to_numpy(value), dtype=np.float64)
        except (TypeError, ValueError) as exc:
            raise CheckFailure(f"{key}를 숫자 배열로 바꿀 수 없습니다: {type(value).__name__} ({exc})") from None
    return out


def compare_windows(got: dict, expected: dict, case: Case) -> None:
    """모양을 먼저 (샘플 수가 틀리면 흔히 한 칸 어긋난 것이다), 그다음 값을 정확히 비교한다."""
    for key in ("X", "y"):
        e = np.asarray(expected[key], dtype=np.float64)
        if got[key].shape != e.shape:
            raise CheckFailure(f"{key}의 모양(shape)이 다릅니다: 기대 {e.shape}, 실제 {got[key].shape} "
                               "(샘플 수는 len(series) − window − horizon + 1, many-to-many는 len(series) − window)")
        compare_arrays(got[key], e, rtol=0, atol=1e-12, name=key)


def _window_cases() -> list[Case]:
    series = np.arange(7.0)
    return [
        Case(args=(series, 3), label="series = 0, 1, …, 6, window=3 (many-to-one, horizon=1)",
             expected={"X": [[[0.0], [1.0], [2.0]], [[1.0], [2.0], [3.0]], [[2.0], [3.0], [4.0]],
                             [[3.0], [4.0], [5.0]]],
                       "y": [[3.0], [4.0], [5.0], [6.0]]}),
        Case(args=(series, 3), kwargs={"horizon": 2}, label="series = 0, 1, …, 6, window=3, horizon=2",
             expected={"X": [[[0.0], [1.0], [2.0]], [[1.0], [2.0], [3.0]], [[2.0], [3.0], [4.0]]],
                       "y": [[3.0, 4.0], [4.0, 5.0], [5.0, 6.0]]}),
        Case(args=(series, 4), kwargs={"many_to_many": True}, label="series = 0, 1, …, 6, window=4, many-to-many",
             expected={"X": [[[0.0], [1.0], [2.0], [3.0]], [[1.0], [2.0], [3.0], [4.0]], [[2.0], [3.0], [4.0], [5.0]]],
                       "y": [[[1.0], [2.0], [3.0], [4.0]], [[2.0], [3.0], [4.0], [5.0]],
                             [[3.0], [4.0], [5.0], [6.0]]]}),
    ]


# --- 목록 --------------------------------------------------------------------------------------

VISIBLE: dict[str, Exercise] = {
    "ch05-ex1-simple-rnn": Exercise(id="ch05-ex1-simple-rnn", cases=_rnn_cases, run=run_simple_rnn,
                                    rtol=RTOL, atol=ATOL),
    "ch05-ex2-lstm-step": Exercise(id="ch05-ex2-lstm-step", cases=_lstm_cases, run=run_lstm_step,
                                   compare=compare_lstm),
    "ch05-ex3-gru-step": Exercise(id="ch05-ex3-gru-step", cases=_gru_cases, run=run_gru_step,
                                  rtol=RTOL, atol=ATOL),
    "ch05-ex4-windows": Exercise(id="ch05-ex4-windows", cases=_window_cases, run=run_windows,
                                 compare=compare_windows),
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들
forbid_calls(VISIBLE, {
    "ch05-ex1-simple-rnn": ("keras.layers.SimpleRNN", "keras.layers.SimpleRNNCell", "keras.layers.RNN"),
    "ch05-ex2-lstm-step": ("keras.layers.LSTM", "keras.layers.LSTMCell", "keras.layers.RNN"),
    "ch05-ex3-gru-step": ("keras.layers.GRU", "keras.layers.GRUCell", "keras.layers.RNN"),
    "ch05-ex4-windows": ("keras.utils.timeseries_dataset_from_array",),
})
