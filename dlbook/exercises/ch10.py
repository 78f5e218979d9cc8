"""10장 연습문제의 공개 사례 (학생이 읽을 수 있는 채점 기준).

여기에는 정답 구현이 없다: 기댓값은 교재의 예를 손으로(또는 문제에 적힌 규칙대로) 한 번 계산해 둔 숫자
(리터럴)뿐이고, 함수들은 학생 함수를 부르고 결과를 비교하는 일만 한다. 무작위 MDP와 무작위 입력을 쓰는 숨은
사례와 기준 구현은 강사용 ``solutions/ch10/ch10_hidden.py``에 있다.

| id | 문제 | 절 |
| --- | --- | --- |
| ``ch10-ex1-bellman-backup`` | 벨만 최적 방정식 한 번 적용 (가치 반복 한 스텝) | 10-3 |
| ``ch10-ex2-running-average`` | 실시간 평균과 지수이동평균 | 10-5 |
| ``ch10-ex3-td-update/sarsa`` | SARSA 갱신 | 10-6 |
| ``ch10-ex3-td-update/q-learning`` | Q-러닝 갱신 | 10-6 |
| ``ch10-ex4-epsilon-greedy`` | 시드를 고정한 ε-탐욕 행동 선택 | 10-7 |
| ``ch10-ex5-dqn-targets`` | 타깃 네트워크로 DQN의 목표값 만들기 | 10-11 |
| ``ch10-ex6-replay-sample`` | 리플레이 메모리에서 미니배치 뽑기 | 10-12 |
| ``ch10-ex7-agent/pass``, ``…/excellent`` | 에피소드 루프로 격자 세계의 최적 정책 배우기 (만들고 학습시키기) | 10-15 |
"""
from __future__ import annotations

from typing import Callable

import numpy as np

from dlbook.checker import (Case, CheckFailure, Exercise, array_result, compare_arrays, forbid_calls, scalar_of,
                            to_numpy)

__all__ = [
    "AGENT_BARS", "GridEnv", "VISIBLE", "agent_exercise", "compare_epsilon_greedy", "optimal_q", "compare_replay", "compare_running", "run_bellman_backup",
    "run_dqn_targets", "run_epsilon_greedy", "run_q_learning_updates", "run_replay_sample", "run_running_average",
    "run_sarsa_updates", "text_mdp",
]

RTOL, ATOL = 1e-6, 1e-9


def _unchanged(given: list, keep: list, names: tuple[str, ...]) -> None:
    for g, k, name in zip(given, keep, names):
        if np.shape(g) != np.shape(k) or not np.array_equal(g, k):
            raise CheckFailure(f"함수가 입력 {name}을(를) 바꾸었습니다. 입력은 그대로 두고 새 배열을 만들어 돌려주세요")


# --- 연습문제 1: 벨만 최적 갱신 -------------------------------------------------------------------

def text_mdp() -> tuple[np.ndarray, np.ndarray]:
    """10-3절의 손 계산 예: 상태 2개, 행동 2개인 MDP의 ``P[s, a, s']``와 ``R[s, a]``."""
    P = np.array([[[1.0, 0.0], [0.2, 0.8]],
                  [[0.0, 1.0], [0.5, 0.5]]])
    R = np.array([[0.0, 1.0],
                  [2.0, 0.0]])
    return P, R


def run_bellman_backup(func: Callable, case: Case) -> np.ndarray:
    """``bellman_backup(V, P, R, gamma)``를 불러 모양 ``(S,)``인 새 가치를 돌려받는다 (입력은 그대로여야 한다)."""
    V, P, R, gamma = case.args
    given = [np.array(V, dtype=np.float64), np.array(P, dtype=np.float64), np.array(R, dtype=np.float64)]
    keep = [g.copy() for g in given]
    got = func(given[0], given[1], given[2], gamma)
    _unchanged(given, keep, ("V", "P", "R"))
    return array_result(got, (np.shape(R)[0],), "새 상태 가치 V")


