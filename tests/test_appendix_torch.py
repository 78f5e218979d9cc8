"""부록(book/keras_pytorch.ipynb)의 PyTorch 셀을 실제로 실행한다: `make appendix-torch`에서만 돈다.

책을 빌드하는 환경(.venv)에는 PyTorch가 없으므로 부록의 PyTorch 셀에는 `skip-execution` 태그를 달아 책에서는 실행하지
않는다. 그 코드가 실제로 돌고 본문이 말한 대로인지는 여기서 검사한다. `make appendix-torch`가 따로 만든 가상환경
(.venv-torch)에 PyPI의 torch를 설치하고 이 파일을 실행한다. torch가 없으면(`make test`) 모두 건너뛴다.
DLBOOK_REQUIRE_TORCH=1이면 torch가 없을 때 건너뛰지 않고 실패한다 (make appendix-torch가 그렇게 부른다).
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

if os.environ.get("DLBOOK_REQUIRE_TORCH") == "1":
    import torch  # noqa: F401  (없으면 여기서 실패한다)
else:
    pytest.importorskip("torch", reason="PyTorch 없음: `make appendix-torch`로 실행한다")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "book" / "keras_pytorch.ipynb"


def code_cells() -> list[dict]:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


@pytest.fixture(scope="module")
def run() -> tuple[dict, dict[int, str]]:
    """부록의 코드 셀을 (skip-execution 셀까지) 차례로 실행하고 (이름공간, 셀별 출력)을 돌려준다."""
    # torch(와 torch._dynamo가 부르는 triton)를 TensorFlow보다 먼저 불러 둔다: 한 프로세스에 둘을 함께 올리면 TF 다음에
    # triton을 불러올 때 세그폴트가 난다 (torch 2.14.1, TF 2.21). 부록의 셀 자체는 바꾸지 않는다.
    import torch  # noqa: F401
    import torch._dynamo  # noqa: F401

    namespace: dict = {"__name__": "__appendix__"}
    outputs: dict[int, str] = {}
    cwd = os.getcwd()
    os.chdir(NOTEBOOK.parent)
    try:
        for i, cell in enumerate(code_cells()):
            buffer = io.StringIO()
            with contextlib.redirect_stdout(buffer):
                exec(compile(source(cell), f"<부록 코드 셀 {i}>", "exec"), namespace)
            outputs[i] = buffer.getvalue()
            sys.stdout.write(buffer.getvalue())
    finally:
        os.chdir(cwd)
    return namespace, outputs


def test_torch_cells_are_not_executed_by_the_book():
    """PyTorch를 부르는 셀은 모두 skip-execution: 책의 환경에는 torch가 없다."""
    for cell in code_cells():
        if "torch" in source(cell) and ("import torch" in source(cell) or "torch." in source(cell)):
            assert "skip-execution" in cell["metadata"].get("tags", []), source(cell)[:200]


def test_torch_model_matches_keras(run):
    """본문의 말: 매개변수 수가 같고, 시험 정확도가 Keras 쪽과 비슷한 곳에 도착한다."""
    ns, _ = run
    assert ns["n_params"] == ns["model"].count_params() == 6090
    assert ns["torch_acc"] >= 0.9, ns["torch_acc"]
    assert abs(ns["torch_acc"] - ns["keras_acc"]) < 0.05


def test_weight_transfer_gives_the_same_logits(run):
    """Keras 가중치를 state_dict로 옮긴 PyTorch 모델의 로짓이 Keras와 같다 (본문: 10^-4보다 작은 차이)."""
    import numpy as np

    ns, _ = run
    assert np.abs(ns["torch_logits"] - ns["keras_logits"]).max() < 1e-4
    # NumPy로 흉내 낸 NCHW 순전파(책에서 실행하는 셀)가 실제 PyTorch와 같은 계산이다
    numpy_logits = ns["forward_nchw"](ns["x_test_nchw"], ns["state"], ns["state"]["7.weight"])
    assert np.abs(numpy_logits - ns["torch_logits"]).max() < 1e-4


def test_pytorch_defaults_quoted_in_the_appendix():
    """본문이 PyTorch 공식 문서에서 옮긴 기본값: BatchNorm momentum 0.1·eps 1e-5, Adam eps 1e-8."""
    import torch
    from torch import nn

    bn = nn.BatchNorm2d(4)
    assert (bn.momentum, bn.eps) == (0.1, 1e-5)
    assert torch.optim.Adam([nn.Parameter(torch.zeros(1))]).defaults["eps"] == 1e-8
    assert torch.optim.Adam([nn.Parameter(torch.zeros(1))]).defaults["lr"] == 1e-3


def test_pytorch_same_padding_and_stride_2():
    """본문의 말: PyTorch는 보폭 2에 padding="same"을 받지 않고, padding=1은 Keras same과 다른 화소(0, 2, 4, 6)를 읽는다."""
    import torch
    from torch import nn
    import torch.nn.functional as F

    with pytest.raises((ValueError, RuntimeError)):
        nn.Conv2d(1, 1, 3, stride=2, padding="same")
    conv = nn.Conv2d(1, 1, 3, stride=2, padding=1, bias=False)
    with torch.no_grad():
        conv.weight.zero_()
        conv.weight[0, 0, 1, 1] = 1.0
        image = torch.arange(64, dtype=torch.float32).reshape(1, 1, 8, 8)
        assert conv(image)[0, 0, 0].tolist() == [0.0, 2.0, 4.0, 6.0]
        # 본문의 처방: 아래·오른쪽에만 덧대고 padding=0이면 Keras same과 같다 (9, 11, 13, 15)
        conv.padding = (0, 0)
        assert conv(F.pad(image, (0, 1, 0, 1)))[0, 0, 0].tolist() == [9.0, 11.0, 13.0, 15.0]


def test_keras_torch_backend_runs_fit_but_not_the_gradienttape_loop(tmp_path):
    """본문의 말: KERAS_BACKEND=torch에서 keras.ops와 변수는 torch의 것이고, fit은 돌지만 GradientTape 루프는 돌지 않는다.

    백엔드는 keras를 불러오기 전에 정해야 하므로 새 프로세스에서 부록의 셀을 차례로 실행한다.
    """
    cells = [source(c) for c in code_cells() if "skip-execution" not in c["metadata"].get("tags", [])]
    tape_at = next(i for i, s in enumerate(cells) if "tf.GradientTape" in s)
    script = tmp_path / "torch_backend.py"
    script.write_text(textwrap.dedent(f"""
        import json, os, sys
        import torch, torch._dynamo  # TensorFlow보다 먼저 (위 fixture의 주석)
        os.chdir({str(NOTEBOOK.parent)!r})
        cells = json.loads({json.dumps(json.dumps(cells))})
        ns = {{"__name__": "__appendix__"}}
        for s in cells[:{tape_at}]:
            exec(s, ns)
        try:
            exec(cells[{tape_at}], ns)
        except Exception as exc:
            print("GRADIENTTAPE_FAILED", type(exc).__name__, str(exc)[:300])
        else:
            print("GRADIENTTAPE_RAN")
    """), encoding="utf-8")
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=900)
    print(result.stdout[-3000:])
    assert result.returncode == 0, result.stderr[-3000:]
    assert "백엔드: torch" in result.stdout
    assert "keras.ops의 결과  : torch Tensor" in result.stdout
    assert "Keras 변수의 속값 : torch" in result.stdout
    assert "Keras fit: 매개변수 6,090개" in result.stdout        # fit은 그대로 돈다
    assert "GRADIENTTAPE_FAILED" in result.stdout             # 이 책의 GradientTape 루프는 돌지 않는다
    assert "NotImplementedError" in result.stdout             # 본문: tf.function이 넘긴 기호 텐서를 받지 못한다


def test_keras_torch_backend_eager_gradienttape_fails_too(tmp_path):
    """본문의 말: tf.function을 떼어도 손실이 PyTorch 텐서라 tape.gradient가 받지 못한다(TypeError)."""
    script = tmp_path / "eager_tape.py"
    script.write_text(textwrap.dedent("""
        import torch, torch._dynamo  # TensorFlow보다 먼저 (위 fixture의 주석)
        import numpy as np, keras, tensorflow as tf
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
        loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
        with tf.GradientTape() as tape:
            loss = loss_fn(np.zeros(4, "int64"), model(np.ones((4, 3), "float32"), training=True))
        print("LOSS_TYPE", type(loss).__module__)
        try:
            tape.gradient(loss, model.trainable_variables)
        except TypeError as exc:
            print("TAPE_TYPEERROR", str(exc)[:200])
    """), encoding="utf-8")
    env = {**os.environ, "KERAS_BACKEND": "torch"}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "LOSS_TYPE torch" in result.stdout
    assert "TAPE_TYPEERROR" in result.stdout
