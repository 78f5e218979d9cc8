"""추천 시스템(11장)의 배관: 평점 표를 행렬로, 고정된 훈련/시험 분할, 5겹 조각, 장르 행렬, Surprise 데이터,
추천 목록의 순위 지표(precision@k, recall@k, NDCG@k).

노트북 셀은 추천의 아이디어(유사도, 이웃, 잠재 요인)에 집중하고, 데이터를 모양 맞추는 일은 여기서 한다.
연습문제의 답(코사인 유사도, 아이템 기반 예측, RMSE, 행렬 분해의 SGD 한 걸음)은 여기에 두지 않는다.

id 약속: MovieLens의 ``user_id``, ``item_id``는 1부터 시작하고, 행렬의 행·열 번호는 ``id - 1``이다.
"""
from __future__ import annotations

import numpy as np

__all__ = ["genre_matrix", "kfold_ratings", "ndcg_at_k", "precision_at_k", "rating_matrix", "recall_at_k",
           "split_ratings", "surprise_sets", "top_n_unseen"]


def rating_matrix(ratings, n_users: int | None = None, n_items: int | None = None,
                  dtype: str = "float32") -> np.ndarray:
    """평점 표(``user_id``, ``item_id``, ``rating`` 열)를 사용자×아이템 행렬로. 11-3절에서 소개.

    평점이 없는 칸은 0이다 (MovieLens의 평점은 1~5이므로 0과 겹치지 않는다). ``n_users``, ``n_items``를
    주지 않으면 가장 큰 id를 쓴다. 같은 (사용자, 아이템) 쌍이 두 번 나오면 오류를 낸다.
    """
    users = np.asarray(ratings["user_id"], dtype=np.int64) - 1
    items = np.asarray(ratings["item_id"], dtype=np.int64) - 1
    values = np.asarray(ratings["rating"], dtype=np.float64)
    if len(users) and (users.min() < 0 or items.min() < 0):
        raise ValueError("id는 1부터 시작해야 한다 (ids must start at 1)")
    n_users = int(users.max()) + 1 if n_users is None else int(n_users)
    n_items = int(items.max()) + 1 if n_items is None else int(n_items)
    flat = users * n_items + items
    if len(np.unique(flat)) != len(flat):
        raise ValueError("같은 (사용자, 아이템) 평점이 두 번 있다 (duplicate user-item pair)")
    matrix = np.zeros((n_users, n_items), dtype=dtype)
    matrix[users, items] = values
    return matrix


def split_ratings(ratings, test_size: float = 0.2, seed: int = 0):
    """평점을 무작위로 섞어 ``(train, test)`` 두 ``DataFrame``으로 나눈다. 11-5절에서 소개.

    ``test_size``=0.2이면 MovieLens 100k는 80,000/20,000개로 나뉜다. 같은 ``seed``는 언제나 같은 나누기를
    주므로, 11장의 모든 방법(평균, 이웃, 행렬 분해, Keras, Surprise)을 같은 시험 세트로 비교할 수 있다.
    시험 세트의 사용자나 영화가 훈련 세트에 한 번도 없을 수도 있다 (각 방법이 그때 무엇을 하는지가 다르다).
    """
    if not 0.0 < test_size < 1.0:
        raise ValueError(f"test_size는 0과 1 사이여야 한다 (got {test_size})")
    order = np.random.default_rng(seed).permutation(len(ratings))
    n_test = int(round(len(ratings) * test_size))
    test = ratings.iloc[np.sort(order[:n_test])].reset_index(drop=True)
    train = ratings.iloc[np.sort(order[n_test:])].reset_index(drop=True)
    return train, test


def genre_matrix(movies):
    """영화×장르의 0/1 ``DataFrame`` (장르 이름은 알파벳 순, 색인은 ``movies``와 같다). 11-2절에서 소개."""
    import pandas as pd

    names = sorted({genre for genres in movies["genres"] for genre in genres})
    column = {name: j for j, name in enumerate(names)}
    values = np.zeros((len(movies), len(names)), dtype=np.float32)
    for row, genres in enumerate(movies["genres"]):
        for genre in genres:
            values[row, column[genre]] = 1.0
    return pd.DataFrame(values, index=movies.index, columns=names)


def surprise_sets(train, test, rating_scale: tuple[float, float] = (1, 5)):
    """:func:`split_ratings`의 나누기를 Surprise의 ``(trainset, testset)``으로 바꾼다. 11-11절에서 소개.

    Surprise가 스스로 나누면 다른 시험 세트가 되므로, 이 장은 같은 나누기를 여기서 넘겨준다.
    ``testset``은 ``(user_id, item_id, rating)`` 튜플의 list다 (Surprise의 raw id는 원래 id 그대로다).
    """
    from surprise import Dataset, Reader

    columns = ["user_id", "item_id", "rating"]
    data = Dataset.load_from_df(train[columns], Reader(rating_scale=rating_scale))
    trainset = data.build_full_trainset()
    testset = [(int(u), int(i), float(r)) for u, i, r in test[columns].itertuples(index=False)]
    return trainset, testset


