"""`make bench`의 CartPole 항목: 10장 10-15절의 DQN과 Double DQN을 시드 여러 개로 돌린다.

장 안에서는 시드 하나(0)만 돌린다. 시드 하나의 비교는 거의 아무것도 증명하지 못하므로, 같은 설정(환경 스텝
20,000개, 같은 네트워크·학습률·ε 일정)으로 시드 0–4를 돌려 탐욕 정책의 평가 리턴(에피소드 10개 평균)을 모은다.
코드는 노트북 10-15절의 셀과 같은 알고리즘이다 (장이 가르치는 것은 노트북에 그대로 있고, 이 파일은 재기만 한다).
"""
from __future__ import annotations

import time

import numpy as np


def _build(keras, seed):
    keras.utils.set_random_seed(seed)
    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(64, activation="relu"),
                             keras.layers.Dense(64, activation="relu"), keras.layers.Dense(2)])


def train_and_evaluate(double: bool, seed: int, n_steps: int = 20_000, batch_size: int = 64, warmup: int = 1_000,
                       lr: float = 5e-4, gamma: float = 0.99, tau: float = 0.01) -> dict:
    import gymnasium as gym
    import keras
    import tensorflow as tf

    env = gym.make("CartPole-v1")
    q_net, target_net = _build(keras, seed), _build(keras, seed)
    target_net.set_weights(q_net.get_weights())
    optimizer = keras.optimizers.Adam(lr)
    huber = keras.losses.Huber()

    @tf.function
    def train_step(states, actions, rewards, next_states, terminated):
        next_q_target = target_net(next_states, training=False)
        if double:
            best = tf.argmax(q_net(next_states, training=False), axis=1)
            next_value = tf.gather(next_q_target, best, batch_dims=1)
        else:
            next_value = tf.reduce_max(next_q_target, axis=1)
        y = rewards + gamma * (1.0 - terminated) * next_value
        with tf.GradientTape() as tape:
            q_sa = tf.reduce_sum(q_net(states, training=True) * tf.one_hot(actions, 2), axis=1)
            loss = huber(y, q_sa)
        grads = tape.gradient(loss, q_net.trainable_variables)
        optimizer.apply_gradients(zip(grads, q_net.trainable_variables))
        for w, w_target in zip(q_net.trainable_variables, target_net.trainable_variables):
            w_target.assign(tau * w + (1 - tau) * w_target)
        return loss

    q_of = tf.function(lambda x: q_net(x, training=False))
    rng = np.random.default_rng(seed)
    S = np.zeros((n_steps, 4), "float32"); S2 = np.zeros_like(S)
    A = np.zeros(n_steps, "int32"); R = np.zeros(n_steps, "float32"); TERM = np.zeros(n_steps, "float32")
    eps = np.maximum(0.02, 1 - np.arange(n_steps) / (0.25 * n_steps))
    start = time.perf_counter()
    obs, _ = env.reset(seed=seed)
    for t in range(n_steps):
        a = int(rng.integers(2)) if rng.random() < eps[t] else int(np.argmax(q_of(obs[None]).numpy()[0]))
        next_obs, r, terminated, truncated, _ = env.step(a)
        S[t], A[t], R[t], S2[t], TERM[t] = obs, a, r, next_obs, terminated
        obs = next_obs
        if terminated or truncated:
            obs, _ = env.reset()
        if t + 1 >= warmup:
            idx = rng.integers(t + 1, size=batch_size)
            train_step(S[idx], A[idx], R[idx], S2[idx], TERM[idx])
    scores = []
    for k in range(10):
        obs, _ = env.reset(seed=1000 + k)
        total, done = 0.0, False
        while not done:
            obs, r, terminated, truncated, _ = env.step(int(np.argmax(q_of(obs[None]).numpy()[0])))
            total += r
            done = terminated or truncated
        scores.append(total)
    return {"eval_mean": float(np.mean(scores)), "seconds": round(time.perf_counter() - start, 1)}


def cartpole_seeds(seeds=range(5)) -> dict:
    import dlbook
    dlbook.setup(seed=0, fonts=False)
    out = {}
    for name, double in (("DQN", False), ("Double DQN", True)):
        runs = [train_and_evaluate(double, seed) for seed in seeds]
        means = np.array([r["eval_mean"] for r in runs])
        out[name] = {"seeds": list(seeds), "eval_means": means.tolist(), "mean": round(float(means.mean()), 1),
                     "std": round(float(means.std(ddof=1)), 1), "solved_500": int((means == 500).sum())}
        print(f"[CartPole {name}] 시드 {len(runs)}개, 탐욕 정책 평가 리턴(10회 평균) 시드별 "
              f"{', '.join(f'{m:.1f}' for m in means)} → 평균 {means.mean():.1f} ± {means.std(ddof=1):.1f}, "
              f"500 도달 {int((means == 500).sum())}/{len(runs)}", flush=True)
    return out


if __name__ == "__main__":
    cartpole_seeds()
