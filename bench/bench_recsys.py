"""11장의 충실도 비교: MovieLens 100k 5겹 교차 검증, 모든 방법이 같은 조각 (`recsys.kfold_ratings`, 시드 0).

- 우리 행렬 분해(11-8절의 편향 있는 미니배치 SGD)는 조각마다 **중첩**으로 고른다: 그 조각의 훈련 평점에서 10%를
  검증으로 떼어(`split_ratings(train, 0.1, seed=1)`) 요인 수·규제 세기·에포크를 고르고, 고른 값으로 조각의 훈련
  평점 전체에 다시 학습해 시험 조각을 한 번 잰다. 시험 조각은 고르는 데 쓰지 않는다.
- Surprise `SVD`, `SVDpp`: 기본값, `random_state=0` (Surprise 공개 기준표: SVD 0.934, SVD++ 0.920).

노트북(11-11절)은 같은 조각에서 11-8절이 검증으로 고른 값 하나를 다섯 조각에 그대로 쓴다. 이 파일은 그 선택이
조각마다 다시 골라도 같은 결론인지, 그리고 장의 90초 예산에 넣지 못한 SVD++를 잰다.
"""
from __future__ import annotations

import time

import numpy as np

# 11-8절의 격자와 같다
DIMS = (32, 64)
REGS = (0.05, 0.1, 0.15)
MAX_EPOCHS = 30
LEARNING_RATE = 0.02


def _arrays(df):
    return (df["user_id"].to_numpy() - 1, df["item_id"].to_numpy() - 1, df["rating"].to_numpy(dtype=np.float64))


def _add_rows(M, rows, values):
    cols = np.arange(M.shape[1])
    np.add.at(M.reshape(-1), (rows[:, None] * M.shape[1] + cols).ravel(), values.ravel())


def train_mf_sgd(data, n_users, n_items, dim, reg, epochs, eval_set=None, learning_rate=LEARNING_RATE,
                 batch_size=1024, seed=0):
    """11-8절의 `train_mf_sgd`와 같은 학습 (벤치마크용 사본). (예측 함수, 에포크별 평가 RMSE)를 돌려준다."""
    users, items, values = data
    mu = values.mean()
    rng = np.random.default_rng(seed)
    P = rng.normal(0.0, 0.1, size=(n_users, dim))
    Q = rng.normal(0.0, 0.1, size=(n_items, dim))
    bu, bi = np.zeros(n_users), np.zeros(n_items)

    def predict(u, i):
        return np.clip(mu + bu[u] + bi[i] + np.sum(P[u] * Q[i], axis=1), 1, 5)

    history = []
    for _ in range(epochs):
        order = rng.permutation(len(values))
        for start in range(0, len(order), batch_size):
            batch = order[start:start + batch_size]
            u, i = users[batch], items[batch]
            pu, qi = P[u], Q[i]
            e = values[batch] - (mu + bu[u] + bi[i] + np.sum(pu * qi, axis=1))
            np.add.at(bu, u, learning_rate * (e - reg * bu[u]))
            np.add.at(bi, i, learning_rate * (e - reg * bi[i]))
            _add_rows(P, u, learning_rate * (e[:, None] * qi - reg * pu))
            _add_rows(Q, i, learning_rate * (e[:, None] * pu - reg * qi))
        if eval_set is not None:
            eu, ei, ev = eval_set
            history.append(float(np.sqrt(np.mean((predict(eu, ei) - ev) ** 2))))
    return predict, history


def run() -> dict:
    from surprise import SVD, SVDpp, accuracy

    from dlbook import recsys
    from dlbook.data import load_movielens_100k

    ratings, movies, users = load_movielens_100k()
    n_users, n_items = len(users), len(movies)
    folds = recsys.kfold_ratings(ratings, n_splits=5, seed=0)
    scores: dict[str, list[float]] = {"MF SGD (중첩 선택)": [], "Surprise SVD": [], "Surprise SVD++": []}
    seconds: dict[str, float] = {name: 0.0 for name in scores}
    chosen = []
    for f, (train, test) in enumerate(folds):
        t0 = time.perf_counter()
        fit_part, valid = recsys.split_ratings(train, test_size=0.1, seed=1)
        best = (np.inf, None)
        for dim in DIMS:
            for reg in REGS:
                _, history = train_mf_sgd(_arrays(fit_part), n_users, n_items, dim, reg, MAX_EPOCHS,
                                          eval_set=_arrays(valid))
                epoch = int(np.argmin(history))
                if history[epoch] < best[0]:
                    best = (history[epoch], (dim, reg, epoch + 1))
        dim, reg, epochs = best[1]
        predict, _ = train_mf_sgd(_arrays(train), n_users, n_items, dim, reg, epochs)
        u, i, y = _arrays(test)
        scores["MF SGD (중첩 선택)"].append(float(np.sqrt(np.mean((predict(u, i) - y) ** 2))))
        seconds["MF SGD (중첩 선택)"] += time.perf_counter() - t0
        chosen.append({"dim": dim, "reg": reg, "epochs": epochs, "valid_rmse": round(best[0], 4)})
        trainset, testset = recsys.surprise_sets(train, test)
        for name, algorithm in (("Surprise SVD", SVD(random_state=0)), ("Surprise SVD++", SVDpp(random_state=0))):
            t0 = time.perf_counter()
            scores[name].append(accuracy.rmse(algorithm.fit(trainset).test(testset), verbose=False))
            seconds[name] += time.perf_counter() - t0
        print(f"[11장 5겹] 조각 {f + 1}: 고른 값 {chosen[-1]}, RMSE "
              + ", ".join(f"{name} {values[-1]:.4f}" for name, values in scores.items()), flush=True)
    out = {"folds": "recsys.kfold_ratings(ratings, 5, seed=0)", "chosen": chosen}
    for name, values in scores.items():
        values = np.array(values)
        out[name] = {"rmse_per_fold": [round(v, 4) for v in values], "mean": round(float(values.mean()), 4),
                     "std": round(float(values.std()), 4), "seconds": round(seconds[name], 1)}
        print(f"[11장 5겹] RMSE {name}: {values.mean():.4f} ± {values.std():.4f} "
              f"(조각 {values.min():.4f}–{values.max():.4f}, {seconds[name]:.0f} s)")
    return out


if __name__ == "__main__":
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    run()