def _bellman_cases() -> list[Case]:
    P, R = text_mdp()
    return [
        Case(args=(np.array([1.0, 2.0]), P, R, 0.9), expected=[2.62, 3.8],
             label="10-3절의 예: V = (1, 2), γ = 0.9 → (2.62, 3.8)"),
        Case(args=(np.array([1.0, 2.0]), P, R, 0.0), expected=[1.0, 2.0],
             label="같은 MDP, γ = 0: 다음 가치를 보지 않으므로 max_a R[s, a]"),
        Case(args=(np.zeros(2), P, R, 0.9), expected=[1.0, 2.0], label="V = 0에서 시작한 첫 반복"),
    ]


# --- 연습문제 2: 실시간 평균과 EMA ---------------------------------------------------------------

def run_running_average(func: Callable, case: Case) -> dict:
    """``running_estimates(xs, alpha)``를 불러 ``{"mean", "ema"}`` (각각 모양 ``(n,)``)를 돌려받는다."""
    xs, alpha = case.args
    given = np.array(xs, dtype=np.float64)
    keep = given.copy()
    got = func(given, alpha)
    _unchanged([given], [keep], ("xs",))
    if not isinstance(got, (tuple, list)) or len(got) != 2:
        raise CheckFailure(f"(means, emas) 두 배열의 튜플을 돌려주어야 합니다 (실제: {type(got).__name__})")
    n = len(given)
    return {"mean": array_result(got[0], (n,), "실시간 평균 means"), "ema": array_result(got[1], (n,), "지수이동평균 emas")}


def compare_running(got: dict, expected: dict, case: Case) -> None:
    compare_arrays(got["mean"], expected["mean"], rtol=1e-5, atol=1e-6, name="실시간 평균 means")
    compare_arrays(got["ema"], expected["ema"], rtol=1e-5, atol=1e-5, name="지수이동평균 emas")


def _running_cases() -> list[Case]:
    return [
        Case(args=(np.array([2.0, 4.0, 6.0, 8.0]), 0.5),
             expected={"mean": [2.0, 3.0, 4.0, 5.0], "ema": [2.0, 3.0, 4.5, 6.25]},
             label="10-5절의 예: xs = 2, 4, 6, 8, α = 0.5"),
        Case(args=(np.array([10.0, 0.0, 0.0]), 0.1),
             expected={"mean": [10.0, 5.0, 10.0 / 3.0], "ema": [10.0, 9.0, 8.1]},
             label="xs = 10, 0, 0, α = 0.1: EMA는 옛 값을 천천히 잊는다"),
        Case(args=(np.array([3.0]), 0.3), expected={"mean": [3.0], "ema": [3.0]}, label="값 하나"),
    ]


# --- 연습문제 3: SARSA와 Q-러닝 갱신 --------------------------------------------------------------

def _apply_updates(func: Callable, case: Case, with_next_action: bool) -> np.ndarray:
    """``case.args = (Q0, transitions, alpha, gamma)``의 전이들을 차례로 적용한 마지막 Q를 돌려준다."""
    Q0, transitions, alpha, gamma = case.args
    Q = np.array(Q0, dtype=np.float64)
    for k, t in enumerate(transitions):
        given = Q.copy()
        if with_next_action:
            got = func(given, t["s"], t["a"], t["r"], t["s_next"], t["a_next"], t["done"], alpha, gamma)
        else:
            got = func(given, t["s"], t["a"], t["r"], t["s_next"], t["done"], alpha, gamma)
        if not np.array_equal(given, Q):
            raise CheckFailure(f"{k + 1}번째 전이에서 함수가 입력 Q를 바꾸었습니다. Q.copy()를 고쳐 돌려주세요")
        Q = array_result(got, Q.shape, f"{k + 1}번째 전이 뒤의 Q")
    return Q


def run_sarsa_updates(func: Callable, case: Case) -> np.ndarray:
    """``sarsa_update(Q, s, a, r, s_next, a_next, done, alpha, gamma)``를 전이마다 불러 마지막 Q를 돌려받는다."""
    return _apply_updates(func, case, with_next_action=True)


def run_q_learning_updates(func: Callable, case: Case) -> np.ndarray:
    """``q_learning_update(Q, s, a, r, s_next, done, alpha, gamma)``를 전이마다 불러 마지막 Q를 돌려받는다."""
    return _apply_updates(func, case, with_next_action=False)


