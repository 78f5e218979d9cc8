"""9장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 교재의 작은 RBM(가시 유닛 3개, 은닉 유닛 2개)에서 한 번 계산해 둔
숫자(리터럴)뿐이고, 함수들은 학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 입력과 기준 구현(모든 상태를
나열하는 전수 계산, ``tf.GradientTape``)을 쓰는 숨은 사례는 강사용 ``solutions/ch09/ch09_hidden.py``에 있다.

모양 약속: ``v``는 ``(n, D)``, ``h``는 ``(n, H)``, ``W``는 ``(D, H)``, ``b``는 ``(D,)``, ``c``는 ``(H,)``.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch09-ex1-energy`` | 에너지 E(v, h) | 9-2 |
| ``ch09-ex2-conditional/p_h`` | p(h_j = 1 │ v) | 9-3 |
| ``ch09-ex2-conditional/p_v`` | p(v_i = 1 │ h) | 9-3 |
| ``ch09-ex3-likelihood/free_energy`` | 자유 에너지 F(v) | 9-4 |
| ``ch09-ex3-likelihood/log_partition`` | 분배 함수의 로그 log Z (전수 계산) | 9-4 |
| ``ch09-ex4-cd1`` | CD-1 갱신 한 번 (균등 난수를 인자로 받는다) | 9-6 |
| ``ch09-ex5-train/pass``, ``…/excellent`` | CD-k(또는 PCD) 학습 루프: 시험 데이터의 정확한 평균 로그 가능도 | 9-9 |
"""
from __future__ import annotations

from typing import Any, Callable

import numpy as np

from dlbook import checker
from dlbook.checker import Case, CheckFailure, Exercise, compare_arrays, forbid_calls, scalar_of

__all__ = ["TINY", "TRAIN_BARS", "TRAIN_SHAPE", "VISIBLE", "compare_result", "exact_log_likelihood", "prototype_data", "run_cd1",
           "run_conditional_h", "run_conditional_v", "run_energy", "run_free_energy", "run_log_partition",
           "run_train_rbm", "train_exercise"]

# 교재 9-2절의 작은 RBM: D = 3, H = 2
TINY = {
    "W": [[1.0, -2.0], [0.5, 1.0], [-1.0, 0.5]],
    "b": [0.5, -0.5, 0.0],
    "c": [-1.0, 0.5],
}


def _f32(x: Any) -> np.ndarray:
    return np.array(x, dtype=np.float32)


def _unchanged(before: np.ndarray, after: np.ndarray, what: str) -> None:
    if before.shape != after.shape or not np.array_equal(before, after):
        raise CheckFailure(f"함수가 입력 {what}을(를) 바꾸었습니다. 입력은 그대로 두고 새 배열을 만들어 돌려주세요 "
                           "(예: W + learning_rate * dW, W += …는 입력을 바꿉니다)")


def _finite(arr: np.ndarray, what: str) -> np.ndarray:
    if not np.all(np.isfinite(arr)):
        raise CheckFailure(f"{what}에 nan 또는 inf가 있습니다. exp가 넘치지 않도록 softplus "
                           "(tf.math.softplus, np.logaddexp(0, x))나 logsumexp를 쓰세요")
    return arr


def compare_result(got: Any, expected: Any, case: Case, *, rtol: float = 1e-5, atol: float = 1e-5,
                   name: str = "반환값") -> None:
    if isinstance(expected, dict):
        for key in expected:
            compare_arrays(got[key], np.asarray(expected[key], dtype=np.float64), rtol=rtol, atol=atol,
                           name=f"{name} {key}")
        return
    compare_arrays(got, np.asarray(expected, dtype=np.float64), rtol=rtol, atol=atol, name=name)


# --- 연습문제 1: 에너지 ----------------------------------------------------------------------------

def run_energy(func: Callable, case: Case) -> np.ndarray:
    """``energy(v, h, W, b, c)``: 결과는 샘플마다 하나, 모양 ``(n,)``."""
    v, h, W, b, c = (_f32(a) for a in case.args)
    got = func(v.copy(), h.copy(), W.copy(), b.copy(), c.copy())
    return _finite(checker.array_result(got, (v.shape[0],), "에너지"), "에너지")


