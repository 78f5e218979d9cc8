"""dlbook.gridworld: 격자 세계의 규칙, 전이 배열, 가치 반복, 그림 (10장)."""
from __future__ import annotations

import warnings

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from dlbook.gridworld import (  # noqa: E402
    GridWorld,
    cliff_world,
    draw_grid,
    greedy_path,
    greedy_policy,
    maze_world,
    moving_average,
    optimal_action_mask,
    plot_paths,
    plot_policy,
    plot_returns,
    plot_values,
    policy_agreement,
    policy_evaluation,
    value_iteration,
)

UP, RIGHT, DOWN, LEFT = range(4)


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# --- 규칙 ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("layout", "message"), [
    pytest.param(("S.", "."), "길이", id="ragged-rows"),
    pytest.param(("S.X",), "알 수 없는", id="unknown-cell"),
    pytest.param(("..G",), "출발", id="no-start"),
    pytest.param(("S.S",), "출발", id="two-starts"),
])
def test_bad_layouts_are_rejected(layout, message):
    with pytest.raises(ValueError, match=message):
        GridWorld(layout)


def test_walls_and_edges_keep_the_agent_in_place():
    env = GridWorld(("S#", "..", ".G"), step_reward=-0.5)
    assert env.reset() == 0
    assert env.step(UP) == (0, -0.5, False)       # 격자 밖
    assert env.step(RIGHT) == (0, -0.5, False)    # 벽
    assert env.step(DOWN) == (2, -0.5, False)


def test_goal_and_hole_end_the_episode_with_their_reward():
    env = GridWorld(("SG", "H."), goal_reward=2.0, hole_reward=-3.0)
    env.reset()
    assert env.step(RIGHT) == (1, 2.0, True)
    with pytest.raises(RuntimeError):
        env.step(LEFT)
    env.reset()
    assert env.step(DOWN) == (2, -3.0, True)


def test_cliff_sends_the_agent_back_to_start_without_ending():
    env = cliff_world()
    env.reset()
    s, r, done = env.step(RIGHT)                  # 출발 바로 옆은 절벽
    assert (s, r, done) == (env.start, -100.0, False)


def test_reset_from_a_decision_state_only():
    env = maze_world()
    assert env.reset(6 - 1) == 5
    with pytest.raises(ValueError):
        env.reset(6)                              # 벽
    with pytest.raises(ValueError):
        env.reset(24)                             # 목표 (종료 상태)


def test_slip_is_seeded():
    def actions_taken(seed):
        env = GridWorld(("S....", "....."), slip=0.5, seed=seed)
        env.reset()
        return [env.step(RIGHT)[0] for _ in range(3)] + [env.reset()] + [env.step(DOWN)[0]]

    assert actions_taken(3) == actions_taken(3)
    assert any(actions_taken(s) != actions_taken(3) for s in range(4, 10))


# --- 전이 배열 -----------------------------------------------------------------------------------

@pytest.mark.parametrize("env", [maze_world(), maze_world(slip=0.2), cliff_world()], ids=["maze", "slippery", "cliff"])
def test_transition_model_is_a_distribution_and_matches_step(env):
    P, R = env.transition_model()
    assert P.shape == (env.n_states, 4, env.n_states) and R.shape == (env.n_states, 4)
    np.testing.assert_allclose(P.sum(axis=2), 1.0)
    if env.slip == 0:
        for s in env.decision_states():
            for a in range(4):
                env.state = int(s)
                s_next, r, _ = env.step(a)
                assert P[s, a, s_next] == 1.0 and R[s, a] == r
    for s in np.flatnonzero(env.terminal):
        assert P[s, :, s].tolist() == [1.0] * 4 and not R[s].any()


def test_slippery_transition_probabilities():
    env = maze_world(slip=0.2)
    P, R = env.transition_model()
    s = env.index(0, 3)                           # 구멍 바로 위
    np.testing.assert_allclose(P[s, DOWN, [2, 3, 4, 8]], [0.05, 0.05, 0.05, 0.85])
    assert R[s, DOWN] == pytest.approx(0.85 * -1.0 + 0.15 * -0.04)


