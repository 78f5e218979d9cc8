"""release와 autograde를 작은 가짜 장으로 끝까지 돌린다 (nbgrader 실제 실행, TensorFlow 없음)."""
from __future__ import annotations

import csv
import hashlib
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from grader import _cells
from grader.__main__ import main
from grader._autograde import Options, autograde
from grader._release import release

pytestmark = pytest.mark.xdist_group("toy")


def _digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_release_is_deterministic_and_hides_solutions(toy_repo):
    changed = release(["ch01"], root=toy_repo)
    out = toy_repo / "chapters" / "ch01" / "ch01_toy.ipynb"
    assert changed == [out]
    text = out.read_text(encoding="utf-8")
    assert "BEGIN SOLUTION" not in text and "tf.sqrt" not in text
    assert "BEGIN HIDDEN TESTS" not in text and "hidden=True" not in text
    nb = nbformat.read(out, as_version=4)
    tests = [c for c in nb.cells if _cells.is_test(c)]
    assert tests and all("raises-exception" in c.metadata.tags for c in tests)
    assert release(["ch01"], root=toy_repo, check=True) == []  # 다시 만들어도 같은 바이트
    out.write_text(text.replace("연습용 장", "손으로 고친 장"), encoding="utf-8")
    assert release(["ch01"], root=toy_repo, check=True) == [out]


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    from helpers import make_repo
    repo = make_repo(tmp_path_factory.mktemp("toy") / "repo")
    release(["ch01"], root=repo)
    solved = (repo / "solutions/ch01/ch01_toy.ipynb").read_text(encoding="utf-8")
    unsolved = (repo / "chapters/ch01/ch01_toy.ipynb").read_text(encoding="utf-8")
    subs = repo.parent / "subs"
    files = {
        "solved/ch01_toy.ipynb": solved,
        "unsolved/ch01_toy.ipynb": unsolved,
        "홍 길동/내 노트북.ipynb": solved,
        "broken/ch01_toy.ipynb": solved[:200],
        "empty/ch01_toy.ipynb": "",
        "weird/ch01_toy.ipynb": json.dumps({"cells": [1, "x", None], "metadata": {}, "nbformat": 4,
                                            "nbformat_minor": 5}),
    }
    nb = json.loads(solved)
    for cell in nb["cells"]:
        gid = cell["metadata"].get("nbgrader", {}).get("grade_id")
        if gid == "ch01-ex1-rmse":
            cell["source"] = "def rmse(y_true, y_pred):\n    return 0.0"
        if gid in ("ch01-ex1-rmse-tests-1", "ch01-ex1-rmse-tests-2"):
            cell["source"] = "pass"
            cell["outputs"] = []
    files["cheater/ch01_toy.ipynb"] = json.dumps(nb)
    nb = json.loads(solved)
    nb["cells"][-2]["source"] = "import os\nos._exit(1)"  # 테스트 셀에서 커널을 죽인다
    files["killer/ch01_toy.ipynb"] = json.dumps(nb)
    nb = json.loads(solved)
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "ch01-ex1-rmse":
            cell["source"] = "def rmse(y_true, y_pred):\n    while True:\n        pass"  # 끝나지 않는 답
    files["looper/ch01_toy.ipynb"] = json.dumps(nb)
    nb = json.loads(solved)
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "ch01-ex4-minibatches":
            cell["source"] = "import os\nos._exit(3)"  # 답안 셀에서 커널을 죽인다
    files["answer-killer/ch01_toy.ipynb"] = json.dumps(nb)
    for name, text in files.items():
        (subs / name).parent.mkdir(parents=True, exist_ok=True)
        (subs / name).write_text(text, encoding="utf-8")
    before = _digest(subs)
    out = repo.parent / "out"
    rows = autograde("ch01", subs, out, Options(workers=2, cell_timeout=15), root=repo, progress=lambda *_: None)
    return {"rows": {r["student_id"]: r for r in rows}, "out": out, "subs": subs, "before": before, "repo": repo,
            "ordered": rows}


def test_scores_and_statuses(graded):
    rows = graded["rows"]
    assert rows["solved"]["total"] == 4 and rows["solved"]["status"] == "ok"
    assert rows["unsolved"]["total"] == 0 and rows["unsolved"]["status"] == "ok"
    assert rows["홍 길동"]["total"] == 4 and rows["홍 길동"]["status"].startswith("ok; renamed")
    assert rows["broken"]["status"].startswith("not-json")
    assert rows["empty"]["status"].startswith("empty")
    assert rows["weird"]["status"].startswith("not-a-notebook") and rows["weird"]["total"] == 0
    # 테스트를 지우고 틀린 답을 낸 학생: 원본 테스트로 채점되어 ex1은 0점
    assert rows["cheater"]["ch01-ex1-rmse"] == 0 and rows["cheater"]["ch01-ex4-minibatches"] == 1
    assert "tests-restored" in rows["cheater"]["status"]


