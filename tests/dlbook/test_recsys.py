"""dlbook.recsys: 평점 행렬, 나누기, 장르 행렬, Surprise 변환, 추천 목록."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from dlbook import recsys


@pytest.fixture
def small():
    return pd.DataFrame({"user_id": [1, 1, 2, 3, 3, 3], "item_id": [1, 3, 2, 1, 2, 4],
                         "rating": [5, 3, 4, 1, 2, 5]})


def test_rating_matrix_places_ratings_and_zeros(small):
    matrix = recsys.rating_matrix(small)
    assert matrix.shape == (3, 4) and matrix.dtype == np.float32
    expected = np.array([[5, 0, 3, 0], [0, 4, 0, 0], [1, 2, 0, 5]], dtype=np.float32)
    np.testing.assert_array_equal(matrix, expected)


def test_rating_matrix_explicit_shape_and_errors(small):
    assert recsys.rating_matrix(small, n_users=5, n_items=7).shape == (5, 7)
    with pytest.raises(ValueError, match="두 번"):
        recsys.rating_matrix(pd.concat([small, small.iloc[:1]]))
    with pytest.raises(ValueError, match="1부터"):
        recsys.rating_matrix(small.assign(user_id=small["user_id"] - 1))


def test_split_ratings_is_a_seeded_partition():
    ratings = pd.DataFrame({"user_id": np.arange(1, 101), "item_id": np.ones(100, dtype=int),
                            "rating": np.arange(100) % 5 + 1})
    train, test = recsys.split_ratings(ratings, test_size=0.2, seed=3)
    assert len(train) == 80 and len(test) == 20
    assert sorted(np.concatenate([train["user_id"], test["user_id"]])) == list(range(1, 101))
    again_train, again_test = recsys.split_ratings(ratings, test_size=0.2, seed=3)
    pd.testing.assert_frame_equal(test, again_test)
    _, other = recsys.split_ratings(ratings, test_size=0.2, seed=4)
    assert set(other["user_id"]) != set(test["user_id"])
    with pytest.raises(ValueError):
        recsys.split_ratings(ratings, test_size=1.5)


def test_genre_matrix_one_hot():
    movies = pd.DataFrame({"title": ["a", "b", "c"], "genres": [["Drama"], ["Comedy", "Drama"], []]},
                          index=pd.Index([1, 2, 3], name="item_id"))
    genres = recsys.genre_matrix(movies)
    assert list(genres.columns) == ["Comedy", "Drama"]
    assert list(genres.index) == [1, 2, 3]
    np.testing.assert_array_equal(genres.to_numpy(), [[0, 1], [1, 1], [0, 0]])


def test_surprise_sets_keep_the_split(small):
    pytest.importorskip("surprise")
    train, test = small.iloc[:4], small.iloc[4:]
    trainset, testset = recsys.surprise_sets(train, test)
    assert trainset.n_ratings == 4
    assert testset == [(3, 2, 2.0), (3, 4, 5.0)]


def test_top_n_unseen_skips_seen_and_breaks_ties_by_index():
    scores = np.array([0.5, 0.9, 0.9, 0.1, 0.7])
    seen = np.array([False, True, False, False, False])
    np.testing.assert_array_equal(recsys.top_n_unseen(scores, seen, n=3), [2, 4, 0])
    assert len(recsys.top_n_unseen(scores, seen, n=10)) == 4
    with pytest.raises(ValueError):
        recsys.top_n_unseen(scores, seen[:3])


def test_kfold_ratings_tests_every_rating_once():
    ratings = pd.DataFrame({"user_id": np.arange(1, 103), "item_id": np.ones(102, dtype=int),
                            "rating": np.arange(102) % 5 + 1})
    folds = recsys.kfold_ratings(ratings, n_splits=5, seed=0)
    assert len(folds) == 5
    tested = np.concatenate([test["user_id"].to_numpy() for _, test in folds])
    assert sorted(tested) == list(range(1, 103))                       # 모든 평점이 한 번씩 시험에
    for train, test in folds:
        assert len(train) + len(test) == 102 and len(test) in (20, 21)
        assert not set(train["user_id"]) & set(test["user_id"])       # 조각 안에서 겹치지 않는다
    again = recsys.kfold_ratings(ratings, n_splits=5, seed=0)
    for (_, a), (_, b) in zip(folds, again):
        pd.testing.assert_frame_equal(a, b)
    with pytest.raises(ValueError, match="n_splits"):
        recsys.kfold_ratings(ratings, n_splits=1)


# 손으로 계산한 순위 지표: 목록 [7, 3, 9, 1, 4], 관련 아이템 {3, 4, 8}
#   k=5: 적중 3(2위), 4(5위) → precision 2/5, recall 2/3
#   DCG = 1/log2(3) + 1/log2(6) = 0.63093 + 0.38685 = 1.01778, 이상적 DCG(관련 3개가 1~3위) = 1 + 0.63093 + 0.5
#   → NDCG@5 = 1.01778 / 2.13093 = 0.477624
#   k=2: 적중 3(2위)만 → precision 1/2, recall 1/3, NDCG = 0.63093 / (1 + 0.63093) = 0.38685
@pytest.mark.parametrize("k, precision, recall, ndcg", [
    pytest.param(5, 0.4, 2 / 3, 0.477624, id="k5"),
    pytest.param(2, 0.5, 1 / 3, 0.386853, id="k2"),
    pytest.param(1, 0.0, 0.0, 0.0, id="k1-miss"),
])
def test_ranking_metrics_match_hand_computation(k, precision, recall, ndcg):
    ranked, relevant = [7, 3, 9, 1, 4], {3, 4, 8}
    assert recsys.precision_at_k(ranked, relevant, k) == pytest.approx(precision)
    assert recsys.recall_at_k(ranked, relevant, k) == pytest.approx(recall)
    assert recsys.ndcg_at_k(ranked, relevant, k) == pytest.approx(ndcg, abs=1e-6)


def test_ranking_metrics_edge_cases():
    # 관련 아이템 하나가 1위: 모든 지표가 최대, precision은 1/k
    assert recsys.ndcg_at_k(np.array([5, 1, 2]), [5], k=3) == pytest.approx(1.0)
    assert recsys.recall_at_k([5, 1, 2], [5], k=3) == pytest.approx(1.0)
    assert recsys.precision_at_k([5, 1, 2], [5], k=3) == pytest.approx(1 / 3)
    # 목록이 k보다 짧아도 precision의 분모는 k
    assert recsys.precision_at_k([5], [5], k=10) == pytest.approx(0.1)
    # 관련 아이템이 k개보다 많으면 이상적 DCG는 k개까지만: 앞 두 칸 모두 적중이면 NDCG@2 = 1
    assert recsys.ndcg_at_k([1, 2, 3], {1, 2, 3, 4}, k=2) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="empty"):
        recsys.recall_at_k([1, 2], set(), k=2)
    with pytest.raises(ValueError, match="empty"):
        recsys.ndcg_at_k([1, 2], [], k=2)
    with pytest.raises(ValueError, match="k"):
        recsys.precision_at_k([1, 2], [1], k=0)