# 기댓값: E = −v·b − h·c − vᵀWh 를 float64로 계산한 값
_V4 = [[0.0, 0.0, 0.0], [1.0, 0.0, 1.0], [1.0, 1.0, 0.0], [1.0, 1.0, 1.0]]
_H4 = [[0.0, 0.0], [1.0, 1.0], [0.0, 1.0], [1.0, 0.0]]
_ENERGY_CASES = [
    (_V4, _H4, [0.0, 1.5, 0.5, 0.5], "작은 RBM (D=3, H=2), 4개 상태: 모두 0인 상태의 에너지는 0"),
    ([[1.0, 0.0, 0.0]], [[0.0, 1.0]], [1.0], "v = (1,0,0), h = (0,1): 결합 가중치 W₁₂ = −2가 에너지를 높인다"),
]


# --- 연습문제 2: 조건부 확률 ------------------------------------------------------------------------

def run_conditional_h(func: Callable, case: Case) -> np.ndarray:
    """``p_h_given_v(v, W, c)``: 모양 ``(n, H)``, 값은 0~1."""
    v, W, c = (_f32(a) for a in case.args)
    got = checker.array_result(func(v.copy(), W.copy(), c.copy()), (v.shape[0], W.shape[1]), "p(h | v)")
    return _probabilities(got, "p(h | v)")


def run_conditional_v(func: Callable, case: Case) -> np.ndarray:
    """``p_v_given_h(h, W, b)``: 모양 ``(n, D)``, 값은 0~1."""
    h, W, b = (_f32(a) for a in case.args)
    got = checker.array_result(func(h.copy(), W.copy(), b.copy()), (h.shape[0], W.shape[0]), "p(v | h)")
    return _probabilities(got, "p(v | h)")


def _probabilities(arr: np.ndarray, what: str) -> np.ndarray:
    _finite(arr, what)
    if arr.min() < 0.0 or arr.max() > 1.0:
        raise CheckFailure(f"{what}는 확률이라 0과 1 사이여야 합니다 (최솟값 {arr.min():.4g}, 최댓값 {arr.max():.4g})")
    return arr


_PH_CASES = [
    (_V4, [[0.2689414213699951, 0.6224593312018546], [0.2689414213699951, 0.2689414213699951],
           [0.6224593312018546, 0.3775406687981454], [0.37754066879814546, 0.5]],
     "작은 RBM, v 4개: 모두 0이면 p = σ(c)"),
]
_PV_CASES = [
    ([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [1.0, 1.0]],
     [[0.6224593312018545, 0.3775406687981454, 0.5], [0.8175744761936434, 0.5, 0.26894142136999505],
      [0.18242552380635635, 0.6224593312018546, 0.6224593312018546],
      [0.37754066879814535, 0.7310585786300048, 0.37754066879814535]],
     "작은 RBM, h 4개 (모든 은닉층 상태): h = 0이면 p = σ(b)"),
]


# --- 연습문제 3: 자유 에너지와 분배 함수 ------------------------------------------------------------

def run_free_energy(func: Callable, case: Case) -> np.ndarray:
    """``free_energy(v, W, b, c)``: 모양 ``(n,)``."""
    v, W, b, c = (_f32(a) for a in case.args)
    got = func(v.copy(), W.copy(), b.copy(), c.copy())
    return _finite(checker.array_result(got, (v.shape[0],), "자유 에너지"), "자유 에너지")


def run_log_partition(func: Callable, case: Case) -> float:
    """``log_partition(W, b, c)``: 스칼라 log Z."""
    W, b, c = (_f32(a) for a in case.args)
    value = scalar_of(func(W.copy(), b.copy(), c.copy()), "log Z")
    if not np.isfinite(value):
        raise CheckFailure(f"log Z가 유한한 수가 아닙니다: {value}. logsumexp를 쓰세요")
    return value