def test_killed_kernel_does_not_stop_the_run(graded):
    row = graded["rows"]["killer"]
    # 원본 테스트로 덮어쓰므로 os._exit는 실행되지 않거나, 실행되더라도 그 학생의 status로만 남는다
    assert row["total"] <= 4 and row["status"]


def test_endless_loop_times_out_and_loses_only_that_exercise(graded):
    row = graded["rows"]["looper"]
    assert row["ch01-ex1-rmse"] == 0 and row["ch01-ex4-minibatches"] == 1, row
    assert "timeout" in row["status"], row["status"]


def test_kernel_killed_by_an_answer_gets_a_status(graded):
    row = graded["rows"]["answer-killer"]
    assert row["total"] < 4
    assert row["status"].startswith("kernel-died"), row["status"]
    assert " / " in row["status"]


def test_outputs_written_and_submissions_untouched(graded):
    out = graded["out"]
    with open(out / "grades.csv", encoding="utf-8-sig") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == ["student_id", "chapter", "ch01-ex1-rmse", "ch01-ex4-minibatches", "total",
                                     "max_total", "status"]
        assert len(list(reader)) == len(graded["rows"])
    html = (out / "feedback" / "홍 길동.html").read_text(encoding="utf-8")
    assert "채점 결과" in html and "4 / 4" in html
    assert "실패" in (out / "feedback" / "cheater.html").read_text(encoding="utf-8")
    assert _digest(graded["subs"]) == graded["before"]


def test_cli_errors_say_what_to_do(toy_repo, capsys):
    args = ["--root", str(toy_repo), "autograde", "ch01", str(toy_repo / "nope")]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "make release" in err  # 학생용 노트북이 아직 없다
    assert main(["--root", str(toy_repo), "release", "ch01"]) == 0
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "제출물 경로가 없습니다" in err and "submissions not found" in err
    assert main(["--root", str(toy_repo), "release", "--check"]) == 0


def test_rerun_reuses_receipts_and_changes_nothing(graded):
    """중단 뒤 다시 실행: 바뀌지 않은 제출물은 다시 채점하지 않고, 표는 그대로다."""
    receipts = graded["out"] / "receipts"
    stamps = {p.name: p.stat().st_mtime_ns for p in receipts.glob("*.json")}
    assert "solved.json" in stamps and "홍 길동.json" in stamps
    receipt = json.loads((receipts / "solved.json").read_text(encoding="utf-8"))
    assert receipt["submission_sha256"] == hashlib.sha256(
        (graded["subs"] / "solved" / "ch01_toy.ipynb").read_bytes()).hexdigest()
    assert receipt["environment"]["sandbox"] and receipt["tests_sha256"] and receipt["row"]["total"] == 4
    lines = []
    rows = autograde("ch01", graded["subs"], graded["out"], Options(workers=2, cell_timeout=15),
                     root=graded["repo"], progress=lines.append)
    assert rows == graded["ordered"]
    assert {p.name: p.stat().st_mtime_ns for p in receipts.glob("*.json")} == stamps
    assert sum("not regraded" in line for line in lines) == len(stamps)


def test_changed_submission_or_force_is_regraded(graded, tmp_path):
    subs = tmp_path / "subs"
    (subs / "a").mkdir(parents=True)
    notebook = subs / "a" / "ch01_toy.ipynb"
    shutil.copy(graded["subs"] / "solved" / "ch01_toy.ipynb", notebook)
    out = tmp_path / "out"

    def grade(**kw):
        lines = []
        rows = autograde("ch01", subs, out, Options(cell_timeout=15), root=graded["repo"], progress=lines.append, **kw)
        return rows[0], any("not regraded" in line for line in lines)

    first, reused = grade()
    assert first["total"] == 4 and not reused
    assert grade() == (first, True)
    assert grade(force=True) == (first, False)
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "ch01-ex4-minibatches":
            cell["source"] = "def minibatches(n, batch_size, shuffle=True, seed=0):\n    return []"
    notebook.write_text(json.dumps(nb), encoding="utf-8")
    changed, reused = grade()
    assert not reused and changed["total"] == 3
