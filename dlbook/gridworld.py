"""격자 세계(grid world): 10장 강화학습의 환경, 가치 반복, 그림 도우미 (10-2절에서 소개).

노트북 셀은 강화학습의 생각(벨만 갱신, SARSA·Q-러닝의 갱신식, 에피소드 루프)을 보여 주고, 환경의 규칙과 그림
그리기 같은 배관은 여기에 둔다.

격자는 문자열 목록으로 적는다. 한 글자가 칸 하나다.

====  =====================================================================================
글자  뜻
====  =====================================================================================
``S``  출발 칸 (꼭 하나)
``.``  빈칸
``#``  벽: 들어갈 수 없다. 벽이나 격자 밖으로 움직이면 제자리에 머물고 ``step_reward``를 받는다
``G``  목표: 들어가면 ``goal_reward``를 받고 에피소드가 끝난다 (종료 상태)
``H``  구멍: 들어가면 ``hole_reward``를 받고 에피소드가 끝난다 (종료 상태)
``C``  절벽: 들어가면 ``cliff_reward``를 받고 출발 칸으로 되돌아간다 (에피소드는 이어진다)
====  =====================================================================================

상태 번호는 ``행 * 열의 수 + 열``이다 (벽과 절벽 칸에도 번호가 있지만 에이전트는 거기 머물지 않는다).
행동은 ``0=위, 1=오른쪽, 2=아래, 3=왼쪽`` (Gymnasium의 CliffWalking, FrozenLake와 같은 순서는 아니다:
FrozenLake는 0=왼쪽이다. CliffWalking과는 같다).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

__all__ = [
    "ACTION_ARROWS", "ACTION_NAMES", "GridWorld", "cliff_world", "draw_grid", "greedy_path", "greedy_policy",
    "maze_world", "moving_average", "optimal_action_mask", "plot_paths", "plot_policy", "plot_returns",
    "plot_values", "policy_agreement", "policy_evaluation", "value_iteration",
]

ACTION_NAMES = ("위", "오른쪽", "아래", "왼쪽")
ACTION_ARROWS = ("↑", "→", "↓", "←")
_DELTAS = ((-1, 0), (0, 1), (1, 0), (0, -1))
_CELL_COLORS = {"#": "#555555", "H": "#f4a6a6", "C": "#f4a6a6", "G": "#9fd89f", "S": "#a9cbef", ".": "#ffffff"}
_CELL_LABELS = {"H": "구멍", "C": "절벽", "G": "목표", "S": "출발"}


@dataclass
class GridWorld:
    """결정적(또는 ``slip`` 확률로 미끄러지는) 격자 세계.

    ``reset()``은 출발 상태를, ``step(action)``은 ``(다음 상태, 보상, 종료 여부)``를 돌려준다. ``slip > 0``이면
    그 확률로 에이전트가 고른 행동 대신 네 행동 중 하나가 고르게 뽑히고, 그 난수는 ``seed``로 고정한 자체
    발생기(``self.rng``)에서 나온다. ``transition_model()``은 같은 규칙을 배열 ``P[s, a, s']``, ``R[s, a]``로 준다.
    """

    layout: Sequence[str]
    step_reward: float = 0.0
    goal_reward: float = 1.0
    hole_reward: float = -1.0
    cliff_reward: float = -100.0
    slip: float = 0.0
    seed: int | None = None
    grid: np.ndarray = field(init=False, repr=False)

    def __post_init__(self) -> None:
        rows = [str(r) for r in self.layout]
        if not rows or len({len(r) for r in rows}) != 1:
            raise ValueError("격자의 모든 행은 길이가 같아야 한다")
        bad = set("".join(rows)) - set("S.#GHC")
        if bad:
            raise ValueError(f"알 수 없는 칸 글자: {sorted(bad)}")
        self.grid = np.array([list(r) for r in rows])
        starts = np.argwhere(self.grid == "S")
        if len(starts) != 1:
            raise ValueError("출발 칸 S는 꼭 하나여야 한다")
        if not 0.0 <= self.slip <= 1.0:
            raise ValueError("slip은 0과 1 사이여야 한다")
        self.layout = tuple(rows)
        self.n_rows, self.n_cols = self.grid.shape
        self.n_states = self.n_rows * self.n_cols
        self.n_actions = 4
        self.start = self.index(*starts[0])
        self.rng = np.random.default_rng(self.seed)
        self._terminal = np.isin(self.grid.ravel(), ["G", "H"])
        self._terminal.setflags(write=False)
        self.state = self.start

    # --- 좌표와 칸 ---------------------------------------------------------------------------------

    def index(self, row: int, col: int) -> int:
        return int(row) * self.n_cols + int(col)

    def coords(self, state: int) -> tuple[int, int]:
        return divmod(int(state), self.n_cols)

    def cell(self, state: int) -> str:
        r, c = self.coords(state)
        return str(self.grid[r, c])

    @property
    def terminal(self) -> np.ndarray:
        """종료 상태(목표, 구멍)이면 True인 모양 ``(n_states,)`` 배열 (읽기 전용)."""
        return self._terminal

    def decision_states(self) -> np.ndarray:
        """에이전트가 행동을 골라야 하는 상태들: 벽·절벽·종료 상태를 뺀 칸의 번호."""
        flat = self.grid.ravel()
        return np.flatnonzero(np.isin(flat, ["S", "."]))

    # --- 규칙 ------------------------------------------------------------------------------------

    def _move(self, state: int, action: int) -> tuple[int, float]:
        """미끄러짐 없이 ``action``을 했을 때의 (다음 상태, 보상)."""
        r, c = self.coords(state)
        dr, dc = _DELTAS[int(action)]
        nr, nc = r + dr, c + dc
        if not (0 <= nr < self.n_rows and 0 <= nc < self.n_cols) or self.grid[nr, nc] == "#":
            return int(state), float(self.step_reward)
        kind = self.grid[nr, nc]
        if kind == "G":
            return self.index(nr, nc), float(self.goal_reward)
        if kind == "H":
            return self.index(nr, nc), float(self.hole_reward)
        if kind == "C":
            return self.start, float(self.cliff_reward)
        return self.index(nr, nc), float(self.step_reward)

    def reset(self, state: int | None = None) -> int:
        """출발 칸(또는 주어진 결정 상태 ``state``)에서 새 에피소드를 시작한다."""
        if state is not None and int(state) not in set(self.decision_states().tolist()):
            raise ValueError(f"에피소드는 결정 상태에서만 시작할 수 있다: {state}")
        self.state = self.start if state is None else int(state)
        return self.state

    def step(self, action: int) -> tuple[int, float, bool]:
        if not 0 <= int(action) < self.n_actions:
            raise ValueError(f"행동은 0~{self.n_actions - 1}이어야 한다: {action}")
        if self._terminal[self.state]:
            raise RuntimeError("에피소드가 끝났다: reset()을 먼저 부른다")
        if self.slip > 0 and self.rng.random() < self.slip:
            action = int(self.rng.integers(self.n_actions))
        self.state, reward = self._move(self.state, action)
        return self.state, reward, bool(self._terminal[self.state])

    def transition_model(self) -> tuple[np.ndarray, np.ndarray]:
        """``P[s, a, s']``(전이 확률)와 ``R[s, a]``(기대 보상). 종료·벽·절벽 칸은 보상 0으로 제자리에 머문다."""
        S, A = self.n_states, self.n_actions
        P = np.zeros((S, A, S))
        R = np.zeros((S, A))
        active = set(self.decision_states().tolist())
        for s in range(S):
            if s not in active:
                P[s, :, s] = 1.0
                continue
            outcomes = [self._move(s, a) for a in range(A)]
            for a in range(A):
                probs = np.full(A, self.slip / A)
                probs[a] += 1.0 - self.slip
                for b, p in enumerate(probs):
                    if p > 0:
                        s_next, reward = outcomes[b]
                        P[s, a, s_next] += p
                        R[s, a] += p * reward
        return P, R


def cliff_world(**kwargs) -> GridWorld:
    """절벽 걷기(cliff walking, Sutton & Barto 예 6.6): 4×12, 한 걸음 −1, 절벽 −100 후 출발로.

    Gymnasium의 ``CliffWalking-v1``과 상태 번호, 행동, 보상이 같다.
    """
    layout = ("............",
              "............",
              "............",
              "SCCCCCCCCCCG")
    params = dict(step_reward=-1.0, goal_reward=-1.0, cliff_reward=-100.0)
    params.update(kwargs)
    return GridWorld(layout, **params)


def maze_world(**kwargs) -> GridWorld:
    """10-2절부터 쓰는 5×5 격자: 벽 셋, 구멍 둘, 목표 +1, 구멍 −1, 걸음마다 −0.04."""
    layout = ("S....",
              ".#.H.",
              ".#...",
              "...#.",
              ".H..G")
    params = dict(step_reward=-0.04, goal_reward=1.0, hole_reward=-1.0)
    params.update(kwargs)
    return GridWorld(layout, **params)


# --- 모델을 아는 계획: 정책 평가와 가치 반복 -----------------------------------------------------------

def policy_evaluation(P: np.ndarray, R: np.ndarray, policy: np.ndarray, gamma: float) -> np.ndarray:
    """정책 ``policy``(모양 ``(S, A)``의 행동 확률)의 상태 가치를 선형 방정식 ``(I − γP_π)V = R_π``로 푼다."""
    P, R, policy = np.asarray(P, float), np.asarray(R, float), np.asarray(policy, float)
    P_pi = np.einsum("sa,sat->st", policy, P)
    R_pi = np.einsum("sa,sa->s", policy, R)
    return np.linalg.solve(np.eye(len(R)) - gamma * P_pi, R_pi)


def value_iteration(P: np.ndarray, R: np.ndarray, gamma: float, *, tol: float = 1e-10,
                    max_iter: int = 10_000) -> tuple[np.ndarray, np.ndarray, int]:
    """벨만 최적 방정식을 되풀이해 ``(V*, Q*, 반복 횟수)``를 구한다 (10-3절의 루프를 함수로 묶은 것)."""
    P, R = np.asarray(P, float), np.asarray(R, float)
    V = np.zeros(R.shape[0])
    for it in range(1, max_iter + 1):
        Q = R + gamma * P @ V
        V_new = Q.max(axis=1)
        if np.max(np.abs(V_new - V)) < tol:
            return V_new, R + gamma * P @ V_new, it
        V = V_new
    return V, R + gamma * P @ V, max_iter


def greedy_policy(Q: np.ndarray) -> np.ndarray:
    """상태마다 Q가 가장 큰 행동 (같으면 번호가 작은 행동: ``np.argmax``의 규칙)."""
    return np.argmax(np.asarray(Q), axis=1)


def optimal_action_mask(Q_star: np.ndarray, tol: float = 1e-6) -> np.ndarray:
    """``Q*(s, a) ≥ max_b Q*(s, b) − tol``인 (s, a)에서 True: 최적 행동이 여럿일 수 있다."""
    Q_star = np.asarray(Q_star, float)
    return Q_star >= Q_star.max(axis=1, keepdims=True) - tol


def policy_agreement(env: GridWorld, policy: np.ndarray, Q_star: np.ndarray,
                     tol: float = 1e-6) -> tuple[int, int, list[int]]:
    """결정 상태마다 ``policy``의 행동이 최적 행동 가운데 하나인지 본다: ``(맞은 수, 전체, 틀린 상태들)``."""
    mask = optimal_action_mask(Q_star, tol)
    states = env.decision_states()
    wrong = [int(s) for s in states if not mask[s, int(policy[s])]]
    return len(states) - len(wrong), len(states), wrong


def greedy_path(env: GridWorld, policy: np.ndarray, max_steps: int = 100) -> list[int]:
    """출발 칸에서 ``policy``를 (미끄러짐 없이) 따라간 상태들. 종료 상태나 ``max_steps``에서 멈춘다."""
    s = env.start
    path = [s]
    for _ in range(max_steps):
        s, _ = env._move(s, int(policy[s]))
        path.append(s)
        if env.terminal[s]:
            break
    return path


# --- 그림 --------------------------------------------------------------------------------------

def _new_ax(ax, env: GridWorld, scale: float = 0.9):
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(max(3.0, env.n_cols * scale), max(2.5, env.n_rows * scale)))
    return ax


def _frame(ax, env: GridWorld, title: str | None) -> None:
    ax.set_xlim(-0.5, env.n_cols - 0.5)
    ax.set_ylim(env.n_rows - 0.5, -0.5)
    ax.set_xticks(np.arange(env.n_cols))
    ax.set_yticks(np.arange(env.n_rows))
    ax.set_xticks(np.arange(-0.5, env.n_cols), minor=True)
    ax.set_yticks(np.arange(-0.5, env.n_rows), minor=True)
    ax.grid(which="minor", color="#999999", linewidth=0.8)
    ax.tick_params(which="both", length=0, labelsize=8)
    ax.set_aspect("equal")
    if title:
        ax.set_title(title)


def draw_grid(env: GridWorld, ax=None, *, title: str | None = None, labels: bool = True):
    """칸의 종류를 색으로 그린다 (출발 파랑, 목표 초록, 구멍·절벽 빨강, 벽 회색). ``Axes``를 돌려준다."""
    from matplotlib.colors import to_rgb

    ax = _new_ax(ax, env)
    image = np.array([[to_rgb(_CELL_COLORS[ch]) for ch in row] for row in env.grid])
    ax.imshow(image, interpolation="nearest")
    if labels:
        for (r, c), ch in np.ndenumerate(env.grid):
            if ch in _CELL_LABELS:
                ax.text(c, r, _CELL_LABELS[ch], ha="center", va="center", fontsize=8)
    _frame(ax, env, title)
    return ax


def plot_values(env: GridWorld, V: np.ndarray, ax=None, *, title: str | None = "상태 가치",
                cmap: str = "RdYlGn", annotate: bool = True, fmt: str = "{:.2f}", colorbar: bool = True):
    """상태 가치 ``V``(모양 ``(n_states,)``)를 격자 위 열지도로 그린다.

    색은 결정 상태에만 칠한다. 벽·절벽·종료 칸은 ``draw_grid``와 같은 색으로 두고 종료 칸에는 이름을 적는다
    (신경망이 종료 상태에 내는 값처럼 의미 없는 값이 색에 섞이지 않도록).
    """
    import matplotlib.pyplot as plt
    from matplotlib.colors import to_rgb

    ax = _new_ax(ax, env)
    values = np.asarray(V, float).reshape(env.n_rows, env.n_cols)
    active_mask = np.isin(env.grid, ["S", "."])
    background = np.array([[to_rgb(_CELL_COLORS[ch] if ch not in "S." else "#ffffff") for ch in row]
                           for row in env.grid])
    ax.imshow(background, interpolation="nearest")
    cm = plt.get_cmap(cmap).copy()
    cm.set_bad(alpha=0.0)
    active = values[active_mask]
    lim = max(np.abs(active).max() if active.size else 1.0, 1e-9)
    vmin, vmax = (-lim, lim) if cmap == "RdYlGn" or active.min() < 0 < active.max() else (active.min(), active.max())
    im = ax.imshow(np.ma.masked_where(~active_mask, values), cmap=cm, vmin=vmin, vmax=vmax, interpolation="nearest")
    for (r, c), ch in np.ndenumerate(env.grid):
        if ch in ("G", "H", "C"):
            ax.text(c, r, _CELL_LABELS[ch], ha="center", va="center", fontsize=8)
        elif ch != "#" and annotate:
            ax.text(c, r, fmt.format(values[r, c]), ha="center", va="center", fontsize=8)
    _frame(ax, env, title)
    if colorbar:
        ax.figure.colorbar(im, ax=ax, fraction=0.046, pad=0.04)
    return ax


def plot_policy(env: GridWorld, policy: np.ndarray, ax=None, *, title: str | None = "탐욕 정책",
                V: np.ndarray | None = None, highlight: Sequence[int] = (), color: str = "black"):
    """정책(상태마다 행동 번호)을 결정 상태마다 화살표로 그린다. ``V``를 주면 뒤에 가치 열지도를 깐다.

    ``highlight``에 든 상태(예: 최적이 아닌 행동을 고른 상태)는 빨간 화살표로 그린다.
    """
    if V is not None:
        ax = plot_values(env, V, ax, title=title, annotate=False, colorbar=False)
    else:
        ax = draw_grid(env, ax, title=title)
    bad = set(int(s) for s in highlight)
    for s in env.decision_states():
        r, c = env.coords(s)
        dr, dc = _DELTAS[int(policy[s])]
        ax.annotate("", xy=(c + 0.32 * dc, r + 0.32 * dr), xytext=(c - 0.32 * dc, r - 0.32 * dr),
                    arrowprops=dict(arrowstyle="->", lw=1.8, color="red" if int(s) in bad else color))
    return ax


def plot_paths(env: GridWorld, paths: dict, ax=None, *, title: str | None = "탐욕 정책이 지나는 길"):
    """``{이름: 상태 목록}``의 경로들을 격자 위에 선으로 그린다 (겹치지 않게 조금씩 어긋나게)."""
    ax = draw_grid(env, ax, title=title)
    offsets = np.linspace(-0.15, 0.15, max(len(paths), 1)) if len(paths) > 1 else [0.0]
    for (name, path), off in zip(paths.items(), offsets):
        rc = np.array([env.coords(s) for s in path], float)
        ax.plot(rc[:, 1] + off, rc[:, 0] + off, marker="o", markersize=3, linewidth=2.2,
                label=f"{name} ({len(path) - 1}걸음)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=max(len(paths), 1), fontsize=8, frameon=False)
    return ax


def moving_average(x: Sequence[float], window: int) -> np.ndarray:
    """길이 ``window``인 이동 평균 (앞부분은 그때까지의 평균): 길이는 ``x``와 같다."""
    x = np.asarray(x, float)
    if window <= 1 or x.size == 0:
        return x.copy()
    c = np.cumsum(np.insert(x, 0, 0.0))
    out = np.empty_like(x)
    k = np.arange(1, x.size + 1)
    lo = np.maximum(k - window, 0)
    out[:] = (c[k] - c[lo]) / (k - lo)
    return out


def plot_returns(returns: dict, ax=None, *, window: int = 20, title: str | None = "에피소드별 보상의 합",
                 ylim: tuple[float, float] | None = None, raw: bool = True):
    """``{이름: 에피소드별 리턴}``을 이동 평균 선(과 옅은 원래 값)으로 그린다."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(7, 3.5))
    for name, values in returns.items():
        values = np.asarray(values, float)
        episodes = np.arange(1, values.size + 1)
        (line,) = ax.plot(episodes, moving_average(values, window), linewidth=1.8,
                          label=f"{name} (이동 평균 {window})")
        if raw:
            ax.plot(episodes, values, color=line.get_color(), alpha=0.2, linewidth=0.8)
    ax.set(title=title, xlabel="에피소드", ylabel="보상의 합 (리턴)")
    if ylim is not None:
        ax.set_ylim(*ylim)
    ax.legend(fontsize=8)
    return ax