def test_cliff_world_matches_gymnasium():
    gym = pytest.importorskip("gymnasium")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        reference = gym.make("CliffWalking-v1").unwrapped.P
    env = cliff_world()
    P, R = env.transition_model()
    for s in env.decision_states():
        for a in range(4):
            ((prob, s_next, reward, _),) = reference[int(s)][a]
            assert P[s, a, int(s_next)] == prob == 1.0
            assert R[s, a] == reward


# --- 계획 ----------------------------------------------------------------------------------------

def test_value_iteration_on_the_maze():
    env = maze_world()
    P, R = env.transition_model()
    V, Q, n_iter = value_iteration(P, R, 0.9)
    by_hand = sum(-0.04 * 0.9 ** k for k in range(7)) + 0.9 ** 7   # 8걸음 최단 경로
    assert V[env.start] == pytest.approx(by_hand)
    np.testing.assert_allclose(V, Q.max(axis=1))
    np.testing.assert_allclose(Q, R + 0.9 * P @ V)
    assert n_iter < 20
    assert len(greedy_path(env, greedy_policy(Q))) - 1 == 8


def test_value_iteration_on_the_cliff_gives_minus_13():
    env = cliff_world()
    P, R = env.transition_model()
    V, Q, _ = value_iteration(P, R, 1.0)
    assert V[env.start] == pytest.approx(-13.0)
    assert len(greedy_path(env, greedy_policy(Q))) - 1 == 13


def test_policy_evaluation_solves_the_bellman_expectation_equation():
    env = maze_world(slip=0.1)
    P, R = env.transition_model()
    pi = np.random.default_rng(0).dirichlet(np.ones(4), size=env.n_states)
    V = policy_evaluation(P, R, pi, 0.8)
    np.testing.assert_allclose(V, np.sum(pi * (R + 0.8 * P @ V), axis=1), atol=1e-12)


def test_optimal_actions_and_agreement():
    env = maze_world()
    P, R = env.transition_model()
    _, Q, _ = value_iteration(P, R, 0.9)
    mask = optimal_action_mask(Q)
    assert mask[env.start].tolist() == [False, True, True, False]    # 오른쪽과 아래가 같다
    ok, total, wrong = policy_agreement(env, greedy_policy(Q), Q)
    assert (ok, total, wrong) == (19, 19, [])
    bad = greedy_policy(Q).copy()
    bad[env.start] = UP
    assert policy_agreement(env, bad, Q) == (18, 19, [env.start])


def test_greedy_path_stops_on_loops():
    env = maze_world()
    always_up = np.zeros(env.n_states, dtype=int)
    path = greedy_path(env, always_up, max_steps=7)
    assert path == [env.start] * 8


def test_moving_average():
    np.testing.assert_allclose(moving_average([1, 2, 3, 4, 5], 2), [1, 1.5, 2.5, 3.5, 4.5])
    np.testing.assert_allclose(moving_average([4.0, 2.0], 1), [4.0, 2.0])
    assert moving_average([], 5).size == 0


# --- 그림 ----------------------------------------------------------------------------------------

def test_drawings_have_no_missing_glyphs():
    import dlbook

    dlbook.setup(seed=0, tensorflow=False)
    env = maze_world()
    P, R = env.transition_model()
    V, Q, _ = value_iteration(P, R, 0.9)
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        fig, axes = plt.subplots(2, 3)
        draw_grid(env, axes[0, 0], title="격자")
        plot_values(env, V, axes[0, 1])
        ax = plot_policy(env, greedy_policy(Q), axes[0, 2], V=V, highlight=[env.start])
        plot_paths(cliff_world(), {"가": [36, 24, 25], "나": [36, 24]}, axes[1, 0])
        plot_returns({"SARSA": np.arange(10.0), "Q-러닝": -np.arange(10.0)}, axes[1, 1], window=3, ylim=(-10, 10))
        fig.canvas.draw()
    glyphs = [str(w.message) for w in records if "glyph" in str(w.message).lower()]
    assert not glyphs, glyphs
    arrows = [c for c in ax.get_children() if type(c).__name__ == "Annotation"]
    assert len(arrows) == len(env.decision_states())
    assert sum(a.arrow_patch.get_edgecolor()[:3] == (1.0, 0.0, 0.0) for a in arrows) == 1
    assert len(axes[1, 1].get_lines()) == 4 and axes[1, 1].get_ylim() == (-10, 10)
