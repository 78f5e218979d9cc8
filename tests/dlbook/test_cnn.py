"""dlbook.cnn: 6장 MNIST CNN의 모양, 매개변수 수, 짧은 학습 (빠른 검사만)."""
import numpy as np
import pytest

from dlbook import setup


@pytest.fixture(scope="module", autouse=True)
def _quiet_tf():
    setup(seed=0, fonts=False)


def test_model_shape_and_parameter_count():
    from dlbook.cnn import build_mnist_cnn

    model = build_mnist_cnn()
    assert model.output_shape == (None, 10)
    # conv1 (3·3·1+1)·16 + conv2 (3·3·16+1)·32 + dense (5·5·32+1)·64 + output (64+1)·10
    assert model.count_params() == 160 + 4640 + 51264 + 650 == 56714
    assert [layer.output.shape[1:] for layer in model.layers[:4]] == [(26, 26, 16), (13, 13, 16), (11, 11, 32),
                                                                      (5, 5, 32)]


def test_same_padding_and_dropout_options():
    from dlbook.cnn import build_mnist_cnn

    model = build_mnist_cnn(filters=(4, 8), dense_units=8, padding="same", dropout=0.5)
    assert model.layers[3].output.shape[1:] == (7, 7, 8)
    assert any(layer.name == "dropout" for layer in model.layers)


def test_datasets_scale_and_shape():
    from dlbook.cnn import mnist_datasets

    x = np.full((10, 28, 28), 255, np.uint8)
    y = np.arange(10, dtype=np.uint8)
    train, test = mnist_datasets(x, y, x[:4], y[:4], batch_size=5)
    xb, yb = next(iter(train))
    assert xb.shape == (5, 28, 28, 1) and float(xb.numpy().max()) == 1.0
    assert yb.dtype.name == "int32"
    assert sum(int(b[0].shape[0]) for b in test) == 4


def test_one_step_fit_on_64_images():
    from dlbook.cnn import train_mnist_cnn

    rng = np.random.default_rng(0)
    x = rng.integers(0, 256, size=(64, 28, 28), dtype=np.uint8)
    y = rng.integers(0, 10, size=64).astype(np.uint8)
    result = train_mnist_cnn(epochs=1, seed=1, batch_size=64, data=((x, y), (x[:16], y[:16])),
                             filters=(4, 8), dense_units=8, steps_per_execution=1)
    assert set(result) >= {"model", "history", "test_loss", "test_accuracy", "seconds", "epochs"}
    assert len(result["history"]["loss"]) == 1 and np.isfinite(result["history"]["loss"][0])
    assert 0.0 <= result["test_accuracy"] <= 1.0
    assert result["model"].optimizer.iterations.numpy() == 1


def test_bench_copy_matches_the_chapter_model():
    """make bench가 재는 모델(dlbook.cnn)은 6-7절 노트북의 make_mnist_cnn과 층 설정이 같아야 한다."""
    import json
    from pathlib import Path

    import keras

    from dlbook.cnn import build_mnist_cnn

    notebook = Path(__file__).resolve().parents[2] / "solutions" / "ch06" / "ch06_cnn.ipynb"
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    source = next("".join(c["source"]) for c in cells
                  if c["cell_type"] == "code" and "def make_mnist_cnn" in "".join(c["source"]))
    namespace = {"keras": keras}
    exec(source.split("\nmodel = ")[0], namespace)   # 함수 정의만 실행한다
    chapter, bench = namespace["make_mnist_cnn"](), build_mnist_cnn()
    assert [(type(layer).__name__, layer.get_config()) for layer in chapter.layers] == \
        [(type(layer).__name__, layer.get_config()) for layer in bench.layers]