def top_n_unseen(scores: np.ndarray, seen: np.ndarray, n: int = 10) -> np.ndarray:
    """점수가 큰 순서로 ``seen``이 아닌 아이템 번호(0부터) ``n``개. 11-6절에서 소개.

    ``scores``와 ``seen``은 길이가 아이템 수인 1차원 배열이다. 점수가 같으면 번호가 작은 아이템이 먼저다.
    이미 본(평점을 매긴) 아이템을 다시 추천하지 않는 것이 추천 목록의 기본 규칙이다.
    """
    scores = np.asarray(scores, dtype=np.float64)
    seen = np.asarray(seen, dtype=bool)
    if scores.shape != seen.shape or scores.ndim != 1:
        raise ValueError(f"scores와 seen은 같은 길이의 1차원 배열이어야 한다 ({scores.shape} vs {seen.shape})")
    candidates = np.flatnonzero(~seen)
    order = np.lexsort((candidates, -scores[candidates]))
    return candidates[order[:n]]


def kfold_ratings(ratings, n_splits: int = 5, seed: int = 0):
    """평점을 무작위로 ``n_splits`` 조각으로 나누어 ``(train, test)`` 쌍의 list를 돌려준다. 11-11절에서 소개.

    조각 ``f``의 ``test``가 f번째 조각, ``train``이 나머지 전부다. 모든 평점은 정확히 한 번 시험에 쓰인다.
    같은 ``seed``는 같은 조각을 주므로, 모든 방법(우리 구현과 Surprise)을 같은 다섯 조각에서 잴 수 있다.
    """
    if not 2 <= n_splits <= len(ratings):
        raise ValueError(f"n_splits는 2 이상, 평점 수 이하여야 한다 (got {n_splits})")
    order = np.random.default_rng(seed).permutation(len(ratings))
    folds = np.array_split(order, n_splits)
    out = []
    for f in range(n_splits):
        test_rows = np.sort(folds[f])
        train_rows = np.sort(np.concatenate([folds[g] for g in range(n_splits) if g != f]))
        out.append((ratings.iloc[train_rows].reset_index(drop=True),
                    ratings.iloc[test_rows].reset_index(drop=True)))
    return out


def _check_k(k: int) -> int:
    if int(k) < 1:
        raise ValueError(f"k는 1 이상이어야 한다 (got {k})")
    return int(k)


def precision_at_k(ranked, relevant, k: int = 10) -> float:
    """추천 목록 ``ranked``의 앞 ``k``개 가운데 ``relevant``에 든 아이템의 비율. 11-10절에서 소개.

    분모는 언제나 ``k``다 (목록이 ``k``개보다 짧아도). ``relevant``는 아이템 번호의 모음(set, list, 배열)이다.
    """
    k = _check_k(k)
    relevant = set(np.asarray(list(relevant)).tolist())
    hits = sum(item in relevant for item in np.asarray(ranked)[:k].tolist())
    return hits / k


def recall_at_k(ranked, relevant, k: int = 10) -> float:
    """``relevant`` 가운데 추천 목록의 앞 ``k``개에 든 비율. ``relevant``가 비면 오류. 11-10절에서 소개."""
    k = _check_k(k)
    relevant = set(np.asarray(list(relevant)).tolist())
    if not relevant:
        raise ValueError("relevant가 비어 있으면 recall을 정의할 수 없다 (empty relevant set)")
    hits = sum(item in relevant for item in np.asarray(ranked)[:k].tolist())
    return hits / len(relevant)


def ndcg_at_k(ranked, relevant, k: int = 10) -> float:
    """이진 관련도의 NDCG@k. 11-10절에서 소개.

    DCG = Σ_{r=1..k} rel_r / log2(r + 1) (r은 1부터 센 순위, rel_r은 r번째 아이템이 ``relevant``에 들면 1)이고,
    이상적인 목록(관련 아이템 min(k, |relevant|)개를 맨 앞에 둔 목록)의 DCG로 나눈다. 값은 0과 1 사이다.
    """
    k = _check_k(k)
    relevant = set(np.asarray(list(relevant)).tolist())
    if not relevant:
        raise ValueError("relevant가 비어 있으면 NDCG를 정의할 수 없다 (empty relevant set)")
    discounts = 1.0 / np.log2(np.arange(2, k + 2))
    gains = np.array([item in relevant for item in np.asarray(ranked)[:k].tolist()], dtype=np.float64)
    dcg = float(gains @ discounts[:len(gains)])
    ideal = float(discounts[:min(k, len(relevant))].sum())
    return dcg / ideal