def text_transitions() -> tuple[np.ndarray, list[dict]]:
    """10-6절의 예: 상태 3개, 행동 2개인 Q 표와 전이 두 개 (두 번째는 종료)."""
    Q0 = np.array([[0.0, 0.0], [1.0, 2.0], [0.0, 0.0]])
    transitions = [dict(s=0, a=1, r=-1.0, s_next=1, a_next=0, done=False),
                   dict(s=1, a=1, r=1.0, s_next=2, a_next=1, done=True)]
    return Q0, transitions


def _sarsa_cases() -> list[Case]:
    Q0, transitions = text_transitions()
    return [
        Case(args=(Q0, transitions[:1], 0.5, 0.9), expected=[[0.0, -0.05], [1.0, 2.0], [0.0, 0.0]],
             label="10-6절의 예: 목표 −1 + 0.9·Q(1, 0) = −0.1"),
        Case(args=(Q0, transitions, 0.5, 0.9), expected=[[0.0, -0.05], [1.0, 1.5], [0.0, 0.0]],
             label="이어서 종료 전이: 목표는 보상 1뿐"),
        Case(args=(np.array([[0.0, 0.0], [1.0, 2.0], [5.0, 5.0]]), [transitions[1]], 0.5, 0.9),
             expected=[[0.0, 0.0], [1.0, 1.5], [5.0, 5.0]],
             label="종료 전이의 다음 상태에 Q 값 5가 남아 있어도 목표는 보상 1뿐 (Q(2, ·)를 쓰면 안 된다)"),
    ]


def _q_learning_cases() -> list[Case]:
    Q0, transitions = text_transitions()
    return [
        Case(args=(Q0, transitions[:1], 0.5, 0.9), expected=[[0.0, 0.4], [1.0, 2.0], [0.0, 0.0]],
             label="10-6절의 예: 목표 −1 + 0.9·max Q(1, ·) = 0.8"),
        Case(args=(Q0, transitions, 0.5, 0.9), expected=[[0.0, 0.4], [1.0, 1.5], [0.0, 0.0]],
             label="이어서 종료 전이: 목표는 보상 1뿐"),
        Case(args=(np.array([[0.0, 0.0], [1.0, 2.0], [5.0, 5.0]]), [transitions[1]], 0.5, 0.9),
             expected=[[0.0, 0.0], [1.0, 1.5], [5.0, 5.0]],
             label="종료 전이의 다음 상태에 Q 값 5가 남아 있어도 목표는 보상 1뿐 (Q(2, ·)를 쓰면 안 된다)"),
    ]


# --- 연습문제 4: ε-탐욕 ----------------------------------------------------------------------------

def run_epsilon_greedy(func: Callable, case: Case) -> dict:
    """시드 ``seed``인 ``np.random.default_rng``를 하나 만들어 ``epsilon_greedy(q, epsilon, rng)``를 ``calls``번
    부른다. 고른 행동들과, 그 뒤에 같은 rng가 내는 ``rng.random()``(난수를 몇 번 썼는지 보려고)을 돌려받는다.
    """
    q, epsilon, seed, calls = case.args
    rng = np.random.default_rng(seed)
    given = np.array(q, dtype=np.float64)
    keep = given.copy()
    actions = []
    for k in range(calls):
        got = func(given, epsilon, rng)
        value = scalar_of(got, f"{k + 1}번째 행동")
        if value != int(value) or not 0 <= value < len(keep):
            raise CheckFailure(f"{k + 1}번째 행동은 0~{len(keep) - 1}의 정수여야 합니다: 실제 {got!r}")
        actions.append(int(value))
    _unchanged([given], [keep], ("q_values",))
    return {"actions": actions, "next_u": float(rng.random())}


