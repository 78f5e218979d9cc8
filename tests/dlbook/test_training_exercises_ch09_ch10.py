"""9장 연습문제 5(CD-k 학습 루프)와 10장 연습문제 7(에피소드 루프)의 배관: 데이터 생성기, 정확한 가능도, 환경, 최적 Q."""
from __future__ import annotations

import numpy as np
import pytest

from dlbook.exercises.ch09 import TRAIN_SHAPE, exact_log_likelihood, prototype_data
from dlbook.exercises.ch10 import AGENT_LAYOUT, AGENT_REWARDS, GridEnv, optimal_q


def _states(n):
    return ((np.arange(2 ** n)[:, None] >> np.arange(n)[::-1]) & 1).astype(np.float64)


# --- 9장 ---------------------------------------------------------------------------------------------

def test_prototype_data_is_seeded_binary_and_differs_between_seeds():
    a_train, a_test = prototype_data(0)
    b_train, _ = prototype_data(0)
    c_train, _ = prototype_data(1)
    assert a_train.shape == (TRAIN_SHAPE["n_train"], 10) and a_test.shape == (TRAIN_SHAPE["n_test"], 10)
    assert set(np.unique(a_train)) <= {0.0, 1.0}
    assert np.array_equal(a_train, b_train) and not np.array_equal(a_train, c_train)


def test_exact_log_likelihood_matches_the_joint_enumeration():
    rng = np.random.default_rng(0)
    D, H = 5, 3
    W, b, c = rng.normal(size=(D, H)), rng.normal(size=D), rng.normal(size=H)
    v = (rng.random((7, D)) < 0.5).astype(float)
    vs, hs = _states(D), _states(H)
    log_joint = (vs @ b)[:, None] + (hs @ c)[None, :] + vs @ W @ hs.T            # −E(v, h)
    log_z = np.log(np.exp(log_joint).sum())
    index = (v @ 2 ** np.arange(D - 1, -1, -1)).astype(int)
    log_pv = np.log(np.exp(log_joint).sum(axis=1))[index] - log_z
    assert exact_log_likelihood(W, b, c, v) == pytest.approx(log_pv.mean(), rel=1e-10)
    # 매개변수가 모두 0이면 모든 상태가 같은 확률: −D log 2
    assert exact_log_likelihood(np.zeros((D, H)), np.zeros(D), np.zeros(H), v) == pytest.approx(-D * np.log(2))


# --- 10장 --------------------------------------------------------------------------------------------

def test_grid_env_follows_the_gymnasium_shape():
    env = GridEnv(("S.G",), step_reward=-0.1, goal_reward=1.0, hole_reward=-1.0, seed=0, max_episode_steps=3)
    s, info = env.reset(seed=0)
    assert s in (0, 1) and info == {}
    env._state = 0                                   # 출발을 고정해 규칙을 본다
    assert env.step(0) == (0, -0.1, False, False, {})   # 격자 밖: 제자리, 걸음 보상
    assert env.step(1) == (1, -0.1, False, False, {})
    assert env.step(1) == (2, 1.0, True, False, {})     # 목표: terminated
    with pytest.raises(RuntimeError):
        env.step(0)
    env.reset()
    env._state = 0
    outcomes = [env.step(3) for _ in range(3)]           # 벽에 세 번: 셋째 걸음에 truncated
    assert [o[3] for o in outcomes] == [False, False, True] and not any(o[2] for o in outcomes)
    assert env.total_steps == 6


def test_grid_env_holds_no_optimal_values():
    env = GridEnv(AGENT_LAYOUT, **AGENT_REWARDS, seed=1)
    assert set(vars(env)) == {"_grid", "_rewards", "n_rows", "n_cols", "n_states", "max_episode_steps", "_starts",
                              "_rng", "_state", "_t", "_done", "total_steps"}
    assert not hasattr(env, "transition_model")


def test_optimal_q_agrees_with_the_chapter_value_iteration():
    from dlbook.gridworld import GridWorld, value_iteration

    world = GridWorld(AGENT_LAYOUT, **AGENT_REWARDS)
    P, R = world.transition_model()
    _, Q_ref, _ = value_iteration(P, R, 0.9)
    Q, decision = optimal_q(AGENT_LAYOUT, **AGENT_REWARDS, gamma=0.9)
    assert np.array_equal(decision, world.decision_states())
    np.testing.assert_allclose(Q[decision], Q_ref[decision], atol=1e-9)


def test_hidden_layouts_are_solvable_and_differ_from_the_visible_one():
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "solutions" / "ch10"))
    try:
        from ch10_hidden import _AGENT_HIDDEN_SEED, hidden_layout
    finally:
        sys.path.pop(0)
    for seed in (_AGENT_HIDDEN_SEED, 1, 2, 3):
        layout, rewards = hidden_layout(seed)
        assert layout != AGENT_LAYOUT
        Q, decision = optimal_q(layout, **rewards, gamma=0.9)
        # 모든 결정 상태에서 목표에 닿는다: 최적 가치가 '영원히 걸음 보상만 받는' 값보다 크다
        assert np.all(Q[decision].max(axis=1) > rewards["step_reward"] / (1 - 0.9))
