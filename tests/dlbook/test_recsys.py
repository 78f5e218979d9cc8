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