def compare_epsilon_greedy(got: dict, expected: dict, case: Case) -> None:
    """행동을 하나씩 비교하고, 행동이 모두 같으면 난수를 쓴 횟수(다음 난수)를 비교한다."""
    for k, (g, e) in enumerate(zip(got["actions"], expected["actions"])):
        if g != e:
            raise CheckFailure(f"{k + 1}번째 호출의 행동이 다릅니다: 기대 {e}, 실제 {g} (기대 행동 앞부분 "
                               f"{expected['actions'][:k + 1]}, 실제 {got['actions'][:k + 1]})")
    if not np.isclose(got["next_u"], expected["next_u"], rtol=0, atol=1e-12):
        raise CheckFailure("행동은 모두 맞지만 rng를 쓴 횟수가 다릅니다: 호출마다 rng.random()을 꼭 한 번, "
                           "탐험할 때만 rng.integers(n_actions)를 한 번 더 불러야 합니다")


def _epsilon_cases() -> list[Case]:
    q = np.array([0.1, 0.5, 0.5, -0.2])
    return [
        Case(args=(q, 0.3, 0, 10), label="10-7절의 예: q = (0.1, 0.5, 0.5, −0.2), ε = 0.3, 시드 0, 10번",
             expected={"actions": [1, 1, 0, 1, 1, 1, 1, 1, 1, 1], "next_u": 0.002738500170148095}),
        Case(args=(q, 0.0, 1, 5), label="ε = 0: 늘 탐욕, 같은 최댓값이면 번호가 작은 행동 1",
             expected={"actions": [1, 1, 1, 1, 1], "next_u": 0.42332644897257565}),
        Case(args=(q, 1.0, 2, 6), label="ε = 1: 늘 무작위",
             expected={"actions": [0, 1, 1, 2, 3, 0], "next_u": 0.6574330148755926}),
    ]


# --- 연습문제 5: DQN 목표값 -----------------------------------------------------------------------

def run_dqn_targets(func: Callable, case: Case) -> np.ndarray:
    """``dqn_targets(rewards, next_q_target, dones, gamma)``를 불러 모양 ``(B,)``인 목표값을 돌려받는다."""
    rewards, next_q, dones, gamma = case.args
    given = [np.array(rewards, dtype=np.float32), np.array(next_q, dtype=np.float32), np.array(dones, dtype=np.float32)]
    keep = [g.copy() for g in given]
    got = func(given[0], given[1], given[2], gamma)
    _unchanged(given, keep, ("rewards", "next_q_target", "dones"))
    return array_result(got, (len(keep[0]),), "목표값 y")


def _dqn_target_cases() -> list[Case]:
    rewards = np.array([1.0, -1.0, 0.5])
    next_q = np.array([[0.0, 2.0], [1.0, 1.0], [3.0, -1.0]])
    dones = np.array([0.0, 1.0, 0.0])
    return [
        Case(args=(rewards, next_q, dones, 0.9), expected=[2.8, -1.0, 3.2],
             label="10-11절의 예: y = r + 0.9·(1 − done)·max Q_target(s′, ·)"),
        Case(args=(rewards, next_q, np.zeros(3), 0.5), expected=[2.0, -0.5, 2.0], label="종료 없음, γ = 0.5"),
    ]


# --- 연습문제 6: 리플레이 메모리 샘플링 ------------------------------------------------------------

def run_replay_sample(func: Callable, case: Case) -> dict:
    """시드 ``seed``인 rng로 ``sample_batch(memory, batch_size, rng)``를 한 번 부른다.

    돌려받은 다섯 배열 ``(states, actions, rewards, next_states, dones)``와, 그 뒤 rng가 내는 ``rng.random()``을
    돌려준다. 메모리(튜플의 리스트)는 바뀌면 안 된다.
    """
    memory, batch_size, seed = case.args
    rng = np.random.default_rng(seed)
    given = [tuple(np.array(x, copy=True) if np.ndim(x) else x for x in item) for item in memory]
    got = func(given, batch_size, rng)
    if len(given) != len(memory) or any(not np.array_equal(np.asarray(g[0]), np.asarray(m[0]))
                                        for g, m in zip(given, memory)):
        raise CheckFailure("함수가 메모리를 바꾸었습니다 (꺼낸 전이를 지우면 안 됩니다)")
    if not isinstance(got, (tuple, list)) or len(got) != 5:
        raise CheckFailure("(states, actions, rewards, next_states, dones) 다섯 배열의 튜플을 돌려주어야 합니다 "
                           f"(실제: {type(got).__name__})")
    names = ("states", "actions", "rewards", "next_states", "dones")
    out = {}
    for k, (name, value) in enumerate(zip(names, got)):
        field = [np.asarray(item[k], dtype=np.float64) for item in memory]
        shape = (batch_size, *field[0].shape)
        out[name] = array_result(value, shape, name)
    out["next_u"] = float(rng.random())
    return out


