"""2장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 교재의 손 계산 예와 Keras로 한 번 계산해 둔 숫자(리터럴)뿐이고,
함수들은 학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 입력과 기준 구현(``np.polyfit``,
중심화한 데이터의 SVD, ``tf.GradientTape``, ``keras.losses``, ``tf.nn``)을 쓰는 숨은 사례는 강사용
``solutions/ch02/ch02_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch02-ex1-ols`` | 닫힌 형태의 최소제곱 직선 (OLS) | 2-1 |
| ``ch02-ex2-tls`` | SVD로 구하는 전체 최소제곱 직선 (TLS) | 2-1 |
| ``ch02-ex3-logistic-step`` | 로지스틱 회귀의 경사 하강 한 스텝 (NumPy) | 2-3 |
| ``ch02-ex4-information/<이름>`` | 엔트로피, KL 발산, 교차 엔트로피 | 2-4 |
| ``ch02-ex5-stable-bce`` | 로짓에서 바로 계산하는 안정한 BCE | 2-7 |
| ``ch02-ex6-digits/<pass|excellent>`` | 손글씨 숫자 분류기를 만들고 학습시키기 (정확도 기준 두 단계) | 2-7 |
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import forbid_calls, Case, CheckFailure, Exercise, compare_arrays, scalar_of, to_numpy

__all__ = [
    "INFORMATION_PARTS", "VISIBLE", "compare_line", "compare_logistic_step", "run_array",
    "run_line_fit", "run_logistic_step", "scalar_of",
    "DIGIT_BARS", "digits_split", "run_fit_and_predict", "accuracy_at_least", "accuracy_note", "_digit_exercise",
]

INFORMATION_PARTS = ("entropy", "kl_divergence", "cross_entropy")
"""연습문제 4의 세 함수 (id는 ``ch02-ex4-information/<이름>``)."""




# --- 연습문제 1, 2: 직선 적합 (기울기, 절편) ----------------------------------------------------

def run_line_fit(func: Callable, case: Case) -> list[float]:
    """``func(x, y)``를 입력의 복사본으로 불러 ``[기울기, 절편]``을 float 두 개로 돌려준다."""
    x, y = (np.array(a, dtype=np.float64) for a in case.args)
    got = func(x.copy(), y.copy())
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(기울기, 절편) 두 값의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__}"
                           + (f", 길이 {len(got)}" if isinstance(got, (tuple, list)) else "") + ")")
    return [scalar_of(got[0], "직선의 기울기"), scalar_of(got[1], "절편")]


def compare_line(got: list[float], expected: Any, case: Case, *, rtol: float = 1e-6,
                 atol: float = 1e-8) -> None:
    """기울기를 먼저, 그다음 절편을 비교한다 (틀린 쪽을 이름으로 알린다)."""
    expected = [float(v) for v in expected]
    compare_arrays(got[0], expected[0], rtol=rtol, atol=atol, name="직선의 기울기")
    compare_arrays(got[1], expected[1], rtol=rtol, atol=atol, name="절편")


def _ols_cases() -> list[Case]:
    return [
        Case(args=([0.0, 1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 2.0, 4.0, 6.0]), expected=[1.2, 0.6],
             label="2-1절의 손 계산 예: S_xy = 12, S_xx = 10 → 기울기 1.2, 절편 3 − 1.2·2 = 0.6"),
        Case(args=([1.0, 2.0, 4.0, 5.0], [4.0, 3.0, 7.0, 6.0]), expected=[0.8, 2.6],
             label="연습문제 2의 네 점: S_xy = 8, S_xx = 10 → 기울기 0.8, 절편 5 − 0.8·3 = 2.6"),
    ]


def _tls_cases() -> list[Case]:
    return [
        Case(args=([1.0, 2.0, 4.0, 5.0], [4.0, 3.0, 7.0, 6.0]), expected=[1.0, 2.0],
             label="S_xx = S_yy = 10, S_xy = 8: 주성분 방향 (1, 1) → 기울기 1, 절편 5 − 3 = 2 (OLS는 0.8)"),
        Case(args=([1.0, 2.0, 4.0, 5.0], [6.0, 7.0, 3.0, 4.0]), expected=[-1.0, 8.0],
             label="S_xy = −8: 주성분 방향 (1, −1) → 기울기 −1, 절편 5 + 3 = 8"),
    ]


# --- 연습문제 3: 로지스틱 회귀 한 스텝 -----------------------------------------------------------

def run_logistic_step(func: Callable, case: Case) -> dict:
    """``logistic_step(w, b, X, y, learning_rate)``를 입력의 복사본으로 부르고 결과를 평범한 값으로 돌려준다.

    ``case.args = (w, b, X, y, learning_rate)``. 반환값은 ``{"loss", "w", "b"}`` (loss와 b는 float, w는 배열).
    """
    w, b, X, y, learning_rate = case.args
    w = np.array(w, dtype=np.float64)
    X = np.array(X, dtype=np.float64)
    y = np.array(y, dtype=np.float64)
    got = func(w.copy(), float(b), X.copy(), y.copy(), learning_rate)
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        raise CheckFailure(f"(new_w, new_b, loss) 세 값의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    new_w, new_b, loss = got
    try:
        new_w = to_numpy(new_w).astype(np.float64)
    except (TypeError, ValueError) as exc:
        raise CheckFailure(f"new_w를 숫자 배열로 바꿀 수 없습니다: {type(got[0]).__name__} ({exc})") from None
    if new_w.shape != w.shape:
        raise CheckFailure(f"new_w의 모양(shape)은 w와 같아야 합니다: 기대 {w.shape}, 실제 {new_w.shape}")
    return {"loss": scalar_of(loss, "손실(loss)"), "w": new_w.copy(), "b": scalar_of(new_b, "new_b")}


def compare_logistic_step(got: dict, expected: dict, case: Case, *, rtol: float = 1e-6,
                          atol: float = 1e-8) -> None:
    """갱신 전 손실, 새 가중치, 새 편향 순서로 비교한다."""
    compare_arrays(got["loss"], expected["loss"], rtol=rtol, atol=atol, name="갱신 전 손실 (평균 BCE)")
    compare_arrays(got["w"], expected["w"], rtol=rtol, atol=atol, name="새 가중치 new_w")
    compare_arrays(got["b"], expected["b"], rtol=rtol, atol=atol, name="새 편향 new_b")


_TEXT_X = [[1.0, 2.0], [2.0, -1.0], [-1.0, 1.0], [0.0, -2.0]]
_TEXT_Y = [1.0, 1.0, 0.0, 0.0]


def _logistic_cases() -> list[Case]:
    return [
        Case(args=([0.0, 0.0], 0.0, _TEXT_X, _TEXT_Y, 0.5),
             expected={"loss": 0.6931471805599453, "w": [0.25, 0.125], "b": 0.0},
             label="2-3절의 예: w = 0, b = 0이면 p = 0.5, 손실 ln 2, 그래디언트 (−0.5, −0.25)"),
        # 기댓값: 같은 입력에서 tf.GradientTape + keras.losses.binary_crossentropy(from_logits=True), float64
        Case(args=([0.5, -0.25], 0.1, _TEXT_X, _TEXT_Y, 0.5),
             expected={"loss": 0.5831121294065118, "w": [0.653718886681182, -0.038438208954217234],
                       "b": 0.061530667596213846},
             label="같은 데이터, w = (0.5, −0.25), b = 0.1, 학습률 0.5"),
    ]


# --- 연습문제 4: 정보 이론의 세 함수 ------------------------------------------------------------

def run_array(func: Callable, case: Case) -> np.ndarray:
    """인자들의 복사본으로 ``func``를 불러 결과를 float64 NumPy 배열로 돌려준다 (모양은 그대로)."""
    args = [np.array(a, dtype=np.float64) for a in case.args]
    got = func(*[a.copy() for a in args])
    try:
        return np.array(to_numpy(got), dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise CheckFailure(f"반환값을 숫자 배열로 바꿀 수 없습니다: {type(got).__name__} ({exc})") from None


_P = [0.5, 0.5]
_Q = [0.9, 0.1]
_P_BATCH = [[0.5, 0.5], [1.0, 0.0]]
_Q_BATCH = [[0.9, 0.1], [0.2, 0.8]]

_INFORMATION_CASES = {
    "entropy": [
        Case(args=(_P,), expected=0.6931471805599453, label="공정한 동전: H = ln 2 (= 1비트)"),
        Case(args=(_Q,), expected=0.3250829733914482, label="앞면 확률 0.9인 동전: −(0.9 ln 0.9 + 0.1 ln 0.1)"),
        Case(args=(_P_BATCH,), expected=[0.6931471805599453, 0.0],
             label="분포 두 개의 묶음 (마지막 축이 분포): 0 · ln 0 = 0으로 본다"),
    ],
    "kl_divergence": [
        Case(args=(_P, _Q), expected=0.5108256237659907,
             label="KL(p‖q), p = (0.5, 0.5), q = (0.9, 0.1): 0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1)"),
        Case(args=(_P, _P), expected=0.0, label="같은 분포끼리는 0"),
        Case(args=(_P_BATCH, _Q_BATCH), expected=[0.5108256237659907, 1.6094379124341003],
             label="분포 두 쌍의 묶음: 둘째 쌍은 p = (1, 0), q = (0.2, 0.8) → ln 5"),
    ],
    "cross_entropy": [
        Case(args=(_P, _Q), expected=1.203972804325936,
             label="H(p, q) = H(p) + KL(p‖q) = 0.693147 + 0.510826"),
        Case(args=(_P_BATCH, _Q_BATCH), expected=[1.203972804325936, 1.6094379124341003],
             label="분포 두 쌍의 묶음 (마지막 축이 분포)"),
    ],
}


def _information_exercise(part: str) -> Exercise:
    return Exercise(id=f"ch02-ex4-information/{part}", cases=lambda: list(_INFORMATION_CASES[part]),
                    run=run_array, rtol=1e-5, atol=1e-5)


# --- 연습문제 5: 안정한 BCE ------------------------------------------------------------------------

def _bce_cases() -> list[Case]:
    return [
        Case(args=([1.0, 0.0, 1.0, 0.0], [2.0, 2.0, -30.0, 100.0]),
             expected=[0.1269280110429725, 2.1269280110429727, 30.000000000000092, 100.0],
             label="2-7절의 예: 로짓이 크면 손실은 거의 |z| (오버플로 없이)"),
    ]


# --- 연습문제 6: 손글씨 숫자 분류기 (만들고 학습시키기) ------------------------------------------

DIGIT_BARS = {"pass": 0.93, "excellent": 0.96}
"""정확도 기준: ``ch02-ex6-digits/pass``(부분 점수)와 ``ch02-ex6-digits/excellent``(나머지 점수). 공개 사례는 2-7절과
같은 나누기, 숨은 사례는 시드가 다른 나누기에서 잰다."""


def digits_split(seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """scikit-learn의 손글씨 숫자를 2-7절처럼 나눈다: 픽셀/16, 층화 추출 80:20 → (x_train, y_train, x_test, y_test)."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    x = (digits.data / 16.0).astype(np.float32)
    x_train, x_test, y_train, y_test = train_test_split(
        x, digits.target, test_size=0.2, stratify=digits.target, random_state=seed)
    return x_train, y_train.astype(np.int64), x_test, y_test.astype(np.int64)


