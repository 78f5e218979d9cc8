"""6장의 MNIST 합성곱 신경망의 사본: ``make bench``가 더 오래 학습시킬 때 쓴다.

학생이 읽는 모델과 학습 코드는 노트북에 있다(6-7절 ``make_mnist_cnn``, 6-10절 ``fit_mnist``). 이 모듈은 같은 층,
같은 데이터 처리, 같은 시드를 그대로 옮겨 둔 것이라 1 에포크의 시험 정확도가 노트북과 같다(98.64%).
노트북은 90초 예산 때문에 에포크 1번만 돌고, 벤치마크는 ``train_mnist_cnn(epochs=…)``로 더 오래 학습시킨다.
``tests/dlbook/test_cnn.py``가 두 모델의 층 설정이 같은지 확인한다.

구성: [Conv(3×3) + ReLU → MaxPool(2)] 블록 두 개와 Flatten + Dense 머리. 입력은 0~1로 나눈
(28, 28, 1) 흑백 이미지이고, Adam의 학습률은 0.005에서 코사인 모양으로 0까지 줄인다.
"""
from __future__ import annotations

import time
from typing import Any

import numpy as np

__all__ = ["build_mnist_cnn", "mnist_datasets", "train_mnist_cnn"]


def build_mnist_cnn(filters: tuple[int, int] = (16, 32), dense_units: int = 64, padding: str = "valid",
                    learning_rate: float = 5e-3, decay_steps: int | None = None, dropout: float = 0.0,
                    steps_per_execution: int = 32):
    """MNIST용 작은 CNN을 만들어 컴파일한다 (출력은 10개 클래스의 소프트맥스 확률).

    Conv(f1, 3×3) → MaxPool(2) → Conv(f2, 3×3) → MaxPool(2) → Flatten → Dense → Dense(10).
    ``filters=(16, 32), dense_units=64``, ``padding="valid"``이면 매개변수는 56,714개다.
    """
    import keras

    f1, f2 = filters
    layers = [
        keras.Input(shape=(28, 28, 1)),
        keras.layers.Conv2D(f1, 3, padding=padding, activation="relu", name="conv1"),
        keras.layers.MaxPooling2D(2, name="pool1"),
        keras.layers.Conv2D(f2, 3, padding=padding, activation="relu", name="conv2"),
        keras.layers.MaxPooling2D(2, name="pool2"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(dense_units, activation="relu", name="dense"),
    ]
    if dropout > 0:
        layers.append(keras.layers.Dropout(dropout, name="dropout"))
    layers.append(keras.layers.Dense(10, activation="softmax", name="output"))
    model = keras.Sequential(layers, name="mnist_cnn")
    if decay_steps:   # 학습률을 코사인 모양으로 0까지 줄인다 (짧은 학습의 마지막 정확도가 오른다)
        learning_rate = keras.optimizers.schedules.CosineDecay(learning_rate, decay_steps)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"],
                  steps_per_execution=steps_per_execution)
    return model


def mnist_datasets(x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, y_test: np.ndarray,
                   batch_size: int = 128, seed: int = 0):
    """uint8 이미지를 0~1 float32 (N, 28, 28, 1)로 바꾸어 캐시한 tf.data 훈련·시험 데이터셋을 만든다."""
    import tensorflow as tf

    def prep(x):
        return (np.asarray(x, np.float32) / 255.0)[..., None]

    train = (tf.data.Dataset.from_tensor_slices((prep(x_train), np.asarray(y_train, np.int32)))
             .cache().shuffle(len(x_train), seed=seed, reshuffle_each_iteration=True)
             .batch(batch_size).prefetch(tf.data.AUTOTUNE))
    test = (tf.data.Dataset.from_tensor_slices((prep(x_test), np.asarray(y_test, np.int32)))
            .batch(1000).cache().prefetch(tf.data.AUTOTUNE))
    return train, test


def train_mnist_cnn(epochs: int = 1, seed: int = 42, subset: int | None = None, batch_size: int = 64,
                    data: Any = None, cosine_decay: bool = True, **model_kwargs) -> dict:
    """MNIST 전체(60,000/10,000)로 CNN을 학습하고 평가한다.

    반환값 dict: ``model``, ``history``(에포크별 손실·정확도), ``test_loss``, ``test_accuracy``,
    ``seconds``(학습 시간), ``epochs``. ``data``에 ``load_mnist()``의 결과를 넘기면 다시 읽지 않는다.
    """
    import keras

    from dlbook.data import load_mnist

    (x_train, y_train), (x_test, y_test) = data if data is not None else load_mnist(subset=subset)
    keras.utils.set_random_seed(seed)
    if cosine_decay:
        model_kwargs.setdefault("decay_steps", epochs * -(-len(x_train) // batch_size))
    model = build_mnist_cnn(**model_kwargs)
    train, test = mnist_datasets(x_train, y_train, x_test, y_test, batch_size=batch_size, seed=seed)
    start = time.perf_counter()
    history = model.fit(train, epochs=epochs, shuffle=False, verbose=0)   # 섞기는 tf.data가 한다
    seconds = time.perf_counter() - start
    test_loss, test_accuracy = model.evaluate(test, verbose=0)
    return {"model": model, "history": history.history, "test_loss": float(test_loss),
            "test_accuracy": float(test_accuracy), "seconds": seconds, "epochs": epochs}