def compare_replay(got: dict, expected: dict, case: Case) -> None:
    for name in ("states", "actions", "rewards", "next_states", "dones"):
        compare_arrays(got[name], expected[name], rtol=0, atol=1e-12, name=name)
    if not np.isclose(got["next_u"], expected["next_u"], rtol=0, atol=1e-12):
        raise CheckFailure("뽑은 전이는 맞지만 rng를 쓴 방식이 다릅니다: rng.choice(len(memory), size=batch_size, "
                           "replace=False)를 한 번만 부르세요")


def text_memory() -> list[tuple]:
    """10-12절의 예: 상태가 길이 2 벡터인 전이 6개 (s, a, r, s′, done)."""
    return [(np.array([float(i), 0.5 * i]), i % 3, float(i) - 2.0, np.array([float(i + 1), 0.5 * (i + 1)]),
             float(i == 5)) for i in range(6)]


def _replay_cases() -> list[Case]:
    return [
        Case(args=(text_memory(), 3, 0), label="10-12절의 예: 전이 6개에서 3개, 시드 0",
             expected={"states": [[4.0, 2.0], [5.0, 2.5], [3.0, 1.5]], "actions": [1.0, 2.0, 0.0],
                       "rewards": [2.0, 3.0, 1.0],
                       "next_states": [[5.0, 2.5], [6.0, 3.0], [4.0, 2.0]], "dones": [0.0, 1.0, 0.0],
                       "next_u": 0.016527635528529094}),
    ]


# --- 연습문제 7: 에피소드 루프로 최적 정책 배우기 (만들고 학습시키기) -----------------------------------

AGENT_BARS = {"pass": 0.8, "excellent": 0.95}
"""결정 상태 가운데 학습한 탐욕 정책이 최적 행동을 고르는 비율의 기준: ``ch10-ex7-agent/pass``와 ``…/excellent``.
공개 사례는 아래의 격자, 숨은 사례는 채점기가 만든 다른 격자(벽, 구멍, 목표, 보상이 다르다)에서 잰다."""

AGENT_LAYOUT = ("S..#..",
                ".#...H",
                "...#..",
                "H#....",
                "...#.G")
AGENT_REWARDS = {"step_reward": -0.04, "goal_reward": 1.0, "hole_reward": -1.0}
_MOVES = ((-1, 0), (0, 1), (1, 0), (0, -1))