def run_fit_and_predict(func: Callable, case: Case) -> np.ndarray:
    """시드를 고정하고 ``func(x_train, y_train, x_test)``를 부른다: 예측 숫자(정수) 배열, 또는 (n, 10) 점수의 argmax."""
    import keras

    x_train, y_train, x_test = (np.array(a) for a in case.args)
    keras.utils.set_random_seed(0)
    got = to_numpy(func(x_train.copy(), y_train.copy(), x_test.copy()))
    n = len(x_test)
    if got.shape == (n, 10):
        got = got.argmax(axis=1)
    if got.shape != (n,):
        raise CheckFailure(f"시험 이미지 {n}장의 예측(모양 ({n},)의 숫자, 또는 ({n}, 10)의 점수)을 돌려주어야 합니다 "
                           f"(실제 모양: {got.shape})")
    if not np.all(np.isfinite(got)) or np.any(got != np.round(got)):
        raise CheckFailure("예측은 0부터 9까지의 정수여야 합니다")
    return got.astype(np.int64)


def accuracy_at_least(bar: float) -> Callable[[np.ndarray, Any, Case], None]:
    def compare(got: np.ndarray, expected: Any, case: Case) -> None:
        accuracy = float(np.mean(np.asarray(got) == np.asarray(expected)))
        if accuracy < bar:
            raise CheckFailure(f"시험 정확도 {accuracy:.3f}가 기준 {bar:.2f}에 못 미칩니다")
    return compare


