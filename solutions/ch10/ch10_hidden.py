"""10장 연습문제의 숨은 사례 (강사용: 학생 배포본에는 들어가지 않는다).

학생 함수를 시드를 고정한 무작위 입력에서 기준과 비교한다.

- 벨만 최적 갱신: 무작위 MDP(``P[s, a, s']``는 디리클레 분포에서 뽑은 확률, 일부는 결정적, 종료 상태 포함)에서
  ``tf.einsum``과 ``tf.reduce_max``로 계산한 기준과 비교한다.
- 실시간 평균과 EMA: 평균은 ``keras.metrics.Mean``에 값을 하나씩 넣은 결과, EMA는
  ``tf.train.ExponentialMovingAverage(decay=1 − α)``(첫 값으로 초기화)의 결과가 기준이다.
- SARSA·Q-러닝 갱신, ε-탐욕, 리플레이 샘플링: TensorFlow에 같은 연산이 없으므로 이 파일의 기준 구현(문제에
  적힌 정의 그대로)과 비교한다. ε-탐욕과 샘플링은 같은 시드의 rng를 같은 규칙으로 쓰므로 답이 하나로 정해진다.
- DQN 목표값: ``tf.reduce_max``로 계산한 기준과 비교한다.
- 에피소드 루프(연습문제 7): 채점기만 아는 시드로 만든 6×6 격자의 환경에서 새로 학습시키고, 그 격자의 가치 반복
  ``Q*``(``optimal_q``, 채점기 쪽에서만 계산)로 탐욕 정책이 최적 행동을 고르는 결정 상태의 비율을 잰다.

TensorFlow와 Keras는 함수 안에서 import한다 (import 때의 로그가 테스트 셀의 stderr에 찍히지 않도록).
"""
from __future__ import annotations

import numpy as np

from dlbook.checker import Case, Exercise
from dlbook.exercises.ch10 import (
    AGENT_BARS,
    ATOL,
    RTOL,
    agent_exercise,
    compare_epsilon_greedy,
    compare_replay,
    compare_running,
    run_bellman_backup,
    run_dqn_targets,
    run_epsilon_greedy,
    run_q_learning_updates,
    run_replay_sample,
    run_running_average,
    run_sarsa_updates,
)

# --- 연습문제 1: 벨만 최적 갱신 -------------------------------------------------------------------


def bellman_reference(case: Case) -> np.ndarray:
    """V_new[s] = max_a (R[s, a] + γ Σ_s' P[s, a, s'] V[s']) 를 TensorFlow로."""
    import tensorflow as tf

    V, P, R, gamma = case.args
    V, P, R = (tf.constant(np.asarray(x, dtype=np.float64)) for x in (V, P, R))
    Q = R + gamma * tf.einsum("sat,t->sa", P, V)
    return tf.reduce_max(Q, axis=1).numpy()