class GridEnv:
    """연습문제 7의 환경: Gymnasium과 같은 모양의 ``reset``/``step`` (10-15절).

    ``reset(seed=None)`` → ``(상태, info)``: 에피소드마다 결정 상태 하나에서 무작위로 출발한다(탐험적 시작, 10-12절).
    ``step(action)`` → ``(다음 상태, 보상, terminated, truncated, info)``: 목표나 구멍에 들어가면 ``terminated``,
    ``max_episode_steps``걸음째에 끝나지 않았으면 ``truncated``. 행동은 ``0=위, 1=오른쪽, 2=아래, 3=왼쪽``.
    전이 확률표나 최적 가치는 주지 않는다: 답은 겪은 전이로만 배운다.
    """

    n_actions = 4

    def __init__(self, layout, step_reward, goal_reward, hole_reward, seed=0, max_episode_steps=100):
        self._grid = np.array([list(row) for row in layout])
        self._rewards = (float(step_reward), float(goal_reward), float(hole_reward))
        self.n_rows, self.n_cols = self._grid.shape
        self.n_states = self._grid.size
        self.max_episode_steps = int(max_episode_steps)
        self._starts = np.flatnonzero(np.isin(self._grid.ravel(), ["S", "."]))
        self._rng = np.random.default_rng(seed)
        self._state, self._t, self._done = None, 0, True
        self.total_steps = 0

    def reset(self, seed=None, options=None):
        if seed is not None:
            self._rng = np.random.default_rng(seed)
        self._state, self._t, self._done = int(self._rng.choice(self._starts)), 0, False
        return self._state, {}

    def step(self, action):
        if self._done:
            raise RuntimeError("에피소드가 끝났습니다: reset()을 먼저 부르세요")
        action = int(action)
        if not 0 <= action < self.n_actions:
            raise ValueError(f"행동은 0~{self.n_actions - 1}이어야 합니다: {action}")
        row, col = divmod(self._state, self.n_cols)
        nr, nc = row + _MOVES[action][0], col + _MOVES[action][1]
        step_r, goal_r, hole_r = self._rewards
        reward, terminated = step_r, False
        if 0 <= nr < self.n_rows and 0 <= nc < self.n_cols and self._grid[nr, nc] != "#":
            self._state = nr * self.n_cols + nc
            kind = self._grid[nr, nc]
            if kind in "GH":
                reward, terminated = (goal_r if kind == "G" else hole_r), True
        self._t += 1
        self.total_steps += 1
        truncated = not terminated and self._t >= self.max_episode_steps
        self._done = terminated or truncated
        return self._state, reward, terminated, truncated, {}


def optimal_q(layout, step_reward, goal_reward, hole_reward, gamma) -> tuple[np.ndarray, np.ndarray]:
    """가치 반복(10-3절)으로 구한 ``Q*``와 결정 상태 번호들. 채점기가 기댓값을 만들 때만 쓴다."""
    grid = np.array([list(row) for row in layout])
    n_rows, n_cols = grid.shape
    S = grid.size
    nxt, rew = np.zeros((S, 4), dtype=int), np.zeros((S, 4))
    decision = np.isin(grid.ravel(), ["S", "."])
    for s in range(S):
        r0, c0 = divmod(s, n_cols)
        for a, (dr, dc) in enumerate(_MOVES):
            nr, nc = r0 + dr, c0 + dc
            nxt[s, a], rew[s, a] = s, step_reward
            if decision[s] and 0 <= nr < n_rows and 0 <= nc < n_cols and grid[nr, nc] != "#":
                nxt[s, a] = nr * n_cols + nc
                kind = grid[nr, nc]
                rew[s, a] = goal_reward if kind == "G" else hole_reward if kind == "H" else step_reward
    rew[~decision] = 0.0
    V = np.zeros(S)
    for _ in range(10_000):
        Q = rew + gamma * np.where(decision[nxt], V[nxt], 0.0)
        V_new = Q.max(axis=1)
        if np.max(np.abs(V_new - V)) < 1e-12:
            break
        V = V_new
    return Q, np.flatnonzero(decision)


def run_agent(func: Callable, case: Case) -> dict:
    """환경을 새로 만들어 ``func(env, gamma, seed)``를 부른다 → Q 표 ``(상태 수, 4)``와 환경 스텝 수."""
    layout, rewards, gamma = case.args
    env = GridEnv(layout, **rewards, seed=1)
    np.random.seed(0)
    got = func(env, gamma, 0)
    Q = array_result(got, (env.n_states, env.n_actions), "Q 표")
    if not np.all(np.isfinite(Q)):
        raise CheckFailure("Q 표에 nan 또는 inf가 있습니다")
    return {"Q": Q.astype(np.float64), "steps": int(env.total_steps)}


def _agreement(got: dict, case: Case) -> tuple[int, int]:
    layout, rewards, gamma = case.args
    Q_star, decision = optimal_q(layout, **rewards, gamma=gamma)
    best = Q_star >= Q_star.max(axis=1, keepdims=True) - 1e-9
    chosen = np.argmax(got["Q"], axis=1)
    return int(best[decision, chosen[decision]].sum()), len(decision)


def agreement_at_least(bar: float) -> Callable[[dict, object, Case], None]:
    def compare(got: dict, expected: object, case: Case) -> None:
        ok, total = _agreement(got, case)
        if ok / total < bar:
            raise CheckFailure(f"탐욕 정책이 결정 상태 {total}개 가운데 {ok}개({ok / total:.0%})에서만 최적 행동을 고릅니다 "
                               f"(기준 {bar:.0%})")
    return compare