_FREE_CASES = [
    (_V4, [-1.2873386716983295, -1.1265233750364456, -1.4481539683602134, -1.1672241647400519],
     "작은 RBM, v 4개: F(0) = −softplus(−1) − softplus(0.5)"),
    ([[1.0, 0.0, 0.0], [0.0, 1.0, 1.0]], [-1.3945604585426978, -1.8283412890257251], "작은 RBM, 다른 v 2개"),
    ([[1.0, 0.0, 0.0], [1.0, 1.0, 0.0], [0.0, 1.0, 1.0]], [-99.5, -149.0, -150.0],
     "작은 RBM의 W를 100배: exp(150)은 float32에서 넘친다 (softplus가 필요하다)", 100.0),
]
_LOGZ_CASES = [
    ([[1.0, -2.0], [0.5, 1.0], [-1.0, 0.5]], [0.5, -0.5, 0.0], [-1.0, 0.5], 3.5262435637069967,
     "작은 RBM (D=3, H=2): 상태 32개"),
    ([[0.0, 0.0], [0.0, 0.0]], [0.0, 0.0], [0.0, 0.0], 2.772588722239781,
     "가중치와 편향이 모두 0: Z = 2⁴ = 16, log Z = 4 log 2"),
    ([[100.0, -200.0], [50.0, 100.0], [-100.0, 50.0]], [0.5, -0.5, 0.0], [-1.0, 0.5], 150.55144471393206,
     "작은 RBM의 W를 100배: −F가 150까지 커져 exp가 float32에서 넘친다 (logsumexp가 필요하다)"),
]


# --- 연습문제 4: CD-1 갱신 ---------------------------------------------------------------------------

def run_cd1(func: Callable, case: Case) -> dict:
    """``cd1_update(v0, W, b, c, u_h, u_v, learning_rate=…, sample=…)`` → (W, b, c) 새 값.

    입력 배열은 바뀌면 안 되고, 결과는 ``{"W", "b", "c"}`` 사전(plain NumPy)으로 바꾸어 비교한다.
    """
    v0, W, b, c, u_h, u_v = (_f32(a) for a in case.args)
    inputs = [a.copy() for a in (v0, W, b, c, u_h, u_v)]
    got = func(*inputs, **case.kwargs)
    for before, after, what in zip((v0, W, b, c), inputs[:4], ("v0", "W", "b", "c")):
        _unchanged(before, after, what)
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        raise CheckFailure(f"(W_new, b_new, c_new) 세 값을 튜플로 돌려주어야 합니다 (실제: {type(got).__name__})")
    out = {}
    for key, value, ref in zip("Wbc", got, (W, b, c)):
        out[key] = _finite(checker.array_result(value, ref.shape, f"새 {key}"), f"새 {key}")
    return out


