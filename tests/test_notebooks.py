"""solutions/의 모든 노트북을 위에서 아래로 실행한다: 오류가 없고, 라이브러리 잡음(stderr)도 없어야 한다.

nbval의 lax 모드 대신 nbclient로 직접 실행한다. 결과 비교는 nbval lax와 같이 하지 않지만, 대신 모든 셀의
stderr 출력과 TensorFlow 시작 로그를 실패로 잡는다 (nbgrader는 stderr가 찍힌 테스트 셀을 0점 처리하고,
책에는 잡음이 보이면 안 되므로).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from grader import _paths

ROOT = Path(__file__).resolve().parents[1]
NOISE = ("absl::InitializeLog", "oneDNN custom operations", "WARNING:tensorflow", "Traceback (most recent call last)")


@pytest.mark.slow
@pytest.mark.xdist_group("notebooks")
@pytest.mark.parametrize("chapter", _paths.all_chapters(ROOT))
def test_solutions_notebook_runs_clean(chapter, monkeypatch):
    path = _paths.source_notebook(chapter, ROOT)
    nb = nbformat.read(path, as_version=4)
    monkeypatch.setenv("PYTHONHASHSEED", "0")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    start = time.perf_counter()
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    elapsed = time.perf_counter() - start
    problems = []
    for i, cell in enumerate(nb.cells):
        for out in cell.get("outputs", []):
            text = out.get("text", "") if out.get("output_type") == "stream" else ""
            if out.get("output_type") == "stream" and out.get("name") == "stderr":
                problems.append(f"셀 {i}: stderr 출력: {text[:200]!r}")
            elif any(n in text for n in NOISE):
                problems.append(f"셀 {i}: 라이브러리 잡음: {text[:200]!r}")
    assert not problems, "\n".join(problems)
    print(f"{chapter}: {elapsed:.1f}s")