def random_mdp(rng: np.random.Generator, n_states: int, n_actions: int, *, deterministic: float = 0.3,
               n_terminal: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """무작위 MDP: 행마다 합이 1인 P[s, a, :], 보상 R[s, a] ~ N(0, 1). 종료 상태는 보상 0으로 제자리."""
    P = rng.dirichlet(np.full(n_states, 0.5), size=(n_states, n_actions))
    det = rng.random((n_states, n_actions)) < deterministic
    for s, a in zip(*np.nonzero(det)):
        P[s, a] = np.eye(n_states)[rng.integers(n_states)]
    R = rng.normal(size=(n_states, n_actions))
    for s in range(n_states - n_terminal, n_states):
        P[s] = np.eye(n_states)[s]
        R[s] = 0.0
    return P, R


def _bellman_cases() -> list[Case]:
    rng = np.random.default_rng(1001)
    cases = []
    for S, A, gamma, n_term in ((5, 3, 0.9, 0), (8, 4, 0.99, 2), (3, 2, 0.5, 1), (12, 5, 0.95, 3), (6, 1, 0.8, 0)):
        P, R = random_mdp(rng, S, A, n_terminal=n_term)
        V = rng.normal(scale=3.0, size=S)
        cases.append(Case(args=(V, P, R, gamma), label=f"무작위 MDP: 상태 {S}, 행동 {A}, γ = {gamma}"))
    P, R = random_mdp(rng, 4, 3)
    cases.append(Case(args=(-np.abs(rng.normal(size=4)) - 5.0, P, -np.abs(R), 0.9),
                      label="모든 값과 보상이 음수 (0과 비교하는 max는 틀린다)"))
    P, R = random_mdp(rng, 4, 2)
    cases.append(Case(args=(np.zeros(4), P, R, 1.0), label="γ = 1, V = 0"))
    return cases


# --- 연습문제 2: 실시간 평균과 EMA ---------------------------------------------------------------

def running_reference(case: Case) -> dict:
    """keras.metrics.Mean과 tf.train.ExponentialMovingAverage에 값을 하나씩 넣은 결과."""
    import keras
    import tensorflow as tf

    xs, alpha = case.args
    xs = np.asarray(xs, dtype=np.float64)
    mean = keras.metrics.Mean(dtype="float64")
    var = tf.Variable(xs[0], dtype=tf.float64)
    ema = tf.train.ExponentialMovingAverage(decay=1.0 - alpha)
    ema.apply([var])                       # 그림자 변수를 첫 값으로 만든다
    means, emas = [], []
    for k, x in enumerate(xs):
        mean.update_state(x)
        means.append(float(mean.result()))
        if k > 0:
            var.assign(x)
            ema.apply([var])
        emas.append(float(ema.average(var)))
    return {"mean": np.array(means), "ema": np.array(emas)}


def _running_cases() -> list[Case]:
    rng = np.random.default_rng(1002)
    cases = [Case(args=(rng.normal(loc=5.0, size=30), 0.1), label="무작위 30개, α = 0.1"),
             Case(args=(np.concatenate([rng.normal(size=15), rng.normal(loc=10.0, size=15)]), 0.3),
                  label="중간에 평균이 뛰는 30개, α = 0.3"),
             Case(args=(rng.uniform(-100, 100, size=12), 0.9), label="큰 값 12개, α = 0.9"),
             Case(args=(rng.normal(size=8), 1.0), label="α = 1: EMA는 마지막 값"),
             Case(args=(np.array([-4.0, 7.0]), 0.5), label="값 두 개")]
    return cases


# --- 연습문제 3: SARSA와 Q-러닝 --------------------------------------------------------------------

def _td_reference(case: Case, sarsa: bool) -> np.ndarray:
    Q0, transitions, alpha, gamma = case.args
    Q = np.array(Q0, dtype=np.float64)
    for t in transitions:
        if t["done"]:
            target = t["r"]
        elif sarsa:
            target = t["r"] + gamma * Q[t["s_next"], t["a_next"]]
        else:
            target = t["r"] + gamma * Q[t["s_next"]].max()
        Q[t["s"], t["a"]] += alpha * (target - Q[t["s"], t["a"]])
    return Q


def sarsa_reference(case: Case) -> np.ndarray:
    return _td_reference(case, sarsa=True)


def q_learning_reference(case: Case) -> np.ndarray:
    return _td_reference(case, sarsa=False)


def _td_cases(seed: int) -> list[Case]:
    rng = np.random.default_rng(seed)
    cases = []
    for S, A, n, alpha, gamma in ((4, 2, 6, 0.5, 0.9), (6, 4, 20, 0.1, 0.99), (3, 3, 10, 1.0, 0.5),
                                  (5, 4, 15, 0.3, 1.0)):
        Q0 = rng.normal(size=(S, A))
        transitions = []
        for _ in range(n):
            s = int(rng.integers(S))
            transitions.append(dict(s=s, a=int(rng.integers(A)), r=float(np.round(rng.normal(), 3)),
                                    s_next=int(rng.integers(S)), a_next=int(rng.integers(A)),
                                    done=bool(rng.random() < 0.25)))
        cases.append(Case(args=(Q0, transitions, alpha, gamma),
                          label=f"무작위 Q ({S}×{A}), 전이 {n}개 (일부 종료), α = {alpha}, γ = {gamma}"))
    # a_next가 탐욕 행동이 아닌 전이들: SARSA와 Q-러닝이 달라지는 곳
    Q0 = np.array([[0.0, 1.0, 3.0], [2.0, -1.0, 0.5], [0.0, 0.0, 0.0]])
    transitions = [dict(s=0, a=0, r=0.5, s_next=1, a_next=1, done=False),
                   dict(s=1, a=2, r=-1.0, s_next=0, a_next=0, done=False),
                   dict(s=2, a=1, r=2.0, s_next=1, a_next=1, done=False)]
    cases.append(Case(args=(Q0, transitions, 0.5, 0.9), label="다음 행동이 탐욕 행동이 아닐 때"))
    return cases


# --- 연습문제 4: ε-탐욕 ----------------------------------------------------------------------------

def epsilon_greedy_reference(case: Case) -> dict:
    """문제의 규칙: u = rng.random(); u < ε 이면 rng.integers(n), 아니면 argmax(번호가 작은 쪽)."""
    q, epsilon, seed, calls = case.args
    q = np.asarray(q, dtype=np.float64)
    rng = np.random.default_rng(seed)
    actions = []
    for _ in range(calls):
        if rng.random() < epsilon:
            actions.append(int(rng.integers(len(q))))
        else:
            actions.append(int(np.argmax(q)))
    return {"actions": actions, "next_u": float(rng.random())}


def _epsilon_cases() -> list[Case]:
    rng = np.random.default_rng(1004)
    cases = []
    for n, eps, calls in ((4, 0.1, 50), (6, 0.5, 40), (2, 0.9, 30), (5, 0.25, 60)):
        q = np.round(rng.normal(size=n), 2)
        cases.append(Case(args=(q, eps, int(rng.integers(10_000)), calls),
                          label=f"무작위 q (행동 {n}개), ε = {eps}, {calls}번"))
    cases.append(Case(args=(np.array([1.0, 3.0, 3.0, 3.0, -2.0]), 0.2, 7, 40), label="최댓값이 셋: 번호가 가장 작은 1"))
    cases.append(Case(args=(np.zeros(4), 0.0, 8, 10), label="모든 값이 같고 ε = 0: 늘 0"))
    cases.append(Case(args=(np.array([-5.0, -1.0, -3.0]), 0.0, 9, 5), label="음수뿐, ε = 0"))
    return cases


# --- 연습문제 5: DQN 목표값 -----------------------------------------------------------------------

def dqn_targets_reference(case: Case) -> np.ndarray:
    import tensorflow as tf

    rewards, next_q, dones, gamma = (np.asarray(x, dtype=np.float32) if np.ndim(x) else x for x in case.args)
    y = rewards + gamma * (1.0 - dones) * tf.reduce_max(next_q, axis=1)
    return np.asarray(y, dtype=np.float64)


def _dqn_target_cases() -> list[Case]:
    rng = np.random.default_rng(1005)
    cases = []
    for B, A, gamma in ((8, 4, 0.99), (32, 2, 0.9), (5, 6, 0.5), (1, 3, 0.95)):
        dones = (rng.random(B) < 0.3).astype(np.float32)
        cases.append(Case(args=(rng.normal(size=B), rng.normal(scale=2.0, size=(B, A)), dones, gamma),
                          label=f"무작위 배치 {B}, 행동 {A}, γ = {gamma}"))
    cases.append(Case(args=(np.zeros(4), -np.abs(rng.normal(size=(4, 3))) - 1.0, np.zeros(4), 0.9),
                      label="다음 Q가 모두 음수"))
    return cases


# --- 연습문제 6: 리플레이 샘플링 --------------------------------------------------------------------

def replay_reference(case: Case) -> dict:
    memory, batch_size, seed = case.args
    rng = np.random.default_rng(seed)
    idx = rng.choice(len(memory), size=batch_size, replace=False)
    out = {}
    for k, name in enumerate(("states", "actions", "rewards", "next_states", "dones")):
        out[name] = np.array([np.asarray(memory[i][k], dtype=np.float64) for i in idx])
    out["next_u"] = float(rng.random())
    return out


def _replay_cases() -> list[Case]:
    rng = np.random.default_rng(1006)
    eye = np.eye(9)
    cases = []
    for n, batch in ((50, 8), (200, 32), (10, 10)):
        memory = []
        for _ in range(n):
            s, s2 = rng.integers(9, size=2)
            memory.append((eye[s], int(rng.integers(4)), float(np.round(rng.normal(), 3)), eye[s2],
                           float(rng.random() < 0.1)))
        cases.append(Case(args=(memory, batch, int(rng.integers(10_000))),
                          label=f"원-핫 상태 9개, 메모리 {n}개에서 {batch}개"))
    memory = [(int(i), int(i % 4), float(i) / 10, int(i + 1), 0.0) for i in range(30)]
    cases.append(Case(args=(memory, 5, 77), label="상태가 정수인 메모리 30개에서 5개"))
    return cases


# --- 목록 --------------------------------------------------------------------------------------

HIDDEN: dict[str, Exercise] = {
    "ch10-ex1-bellman-backup": Exercise(id="ch10-ex1-bellman-backup", cases=_bellman_cases, run=run_bellman_backup,
                                        reference=bellman_reference, rtol=RTOL, atol=ATOL),
    "ch10-ex2-running-average": Exercise(id="ch10-ex2-running-average", cases=_running_cases,
                                         run=run_running_average, reference=running_reference,
                                         compare=compare_running),
    "ch10-ex3-td-update/sarsa": Exercise(id="ch10-ex3-td-update/sarsa", cases=lambda: _td_cases(1003),
                                         run=run_sarsa_updates, reference=sarsa_reference, rtol=RTOL, atol=ATOL),
    "ch10-ex3-td-update/q-learning": Exercise(id="ch10-ex3-td-update/q-learning", cases=lambda: _td_cases(1013),
                                              run=run_q_learning_updates, reference=q_learning_reference,
                                              rtol=RTOL, atol=ATOL),
    "ch10-ex4-epsilon-greedy": Exercise(id="ch10-ex4-epsilon-greedy", cases=_epsilon_cases, run=run_epsilon_greedy,
                                        reference=epsilon_greedy_reference, compare=compare_epsilon_greedy),
    "ch10-ex5-dqn-targets": Exercise(id="ch10-ex5-dqn-targets", cases=_dqn_target_cases, run=run_dqn_targets,
                                     reference=dqn_targets_reference, rtol=1e-5, atol=1e-5),
    "ch10-ex6-replay-sample": Exercise(id="ch10-ex6-replay-sample", cases=_replay_cases, run=run_replay_sample,
                                       reference=replay_reference, compare=compare_replay),
}


# --- 연습문제 7: 에피소드 루프로 최적 정책 배우기 ----------------------------------------------------------
# 숨은 격자: 채점기만 아는 시드로 벽, 구멍, 목표, 걸음 보상을 뽑는다. 모든 결정 상태에서 목표에 갈 수 있는 격자만 쓴다.
# 최적 정책(가치 반복)은 채점기가 비교할 때만 계산하고, 상자에는 격자로 만든 환경만 들어간다.

_AGENT_HIDDEN_SEED = 4417


def hidden_layout(seed: int, n_rows: int = 6, n_cols: int = 6) -> tuple[tuple[str, ...], dict]:
    rng = np.random.default_rng(seed)
    while True:
        grid = np.full((n_rows, n_cols), ".")
        cells = rng.permutation(n_rows * n_cols)
        goal, start, holes, walls = cells[0], cells[1], cells[2:4], cells[4:4 + int(rng.integers(5, 9))]
        grid.flat[walls] = "#"
        grid.flat[holes] = "H"
        grid.flat[goal] = "G"
        grid.flat[start] = "S"
        # 목표에서 거꾸로 너비 우선 탐색: 모든 결정 상태가 목표에 닿아야 한다 (구멍은 지나갈 수 없다)
        reach, frontier = {int(goal)}, [int(goal)]
        while frontier:
            s = frontier.pop()
            r, c = divmod(s, n_cols)
            for dr, dc in ((-1, 0), (0, 1), (1, 0), (0, -1)):
                nr, nc = r + dr, c + dc
                if 0 <= nr < n_rows and 0 <= nc < n_cols and grid[nr, nc] in "S." and nr * n_cols + nc not in reach:
                    reach.add(nr * n_cols + nc)
                    frontier.append(nr * n_cols + nc)
        decision = {int(s) for s in np.flatnonzero(np.isin(grid.ravel(), ["S", "."]))}
        if decision <= reach:
            break
    rewards = {"step_reward": float(rng.choice([-0.02, -0.04, -0.1])), "goal_reward": 1.0,
               "hole_reward": float(rng.choice([-1.0, -2.0]))}
    return tuple("".join(row) for row in grid), rewards


def _agent_hidden_cases() -> list[Case]:
    layout, rewards = hidden_layout(_AGENT_HIDDEN_SEED)
    return [Case(args=(layout, rewards, 0.9), label="숨은 격자 6×6 (벽, 구멍, 목표, 보상이 공개 격자와 다르다, γ = 0.9)")]


HIDDEN.update({f"ch10-ex7-agent/{level}": agent_exercise(level, _agent_hidden_cases) for level in AGENT_BARS})