_CD_V0 = [[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]
_CD_UH = [[0.3, 0.9], [0.6, 0.2]]
_CD_UV = [[0.5, 0.1, 0.7], [0.2, 0.8, 0.4]]
_CD_CASES = [
    ({"learning_rate": 0.1, "sample": True},
     {"W": [[0.982324104508407, -2.0054299623714074], [0.4779983096302251, 1.0251628204589869],
            [-0.9833917988422883, 0.5209339960358936]],
      "b": [0.5, -0.5, 0.05], "c": [-1.014514765402381, 0.5020569625959863]},
     "작은 RBM, 배치 2, learning_rate=0.1, 샘플링 (u < p 이면 1)"),
    ({"learning_rate": 0.5, "sample": False},
     {"W": [[1.0030639887718515, -2.050691408537277], [0.46403189121867094, 1.0487562515493782],
            [-0.96446347526182, 0.6263947263598265]],
      "b": [0.5472069020860724, -0.5229327840729824, 0.24235729072695034],
      "c": [-1.0388375160483752, 0.47930599406486024]},
     "작은 RBM, 배치 2, learning_rate=0.5, 확률값 그대로 (u_h, u_v는 쓰지 않는다)"),
]


# --- 연습문제 5: CD-k 학습 루프 (만들고 학습시키기) -------------------------------------------------

TRAIN_BARS = {"pass": -4.5, "excellent": -3.85}
"""시험 데이터의 정확한 평균 로그 가능도(nat) 기준: ``ch09-ex5-train/pass``(부분 점수)와 ``…/excellent``(나머지 점수).
공개 사례는 시드 0의 원형, 숨은 사례는 채점기만 아는 시드의 원형과 잡음에서 만든 데이터로 잰다."""

TRAIN_SHAPE = {"n_visible": 10, "n_hidden": 6, "n_prototypes": 4, "flip": 0.05, "n_train": 500, "n_test": 500}


def prototype_data(seed: int, n_train: int = TRAIN_SHAPE["n_train"], n_test: int = TRAIN_SHAPE["n_test"]
                   ) -> tuple[np.ndarray, np.ndarray]:
    """9-5절의 작은 문제와 같은 종류의 데이터: 0/1 원형 4개(길이 10, 시드로 뽑는다) 가운데 하나를 고르고 비트를
    5% 확률로 뒤집는다. → (훈련 ``(n_train, 10)``, 시험 ``(n_test, 10)``), 값은 0.0/1.0."""
    rng = np.random.default_rng(seed)
    D, K = TRAIN_SHAPE["n_visible"], TRAIN_SHAPE["n_prototypes"]
    while True:                                    # 원형끼리 비트가 3개 이상 다르게 (거의 같은 원형은 다시 뽑는다)
        protos = (rng.random((K, D)) < 0.5).astype(np.float64)
        gaps = np.abs(protos[:, None] - protos[None]).sum(axis=2) + 99 * np.eye(K)
        if gaps.min() >= 3:
            break
    n = n_train + n_test
    data = protos[rng.integers(0, K, size=n)]
    data = np.abs(data - (rng.random(data.shape) < TRAIN_SHAPE["flip"]))
    return data[:n_train], data[n_train:]


def _all_states(n: int) -> np.ndarray:
    return ((np.arange(2 ** n)[:, None] >> np.arange(n)[::-1]) & 1).astype(np.float64)


def exact_log_likelihood(W: Any, b: Any, c: Any, v: Any) -> float:
    """평균 log p(v) = −평균 F(v) − log Z. log Z는 가시층 상태 2^D개를 모두 나열해 구한다 (9-4절)."""
    W, b, c, v = (np.asarray(a, dtype=np.float64) for a in (W, b, c, v))

    def neg_free(x):
        return x @ b + np.logaddexp(0.0, x @ W + c).sum(axis=1)

    every = neg_free(_all_states(W.shape[0]))
    top = every.max()
    log_z = top + np.log(np.exp(every - top).sum())
    return float(neg_free(v).mean() - log_z)


def run_train_rbm(func: Callable, case: Case) -> dict:
    """시드를 고정하고 ``func(v_train, n_hidden, seed)``를 부른다 → ``{"W", "b", "c"}`` (float64 NumPy)."""
    v_train, = (np.array(a, dtype=np.float32) for a in case.args)
    n_hidden, seed = case.kwargs["n_hidden"], case.kwargs["seed"]
    np.random.seed(0)
    got = func(v_train.copy(), n_hidden, seed)
    if not isinstance(got, (tuple, list)) or len(got) != 3:
        raise CheckFailure(f"학습한 매개변수 (W, b, c) 세 값을 튜플로 돌려주어야 합니다 (실제: {type(got).__name__})")
    D = v_train.shape[1]
    out = {}
    for key, value, shape in zip("Wbc", got, ((D, n_hidden), (D,), (n_hidden,))):
        arr = checker.array_result(value, shape, key).astype(np.float64)
        out[key] = _finite(arr, key)
    return out


def log_likelihood_at_least(bar: float) -> Callable[[dict, Any, Case], None]:
    def compare(got: dict, expected: Any, case: Case) -> None:
        score = exact_log_likelihood(got["W"], got["b"], got["c"], expected)
        if score < bar:
            raise CheckFailure(f"시험 데이터의 평균 로그 가능도 {score:.3f} nat가 기준 {bar:.2f} nat에 못 미칩니다")
    return compare


def log_likelihood_note(got: dict, expected: Any, case: Case) -> str:
    return f"시험 데이터의 평균 로그 가능도 {exact_log_likelihood(got['W'], got['b'], got['c'], expected):.3f} nat"


def _train_visible_cases() -> list[Case]:
    v_train, v_test = prototype_data(0)
    return [Case(args=(v_train,), kwargs={"n_hidden": TRAIN_SHAPE["n_hidden"], "seed": 0}, expected=v_test,
                 label=f"시드 0의 원형 4개 (훈련 {len(v_train)}개, 검증 {len(v_test)}개, D=10, H=6)")]


def train_exercise(level: str, cases: Callable[[], list[Case]]) -> Exercise:
    return Exercise(id=f"ch09-ex5-train/{level}", cases=cases, run=run_train_rbm,
                    compare=log_likelihood_at_least(TRAIN_BARS[level]), report=log_likelihood_note)


# --- 목록 --------------------------------------------------------------------------------------

_T = TINY
VISIBLE: dict[str, Exercise] = {
    "ch09-ex1-energy": Exercise(
        id="ch09-ex1-energy",
        cases=lambda: [Case(args=(v, h, _T["W"], _T["b"], _T["c"]), expected=exp, label=label)
                       for v, h, exp, label in _ENERGY_CASES],
        run=run_energy, compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-5, name="에너지")),
    "ch09-ex2-conditional/p_h": Exercise(
        id="ch09-ex2-conditional/p_h",
        cases=lambda: [Case(args=(v, _T["W"], _T["c"]), expected=exp, label=label) for v, exp, label in _PH_CASES],
        run=run_conditional_h, compare=lambda g, e, c: compare_result(g, e, c, name="p(h | v)")),
    "ch09-ex2-conditional/p_v": Exercise(
        id="ch09-ex2-conditional/p_v",
        cases=lambda: [Case(args=(h, _T["W"], _T["b"]), expected=exp, label=label) for h, exp, label in _PV_CASES],
        run=run_conditional_v, compare=lambda g, e, c: compare_result(g, e, c, name="p(v | h)")),
    "ch09-ex3-likelihood/free_energy": Exercise(
        id="ch09-ex3-likelihood/free_energy",
        cases=lambda: [Case(args=(v, np.multiply(_T["W"], scale[0] if scale else 1.0), _T["b"], _T["c"]),
                            expected=exp, label=label) for v, exp, label, *scale in _FREE_CASES],
        run=run_free_energy, compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-5,
                                                                     name="자유 에너지")),
    "ch09-ex3-likelihood/log_partition": Exercise(
        id="ch09-ex3-likelihood/log_partition",
        cases=lambda: [Case(args=(W, b, c), expected=exp, label=label) for W, b, c, exp, label in _LOGZ_CASES],
        run=run_log_partition, compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-5,
                                                                       name="log Z")),
    "ch09-ex4-cd1": Exercise(
        id="ch09-ex4-cd1",
        cases=lambda: [Case(args=(_CD_V0, _T["W"], _T["b"], _T["c"], _CD_UH, _CD_UV), kwargs=kw, expected=exp,
                            label=label) for kw, exp, label in _CD_CASES],
        run=run_cd1, compare=lambda g, e, c: compare_result(g, e, c, rtol=1e-5, atol=1e-5, name="새")),
    **{f"ch09-ex5-train/{level}": train_exercise(level, _train_visible_cases) for level in TRAIN_BARS},
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid): scikit-learn의 BernoulliRBM은 조건부 확률(_mean_hiddens), 자유 에너지
# (_free_energy), 학습(fit, partial_fit)을 모두 갖고 있다. CD-1 갱신의 숨은 기준은 자유 에너지 차이를 GradientTape로 미분한
# 값이라, 연습문제 4는 갱신 규칙을 직접 쓰도록 GradientTape도 막는다. 연습문제 5의 답은 데이터 생성기(이 모듈)도 부르지 않는다.
forbid_calls(VISIBLE, {
    "ch09-ex2-conditional": ("sklearn.neural_network",),
    "ch09-ex3-likelihood": ("sklearn.neural_network",),
    "ch09-ex4-cd1": ("sklearn.neural_network", "tensorflow.GradientTape"),
    "ch09-ex5-train": ("sklearn.neural_network", "dlbook.exercises.ch09.prototype_data",
                       "dlbook.exercises.ch09.exact_log_likelihood", "dlbook.data"),
})
