"""4장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 교재의 예를 Keras/TensorFlow(또는 문제의 정의)로 한 번 계산해 둔
숫자(리터럴)뿐이고, 함수들은 학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 입력과 기준 구현을 쓰는
숨은 사례는 강사용 ``solutions/ch04/ch04_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch04-ex1-activations/<이름>``, ``…/<이름>_grad`` | 활성화 함수 다섯 가지와 도함수 (NumPy) | 4-2 |
| ``ch04-ex2-perceptron`` | 퍼셉트론 학습 규칙 | 4-5 |
| ``ch04-ex3-mlp-backprop`` | 2층 MLP의 순전파와 역전파 (NumPy) | 4-6 |
| ``ch04-ex4-numerical-gradient`` | 중앙 차분으로 구하는 수치 그래디언트 | 4-6 |
| ``ch04-ex5-som-step`` | SOM 한 단계 갱신 | 4-13 |
| ``ch04-ex6-credit-mlp/<pass|excellent>`` | 신용 평가 MLP를 만들고 학습시키기 (AUC 기준 두 단계) | 4-9 |
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook.checker import forbid_calls, Case, CheckFailure, Exercise, array_result, compare_arrays, scalar_of

__all__ = [
    "ACTIVATION_NAMES", "VISIBLE", "array_result", "compare_mlp", "compare_numerical_gradient",
    "compare_perceptron", "compare_som", "run_activation", "run_mlp", "run_numerical_gradient",
    "run_perceptron", "run_som_step", "scalar_of",
    "CREDIT_BARS", "credit_exercise", "run_fit_and_score",
]

ACTIVATION_NAMES = ("sigmoid", "tanh", "relu", "leaky_relu", "elu")
"""연습문제 1의 활성화 함수. 연습문제 id는 ``ch04-ex1-activations/<이름>``과 ``…/<이름>_grad``다."""






def _unchanged(before: np.ndarray, after: np.ndarray, what: str) -> None:
    if before.shape != after.shape or not np.allclose(after, before, rtol=1e-12, atol=1e-14):
        raise CheckFailure(f"함수가 입력 {what}을(를) 바꾸었습니다. 입력은 그대로 두고 새 배열을 만들어 쓰세요 "
                           "(예: x.copy())")


# --- 연습문제 1: 활성화 함수와 도함수 ---------------------------------------------------------------

def run_activation(func: Callable, case: Case) -> np.ndarray:
    """``func(x, **kwargs)``를 불러 입력과 같은 모양의 배열을 돌려받는다 (입력은 바꾸면 안 된다)."""
    x = np.array(case.args[0], dtype=np.float64)
    given = x.copy()
    got = func(given, **case.kwargs)
    _unchanged(x, given, "x")
    return array_result(got, x.shape, "반환값")


_X1 = [-2.0, -0.5, 0.0, 0.5, 2.0]

# 기댓값: keras.activations의 값과 tf.GradientTape으로 구한 도함수 (float64), x = _X1
_ACTIVATION_EXPECTED = {
    ("sigmoid", ()): [0.11920292202211755, 0.37754066879814546, 0.5, 0.6224593312018546, 0.8807970779778824],
    ("sigmoid_grad", ()): [0.1049935854035065, 0.23500371220159447, 0.25, 0.2350037122015945,
                           0.10499358540350653],
    ("tanh", ()): [-0.9640275800758169, -0.4621171572600098, 0.0, 0.4621171572600098, 0.9640275800758169],
    ("tanh_grad", ()): [0.07065082485316443, 0.7864477329659274, 1.0, 0.7864477329659274, 0.07065082485316443],
    ("relu", ()): [0.0, 0.0, 0.0, 0.5, 2.0],
    ("relu_grad", ()): [0.0, 0.0, 0.0, 1.0, 1.0],
    ("leaky_relu", ()): [-0.2, -0.05, 0.0, 0.5, 2.0],
    ("leaky_relu_grad", ()): [0.1, 0.1, 0.1, 1.0, 1.0],
    ("leaky_relu", (("alpha", 0.25),)): [-0.5, -0.125, 0.0, 0.5, 2.0],
    ("leaky_relu_grad", (("alpha", 0.25),)): [0.25, 0.25, 0.25, 1.0, 1.0],
    ("elu", ()): [-0.8646647167633873, -0.3934693402873666, 0.0, 0.5, 2.0],
    ("elu_grad", ()): [0.1353352832366127, 0.6065306597126334, 1.0, 1.0, 1.0],
    ("elu", (("alpha", 0.5),)): [-0.43233235838169365, -0.1967346701436833, 0.0, 0.5, 2.0],
    ("elu_grad", (("alpha", 0.5),)): [0.06766764161830635, 0.3032653298563167, 0.5, 1.0, 1.0],
}


def _activation_exercise(name: str) -> Exercise:
    def cases() -> list[Case]:
        out = []
        for (fname, kw), expected in _ACTIVATION_EXPECTED.items():
            if fname != name:
                continue
            kwargs = dict(kw)
            label = "x = [-2, -0.5, 0, 0.5, 2]" + (f", {', '.join(f'{k}={v}' for k, v in kwargs.items())}"
                                                    if kwargs else ", 기본 인자")
            out.append(Case(args=(_X1,), kwargs=kwargs, expected=expected, label=label))
        return out

    return Exercise(id=f"ch04-ex1-activations/{name}", cases=cases, run=run_activation, rtol=1e-6, atol=1e-9)


# --- 연습문제 2: 퍼셉트론 학습 --------------------------------------------------------------------

def run_perceptron(func: Callable, case: Case) -> dict:
    """``train_perceptron(X, y, learning_rate, epochs)``를 불러 (w, b)와 그 가중치로 본 예측을 돌려준다."""
    X = np.array(case.args[0], dtype=np.float64)
    y = np.array(case.args[1])
    X_in, y_in = X.copy(), y.copy()
    got = func(X_in, y_in, **case.kwargs)
    _unchanged(X, X_in, "X")
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(w, b) 두 값의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    w = array_result(got[0], (X.shape[1],), "가중치 w")
    b = scalar_of(got[1], "편향 b")
    return {"w": w, "b": b, "pred": (X @ w + b > 0).astype(float)}


def compare_perceptron(got: dict, expected: dict, case: Case) -> None:
    """가중치와 편향을 거의 정확히 (학습 규칙이 정해져 있으므로) 비교하고, 분류 결과도 본다."""
    compare_arrays(got["w"], expected["w"], rtol=1e-9, atol=1e-9, name="가중치 w")
    compare_arrays(got["b"], expected["b"], rtol=1e-9, atol=1e-9, name="편향 b")
    compare_arrays(got["pred"], expected["pred"], rtol=0, atol=0, name="학습한 퍼셉트론의 예측 (w·x + b > 0)")


_GATES_X = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]

_PERCEPTRON_CASES = [
    (_GATES_X, [0, 0, 0, 1], {"learning_rate": 0.1, "epochs": 10},
     {"w": [0.2, 0.1], "b": -0.2, "pred": [0.0, 0.0, 0.0, 1.0]}, "AND 게이트, 학습률 0.1, 10 에포크"),
    (_GATES_X, [0, 1, 1, 1], {"learning_rate": 0.1, "epochs": 10},
     {"w": [0.1, 0.1], "b": 0.0, "pred": [0.0, 1.0, 1.0, 1.0]}, "OR 게이트, 학습률 0.1, 10 에포크"),
    (_GATES_X, [0, 0, 0, 1], {"learning_rate": 0.1, "epochs": 1},
     {"w": [0.1, 0.1], "b": 0.1, "pred": [1.0, 1.0, 1.0, 1.0]}, "AND 게이트, 한 에포크만: 아직 다 맞히지 못한다"),
]


# --- 연습문제 3: 2층 MLP의 순전파와 역전파 -----------------------------------------------------------

PARAM_NAMES = ("W1", "b1", "W2", "b2")


def run_mlp(func: Callable, case: Case) -> dict:
    """``mlp_forward_backward(X, y, W1, b1, W2, b2)``를 불러 손실과 그래디언트 dict를 평범한 배열로 돌려준다."""
    arrays = [np.array(a, dtype=np.float64) for a in case.args]
    given = [a.copy() for a in arrays]
    got = func(*given)
    for name, a, g in zip(("X", "y", *PARAM_NAMES), arrays, given):
        _unchanged(a, g, name)
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(loss, grads) 두 값의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    loss, grads = got
    if not isinstance(grads, dict):
        raise CheckFailure(f"grads는 dict여야 합니다 (실제: {type(grads).__name__})")
    missing = [k for k in PARAM_NAMES if k not in grads]
    if missing:
        raise CheckFailure(f"grads에 키 {missing}가 없습니다 (키는 'W1', 'b1', 'W2', 'b2')")
    shapes = dict(zip(PARAM_NAMES, (a.shape for a in arrays[2:])))
    return {"loss": scalar_of(loss, "손실"),
            **{f"d{k}": array_result(grads[k], shapes[k], f"grads['{k}']") for k in PARAM_NAMES}}


def compare_mlp(got: dict, expected: dict, case: Case, *, rtol: float = 1e-6, atol: float = 1e-9) -> None:
    compare_arrays(got["loss"], expected["loss"], rtol=rtol, atol=atol, name="손실")
    # 역전파는 출력층에서 입력층 쪽으로 가므로 그 순서로 비교한다
    for k in ("W2", "b2", "W1", "b1"):
        compare_arrays(got[f"d{k}"], expected[f"d{k}"], rtol=rtol, atol=atol, name=f"grads['{k}']")


# 4-4절의 XOR 망 (초깃값): 기댓값은 tf.GradientTape과 keras.losses.MeanSquaredError(dtype="float64")로 계산
_MLP_XOR = (
    [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]], [[0.0], [1.0], [1.0], [0.0]],
    [[0.9, -0.7], [0.8, -0.6]], [-0.3, 0.4], [[0.6], [0.5]], [-0.2],
)
_MLP_XOR_EXPECTED = {
    "loss": 0.25841958753428695,
    "dW1": [[0.0002652697514104957, 0.0015352707175027378], [7.665779610257009e-05, 0.0014538968007826178]],
    "db1": [0.003903920973383516, 0.004116066793442302],
    "dW2": [[0.027120868082254918], [0.021283099292053485]],
    "db2": [0.047020860005691015],
}
_MLP_SMALL = (
    [[0.5, -1.0, 2.0], [1.5, 0.0, -0.5], [-1.0, 1.0, 0.5]], [[1.0, 0.0], [0.0, 1.0], [0.5, 0.5]],
    [[0.1, -0.2], [0.3, 0.4], [-0.5, 0.2]], [0.05, -0.05], [[0.7, -0.3], [-0.6, 0.8]], [0.1, -0.1],
)
_MLP_SMALL_EXPECTED = {
    "loss": 0.18874810895077523,
    "dW1": [[0.012451363651859377, -0.014925506998789697], [0.007433343958894889, -0.01443441911663997],
            [-0.020761676620959055, 0.03823853084457906]],
    "db1": [0.002839702969242655, 0.0016613951708294061],
    "dW2": [[0.019395894128150744, -0.011775957634872021], [-0.000464865752912594, 0.008676509591497485]],
    "db2": [0.005902520445073822, 0.009903899539776408],
}


# --- 연습문제 4: 수치 그래디언트 ---------------------------------------------------------------------

def run_numerical_gradient(func: Callable, case: Case) -> np.ndarray:
    """``numerical_gradient(f, x, h=…)``를 부른다 (``case.kwargs``에 h가 없으면 기본값으로).

    ``case.args = (f, x)``. 돌려받은 그래디언트가 x와 같은 모양인지, 그리고 x가 그대로인지 본다.
    """
    f, x = case.args
    x = np.array(x, dtype=np.float64)
    given = x.copy()
    got = func(f, given, **case.kwargs)
    _unchanged(x, given, "x")
    return array_result(got, x.shape, "그래디언트")


def compare_numerical_gradient(got: Any, expected: Any, case: Case, *, rtol: float = 1e-6,
                               atol: float = 1e-8) -> None:
    compare_arrays(got, expected, rtol=rtol, atol=atol, name="수치 그래디언트")


def _sum_of_cubes(x):
    """f(x) = Σ x³ (그래디언트 3x²)."""
    return float(np.sum(np.asarray(x) ** 3))


def _sum_of_sines(x):
    """f(x) = Σ sin x (그래디언트 cos x)."""
    return float(np.sum(np.sin(np.asarray(x))))


def _numgrad_cases() -> list[Case]:
    h = 1e-3
    return [
        Case(args=(_sum_of_cubes, [1.0, 2.0]), kwargs={"h": 0.1}, expected=[3.01, 12.01],
             label="f(x) = Σx³, x = [1, 2], h = 0.1: 중앙 차분은 3x² + h² = [3.01, 12.01]"),
        Case(args=(_sum_of_cubes, [1.0, 2.0]), kwargs={}, expected=[3.0000000001, 12.0000000001],
             label="같은 함수, 기본 h = 1e-5: 3x² + h²"),
        Case(args=(_sum_of_sines, [[0.0, 1.0], [2.0, 3.0]]), kwargs={"h": h},
             expected=(np.cos(np.array([[0.0, 1.0], [2.0, 3.0]])) * np.sin(h) / h).tolist(),
             label="f(x) = Σ sin x, 2×2 배열, h = 1e-3: cos(x)·sin(h)/h"),
    ]


# --- 연습문제 5: SOM 한 단계 ---------------------------------------------------------------------

def run_som_step(func: Callable, case: Case) -> np.ndarray:
    """``som_step(weights, grid, x, learning_rate, sigma)``를 불러 새 가중치를 돌려받는다 (입력은 그대로여야)."""
    weights, grid, x = (np.array(a, dtype=np.float64) for a in case.args)
    w_in, g_in, x_in = weights.copy(), grid.copy(), x.copy()
    got = func(w_in, g_in, x_in, **case.kwargs)
    _unchanged(weights, w_in, "weights")
    _unchanged(grid, g_in, "grid")
    _unchanged(x, x_in, "x")
    return array_result(got, weights.shape, "새 가중치")


def compare_som(got: Any, expected: Any, case: Case) -> None:
    compare_arrays(got, expected, rtol=1e-7, atol=1e-10, name="새 가중치")


_SOM_W = [[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]
_SOM_GRID = [[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]]
_SOM_CASES = [
    ((_SOM_W, _SOM_GRID, [0.8, 0.2]), {"learning_rate": 0.5, "sigma": 1.0},
     [[0.2426122638850534, 0.06065306597126335], [0.9, 0.1], [0.14715177646857694, 0.8528482235314231],
      [0.9393469340287367, 0.7573877361149466]],
     "2×2 격자, x = [0.8, 0.2], 학습률 0.5, σ = 1: 승자는 1번 뉴런"),
    ((_SOM_W, _SOM_GRID, [0.8, 0.2]), {"learning_rate": 0.5, "sigma": 0.5},
     [[0.054134113294645084, 0.013533528323661271], [0.9, 0.1], [0.007326255555493672, 0.9926737444445063],
      [0.9864664716763387, 0.9458658867053549]],
     "같은 입력, σ = 0.5: 이웃이 덜 끌려간다"),
    ((_SOM_W, _SOM_GRID, [0.5, 0.0]), {"learning_rate": 0.5, "sigma": 1.0},
     [[0.25, 0.0], [0.8483673350718417, 0.0], [0.15163266492815836, 0.6967346701436833],
      [0.9080301397071394, 0.8160602794142788]],
     "x = [0.5, 0]: 0번과 1번 뉴런이 똑같이 가깝다 → 번호가 작은 0번이 승자"),
]


# --- 연습문제 6: 신용 평가 MLP (만들고 학습시키기) ----------------------------------------------------

CREDIT_BARS = {"pass": 0.75, "excellent": 0.78}
"""시험 AUC 기준: ``…/pass``(부분 점수)와 ``…/excellent``(로지스틱 회귀 수준, 나머지 점수)."""


def run_fit_and_score(func: Callable, case: Case) -> np.ndarray:
    """시드를 고정하고 ``func(x_train, y_train, x_test)``를 부른다: 시험 신청자마다 불량 점수 (길이 m의 실수)."""
    import keras

    x_train, y_train, x_test = (np.array(a) for a in case.args)
    keras.utils.set_random_seed(0)
    got = np.asarray(func(x_train.copy(), y_train.copy(), x_test.copy()), dtype=np.float64)
    m = len(x_test)
    if got.shape in ((m, 1),):
        got = got.ravel()
    if got.shape != (m,):
        raise CheckFailure(f"시험 신청자 {m}명의 불량 점수(모양 ({m},) 또는 ({m}, 1))를 돌려주어야 합니다 (실제 모양: {got.shape})")
    if not np.all(np.isfinite(got)):
        raise CheckFailure("점수에 nan이나 inf가 있습니다")
    return got


def _auc_at_least(bar: float) -> Callable[[np.ndarray, Any, Case], None]:
    def compare(got: np.ndarray, expected: Any, case: Case) -> None:
        from sklearn.metrics import roc_auc_score

        auc = float(roc_auc_score(np.asarray(expected), got))
        if auc < bar:
            raise CheckFailure(f"시험 AUC {auc:.3f}가 기준 {bar:.2f}에 못 미칩니다")
    return compare


def _auc_note(got: np.ndarray, expected: Any, case: Case) -> str:
    from sklearn.metrics import roc_auc_score

    return f"시험 AUC {float(roc_auc_score(np.asarray(expected), got)):.3f}"


def credit_exercise(level: str, seed: int, label: str) -> Exercise:
    """``german_credit_split(seed)``의 (훈련, 시험 입력)으로 학습·예측하고 시험 레이블로 AUC를 잰다."""
    def cases() -> list[Case]:
        from dlbook.data import german_credit_split

        (x_train, y_train), (x_test, y_test), _ = german_credit_split(seed=seed)
        return [Case(args=(x_train, y_train, x_test), expected=y_test,
                     label=f"{label} (훈련 {len(x_train)}명, 시험 {len(x_test)}명)")]
    return Exercise(id=f"ch04-ex6-credit-mlp/{level}", cases=cases, run=run_fit_and_score,
                    compare=_auc_at_least(CREDIT_BARS[level]), report=_auc_note)


# --- 목록 --------------------------------------------------------------------------------------

VISIBLE: dict[str, Exercise] = {
    **{f"ch04-ex1-activations/{name}": _activation_exercise(name)
       for base in ACTIVATION_NAMES for name in (base, f"{base}_grad")},
    "ch04-ex2-perceptron": Exercise(
        id="ch04-ex2-perceptron",
        cases=lambda: [Case(args=(X, y), kwargs=kw, expected=exp, label=label)
                       for X, y, kw, exp, label in _PERCEPTRON_CASES],
        run=run_perceptron, compare=compare_perceptron),
    "ch04-ex3-mlp-backprop": Exercise(
        id="ch04-ex3-mlp-backprop",
        cases=lambda: [Case(args=_MLP_XOR, expected=_MLP_XOR_EXPECTED,
                            label="4-4절의 XOR 망 (2-2-1), 초깃값에서"),
                       Case(args=_MLP_SMALL, expected=_MLP_SMALL_EXPECTED,
                            label="샘플 3개, 입력 3 → 은닉 2 → 출력 2")],
        run=run_mlp, compare=compare_mlp),
    "ch04-ex4-numerical-gradient": Exercise(
        id="ch04-ex4-numerical-gradient", cases=_numgrad_cases, run=run_numerical_gradient,
        compare=lambda g, e, c: compare_numerical_gradient(g, e, c, rtol=1e-7, atol=1e-7)),
    "ch04-ex5-som-step": Exercise(
        id="ch04-ex5-som-step",
        cases=lambda: [Case(args=args, kwargs=kw, expected=exp, label=label) for args, kw, exp, label in _SOM_CASES],
        run=run_som_step, compare=compare_som),
    **{f"ch04-ex6-credit-mlp/{level}": credit_exercise(level, 0, "4-9절과 같은 나누기") for level in CREDIT_BARS},
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): 프롬프트가 "직접 구현"을 요구하는 연습문제들
forbid_calls(VISIBLE, {
    "ch04-ex1-activations": ("keras.activations", "tensorflow.nn", "tensorflow.math.sigmoid",
                             "scipy.special.expit", "tensorflow.GradientTape"),
    "ch04-ex2-perceptron": ("sklearn.linear_model",),
    "ch04-ex3-mlp-backprop": ("tensorflow.GradientTape", "keras.layers.Dense"),
    "ch04-ex4-numerical-gradient": ("tensorflow.GradientTape", "scipy.optimize.approx_fprime",
                                    "scipy.optimize.check_grad"),
    # 학습하는 모델은 Keras(또는 직접 쓴 코드): scikit-learn의 분류기와, 시험 레이블이 든 데이터 함수는 부르지 않는다
    "ch04-ex6-credit-mlp": ("sklearn.linear_model", "sklearn.svm", "sklearn.ensemble", "sklearn.neural_network",
                            "sklearn.tree", "sklearn.neighbors", "sklearn.naive_bayes", "dlbook.data"),
})
