"""dlbook.optim의 NumPy 갱신 규칙이 keras.optimizers와 같은지 한 걸음씩 비교한다."""
from __future__ import annotations

import numpy as np
import pytest

from dlbook import optim
from dlbook.surfaces import SURFACES

keras = pytest.importorskip("keras")

# Keras는 학습률을 float32 변수로 보관하므로 float32로 정확히 표현되는 학습률(2의 거듭제곱 조합)을 쓴다.
KERAS_CASES = [
    pytest.param("sgd", lambda: keras.optimizers.SGD(learning_rate=0.0625), 0.0625, None, id="sgd"),
    pytest.param("momentum", lambda: keras.optimizers.SGD(learning_rate=0.03125, momentum=0.7),
                 0.03125, 0.7, id="momentum"),
    pytest.param("nag", lambda: keras.optimizers.SGD(learning_rate=0.03125, momentum=0.85, nesterov=True),
                 0.03125, 0.85, id="nag"),
    pytest.param("adagrad", lambda: keras.optimizers.Adagrad(learning_rate=0.25), 0.25, None, id="adagrad"),
    pytest.param("rmsprop", lambda: keras.optimizers.RMSprop(learning_rate=0.015625), 0.015625, None,
                 id="rmsprop"),
    pytest.param("adadelta", lambda: keras.optimizers.Adadelta(learning_rate=0.5), 0.5, None, id="adadelta"),
    pytest.param("adam", lambda: keras.optimizers.Adam(learning_rate=0.0625, beta_1=0.8), 0.0625, 0.8,
                 id="adam"),
    pytest.param("adam", lambda: keras.optimizers.Adam(learning_rate=0.125), 0.125, None, id="adam-default-beta"),
]


def _random_quadratic(seed: int, dim: int = 5):
    """f(θ) = ½ θᵀAθ − bᵀθ 의 기울기 (A는 조건수가 큰 양의 정부호 행렬)."""
    rng = np.random.default_rng(seed)
    q, _ = np.linalg.qr(rng.normal(size=(dim, dim)))
    a = q @ np.diag(np.geomspace(0.1, 10.0, dim)) @ q.T
    b = rng.normal(size=dim)
    return (lambda theta: a @ theta - b), rng.normal(size=dim) * 3


@pytest.mark.parametrize("seed", [0, 1])
@pytest.mark.parametrize(("name", "make_keras", "learning_rate", "beta"), KERAS_CASES)
def test_matches_keras_step_by_step(name, make_keras, learning_rate, beta, seed):
    steps = 25
    gradient, theta0 = _random_quadratic(seed)
    ours = optim.optimize(name, gradient, theta0, steps, learning_rate, beta)

    variable = keras.Variable(theta0.copy(), dtype="float64")
    opt = make_keras()
    theirs = [theta0.copy()]
    for _ in range(steps):
        g = gradient(np.asarray(variable.numpy()))
        opt.apply_gradients([(keras.ops.convert_to_tensor(g, dtype="float64"), variable)])
        theirs.append(np.asarray(variable.numpy()).copy())
    theirs = np.array(theirs)
    assert not np.allclose(theirs[-1], theirs[0]), "비교가 의미 있으려면 매개변수가 움직여야 한다"
    np.testing.assert_allclose(ours, theirs, rtol=1e-10, atol=1e-12)


def test_adagrad_accumulator_starts_at_point_one():
    # 누적값이 0에서 시작한다면 첫 걸음은 α·sign(g)(크기 α)다; Keras 식이면 α·g/√(g²+0.1)로 더 작다.
    points = optim.optimize("adagrad", lambda t: t, np.array([0.3]), 1, 1.0)
    np.testing.assert_allclose(points[1], 0.3 - 0.3 / np.sqrt(0.09 + 0.1 + 1e-7))


@pytest.mark.parametrize("name", optim.OPTIMIZERS)
def test_trajectory_shapes_and_many_starts(name):
    points, losses = optim.trajectory("bowl", name, (-4.0, 3.0), steps=50, learning_rate=0.1)
    assert points.shape == (51, 2) and losses.shape == (51,)
    np.testing.assert_array_equal(points[0], [-4.0, 3.0])
    starts = np.array([[-4.0, 3.0], [1.0, -2.0], [0.5, 0.5]])
    many, many_losses = optim.trajectory("bowl", name, starts, steps=50, learning_rate=0.1)
    assert many.shape == (51, 3, 2) and many_losses.shape == (51, 3)
    np.testing.assert_allclose(many[:, 0], points)
    np.testing.assert_allclose(many_losses[:, 0], losses)


@pytest.mark.parametrize("name", ["sgd", "momentum", "nag", "adam"])
def test_converges_on_bowl(name):
    _, losses = optim.trajectory("bowl", name, steps=300, learning_rate=0.1)
    assert losses[-1] < 1e-3 * losses[0]


def test_divergence_becomes_nan_without_warnings():
    points, losses = optim.trajectory("rosenbrock", "sgd", steps=100, learning_rate=0.1)
    assert np.isnan(points[-1]).all() and np.isnan(losses[-1])
    first_bad = int(np.argmax(np.isnan(losses)))
    assert first_bad > 0 and np.isnan(losses[first_bad:]).all()


def test_saddle_surface_traps_sgd_but_not_momentum():
    surf = SURFACES["saddle"]
    sgd, _ = optim.trajectory(surf, "sgd", steps=300)
    mom, _ = optim.trajectory(surf, "momentum", steps=300, beta=0.9)
    assert sgd[-1, 0] > 0.5          # 오른쪽 지역 최솟값에 갇힌다
    assert mom[-1, 0] < -0.5         # 관성으로 안장점을 넘는다


def test_unknown_optimizer_message():
    with pytest.raises(ValueError, match="알 수 없는 옵티마이저"):
        optim.trajectory("bowl", "lbfgs")