def agreement_note(got: dict, expected: object, case: Case) -> str:
    ok, total = _agreement(got, case)
    return f"최적 행동을 고른 결정 상태 {ok}/{total}, 환경 스텝 {got['steps']:,}번"


def _agent_visible_cases() -> list[Case]:
    return [Case(args=(AGENT_LAYOUT, AGENT_REWARDS, 0.9),
                 label="공개 격자 5×6 (걸음 −0.04, 목표 +1, 구멍 −1, γ = 0.9)")]


def agent_exercise(level: str, cases: Callable[[], list[Case]]) -> Exercise:
    return Exercise(id=f"ch10-ex7-agent/{level}", cases=cases, run=run_agent,
                    compare=agreement_at_least(AGENT_BARS[level]), report=agreement_note)


# --- 목록 --------------------------------------------------------------------------------------

VISIBLE: dict[str, Exercise] = {
    "ch10-ex1-bellman-backup": Exercise(id="ch10-ex1-bellman-backup", cases=_bellman_cases, run=run_bellman_backup,
                                        rtol=RTOL, atol=ATOL),
    "ch10-ex2-running-average": Exercise(id="ch10-ex2-running-average", cases=_running_cases,
                                         run=run_running_average, compare=compare_running),
    "ch10-ex3-td-update/sarsa": Exercise(id="ch10-ex3-td-update/sarsa", cases=_sarsa_cases, run=run_sarsa_updates,
                                         rtol=RTOL, atol=ATOL),
    "ch10-ex3-td-update/q-learning": Exercise(id="ch10-ex3-td-update/q-learning", cases=_q_learning_cases,
                                              run=run_q_learning_updates, rtol=RTOL, atol=ATOL),
    "ch10-ex4-epsilon-greedy": Exercise(id="ch10-ex4-epsilon-greedy", cases=_epsilon_cases, run=run_epsilon_greedy,
                                        compare=compare_epsilon_greedy),
    "ch10-ex5-dqn-targets": Exercise(id="ch10-ex5-dqn-targets", cases=_dqn_target_cases, run=run_dqn_targets,
                                     rtol=1e-5, atol=1e-6),
    "ch10-ex6-replay-sample": Exercise(id="ch10-ex6-replay-sample", cases=_replay_cases, run=run_replay_sample,
                                       compare=compare_replay),
    **{f"ch10-ex7-agent/{level}": agent_exercise(level, _agent_visible_cases) for level in AGENT_BARS},
}

# 답이 부르면 안 되는 기준 구현 (dlbook._forbid). 가치 반복과 전이 모델은 dlbook.gridworld에 있고, 연습문제 1은 그
# 한 스텝을, 연습문제 7은 겪은 전이로만 배우기를 요구한다. 연습문제 7의 답은 환경의 내부(격자 배치 _grid, 보상
# _rewards)를 읽어 계획하지 않는다: 소스에서 그 이름이 보이면 떨어진다 (작정한 우회까지 막는 장치는 아니다).
# 연습문제 2는 "np.cumsum이나 판다스가 아니라 한 번에 한 값씩" 갱신하라고 하고, 숨은 기준은 Keras의 Mean과
# TensorFlow의 ExponentialMovingAverage다.
forbid_calls(VISIBLE, {
    "ch10-ex1-bellman-backup": ("dlbook.gridworld",),
    "ch10-ex2-running-average": ("numpy.cumsum", "numpy.nancumsum", "numpy.ufunc.accumulate", "pandas",
                                 "keras.metrics", "tensorflow.train.ExponentialMovingAverage",
                                 "tensorflow.math.cumsum", "scipy.signal.lfilter"),
    "ch10-ex7-agent": ("dlbook.gridworld", "dlbook.exercises.ch10.optimal_q", "dlbook.exercises.ch10.GridEnv._grid",
                       "dlbook.exercises.ch10.GridEnv._rewards", "dlbook.exercises.ch10.AGENT_LAYOUT"),
})