def accuracy_note(got: np.ndarray, expected: Any, case: Case) -> str:
    return f"시험 정확도 {float(np.mean(np.asarray(got) == np.asarray(expected))):.3f}"


def _digit_visible_cases() -> list[Case]:
    x_train, y_train, x_test, y_test = digits_split(0)
    return [Case(args=(x_train, y_train, x_test), expected=y_test,
                 label=f"2-7절과 같은 나누기 (훈련 {len(x_train)}장, 시험 {len(x_test)}장)")]


def _digit_exercise(level: str, cases: Callable[[], list[Case]]) -> Exercise:
    return Exercise(id=f"ch02-ex6-digits/{level}", cases=cases, run=run_fit_and_predict,
                    compare=accuracy_at_least(DIGIT_BARS[level]), report=accuracy_note)


# --- 목록 --------------------------------------------------------------------------------------

VISIBLE: dict[str, Exercise] = {
    "ch02-ex1-ols": Exercise(id="ch02-ex1-ols", cases=_ols_cases, run=run_line_fit, compare=compare_line),
    "ch02-ex2-tls": Exercise(id="ch02-ex2-tls", cases=_tls_cases, run=run_line_fit, compare=compare_line),
    "ch02-ex3-logistic-step": Exercise(id="ch02-ex3-logistic-step", cases=_logistic_cases,
                                       run=run_logistic_step, compare=compare_logistic_step),
    **{f"ch02-ex4-information/{part}": _information_exercise(part) for part in INFORMATION_PARTS},
    "ch02-ex5-stable-bce": Exercise(id="ch02-ex5-stable-bce", cases=_bce_cases, run=run_array,
                                    rtol=1e-6, atol=1e-8),
    **{f"ch02-ex6-digits/{level}": _digit_exercise(level, _digit_visible_cases) for level in DIGIT_BARS},
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들
forbid_calls(VISIBLE, {
    "ch02-ex1-ols": ("numpy.polyfit", "numpy.linalg.lstsq", "numpy.linalg.pinv", "scipy.linalg.lstsq",
                     "scipy.stats.linregress", "sklearn.linear_model"),
    "ch02-ex2-tls": ("sklearn.decomposition",),
    "ch02-ex3-logistic-step": ("tensorflow.GradientTape", "sklearn.linear_model"),
    "ch02-ex4-information": ("scipy.stats.entropy", "scipy.special.entr", "scipy.special.rel_entr",
                             "scipy.special.kl_div", "keras.losses", "keras.ops.binary_crossentropy",
                             "keras.ops.categorical_crossentropy"),
    "ch02-ex5-stable-bce": ("keras.losses", "keras.ops.binary_crossentropy",
                            "tensorflow.nn.sigmoid_cross_entropy_with_logits",
                            "tensorflow.nn.weighted_cross_entropy_with_logits"),
    # 학습하는 모델은 Keras(또는 직접 쓴 코드)여야 한다: scikit-learn의 분류기와 데이터 파일은 부르지 않는다
    "ch02-ex6-digits": ("sklearn.linear_model", "sklearn.svm", "sklearn.neighbors", "sklearn.ensemble",
                        "sklearn.neural_network", "sklearn.tree", "sklearn.naive_bayes",
                        "sklearn.discriminant_analysis", "sklearn.datasets"),
})
