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
    nb = json.loads(solved)
    for cell in nb["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "ch01-ex1-rmse":
            # 뒤 문제(ex4, harvest 번호 2)의 결과 파일을 맞는 답으로 미리 써 두고 커널을 죽인다
            cell["source"] = ("import os, numpy as np\nfrom grader._harvest import harvest\n"
                              "def minibatches(n, batch_size, shuffle=True, seed=0):\n"
                              "    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)\n"
                              "    return [order[s:s + batch_size] for s in range(0, n, batch_size)]\n"
                              "harvest(2, [('ch01-ex4-minibatches', False, lambda: minibatches)])\nos._exit(1)")
    files["fake-then-die/ch01_toy.ipynb"] = json.dumps(nb)
    # 스프레드시트 수식과 HTML 태그가 든 학번 (LMS 폴더 이름은 학생 이름에서 온다)
    files['=HYPERLINK("http:evil","x")<img src=x onerror=alert(1)>/ch01_toy.ipynb'] = solved
    # 채점할 수 있는 이상한 입력: 옛 nbformat, 다른 언어 커널, 커널 정보 없음 + 아주 큰 출력, 뒤섞인 셀 + 중복 id
    files["old-format/ch01_toy.ipynb"] = nbformat.writes(nbformat.convert(nbformat.reads(solved, 4), 3), 3)
    nb = json.loads(solved)
    nb["metadata"]["kernelspec"] = {"name": "julia-1.10", "display_name": "Julia 1.10", "language": "julia"}
    nb["metadata"]["language_info"] = {"name": "julia"}
    files["julia/ch01_toy.ipynb"] = json.dumps(nb)
    nb = json.loads(solved)
    nb["metadata"].pop("kernelspec", None)
    code = next(c for c in nb["cells"] if c["cell_type"] == "code" and not c["metadata"].get("nbgrader"))
    # 맞는 답에 저장된 출력 60 MB 남짓 (글자 출력과 그림): 출력은 채점에 쓰지 않으므로 too-large가 아니다
    code["outputs"] = [{"output_type": "stream", "name": "stdout", "text": ["손실 0.1234\n"] * 2_000_000},
                       {"output_type": "display_data", "metadata": {},
                        "data": {"image/png": "iVBORw0KGgo" * 3_000_000}}]
    files["huge-outputs/ch01_toy.ipynb"] = json.dumps(nb, ensure_ascii=False)
    nb = json.loads(solved)
    nb["cells"].reverse()
    wrong = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("grade_id") == "ch01-ex1-rmse")
    nb["cells"].append({**wrong, "source": "def rmse(y_true, y_pred):\n    return -1.0"})
    files["shuffled/ch01_toy.ipynb"] = json.dumps(nb)
    for name, text in files.items():
        (subs / name).parent.mkdir(parents=True, exist_ok=True)
        (subs / name).write_text(text, encoding="utf-8")
    before = _digest(subs)
    out = repo.parent / "out"
    rows = autograde("ch01", subs, out, Options(workers=2, cell_timeout=60), root=repo, progress=lambda *_: None)
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


@pytest.mark.parametrize("student, note", [
    ("old-format", "upgraded"), ("julia", "kernel-replaced"), ("huge-outputs", "outputs-ignored"),
    ("huge-outputs", "kernel-missing"), ("shuffled", "duplicate-ids"), ("shuffled", "cell-ids-fixed"),
])
def test_odd_but_gradable_notebooks_get_full_marks_and_a_note(graded, student, note):
    """옛 형식, 다른 커널, 큰 출력, 뒤섞이고 중복된 셀: 채점은 되고 무엇을 했는지 status가 말한다."""
    row = graded["rows"][student]
    assert row["total"] == 4, row
    assert row["status"].startswith("ok; ") and f"{note}:" in row["status"], row["status"]
    assert " / " in row["status"]


def test_run_report_summarizes_scores_failures_and_time(graded):
    out = graded["out"]
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    rows = graded["ordered"]
    assert report["students"] == len(rows)
    assert sum(report["statuses"].values()) == len(rows)
    assert report["statuses"]["ok"] == sum(r["status"] == "ok" for r in rows)
    assert report["statuses"]["not-json"] == 1
    assert report["statuses"]["kernel-died"] == sum(r["status"].startswith("kernel-died") for r in rows) >= 1
    ex1 = report["exercises"]["ch01-ex1-rmse"]
    assert ex1["full"] == sum(r["ch01-ex1-rmse"] == 3 for r in rows)
    assert ex1["zero"] == sum(r["ch01-ex1-rmse"] == 0 for r in rows)
    assert sum(ex1["histogram"].values()) == len(rows)
    # 학생 답이 0.0을 돌려준 치터와 무한 반복, 풀지 않은 학생: 같은 테스트 실패가 묶여 센다
    top = report["failures"][0]
    assert top["count"] >= 2 and top["test"].startswith("ch01-")
    failing = {s for f in report["failures"] for s in f["students"]}
    assert {"cheater", "unsolved", "looper"} <= failing and "solved" not in failing
    # 셀 시간 제한(60초)에 걸린 학생이 가장 오래 걸렸다
    assert report["slowest"][0]["student_id"] == "looper"
    problems = {p["student_id"] for p in report["problems"]}
    assert problems == {r["student_id"] for r in rows if not r["status"].startswith("ok")}
    page = (out / "report.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page and "가장 흔한 실패 메시지" in page and "looper" in page


def test_killed_kernel_does_not_stop_the_run(graded):
    row = graded["rows"]["killer"]
    # 원본 테스트로 덮어쓰므로 os._exit는 실행되지 않거나, 실행되더라도 그 학생의 status로만 남는다
    assert row["total"] <= 4 and row["status"]


def test_endless_loop_times_out_and_loses_only_that_exercise(graded):
    row = graded["rows"]["looper"]
    assert row["ch01-ex1-rmse"] == 0 and row["ch01-ex4-minibatches"] == 1, row
    assert "timeout" in row["status"], row["status"]


def test_kernel_killed_by_an_answer_keeps_earlier_points(graded):
    """ex4의 답안 셀이 커널을 죽였다: 앞에서 채점한 ex1(3점)은 그대로, ex4만 0점, 상태가 ex4를 말한다."""
    row = graded["rows"]["answer-killer"]
    assert row["ch01-ex1-rmse"] == 3 and row["ch01-ex4-minibatches"] == 0, row
    assert row["status"].startswith("kernel-died") and "ch01-ex4-minibatches" in row["status"], row["status"]
    assert " / " in row["status"]
    page = (graded["out"] / "feedback" / "answer-killer.html").read_text(encoding="utf-8")
    assert "ch01-ex4-minibatches을(를) 실행하다가 커널이 죽었습니다" in page


def test_results_planted_before_a_kernel_death_do_not_count(graded):
    """ex1에서 ex4의 결과 파일을 미리 쓰고 커널을 죽인 답: 죽은 문제부터 뒤는 0점 (써 둔 결과를 믿지 않는다)."""
    row = graded["rows"]["fake-then-die"]
    assert row["total"] == 0, row
    assert "ch01-ex1-rmse" in row["status"], row["status"]


def test_hostile_student_id_is_plain_text_in_every_export(graded):
    sid = '=HYPERLINK("http:evil","x")<img src=x onerror=alert(1)>'
    assert graded["rows"][sid]["total"] == 4
    with open(graded["out"] / "grades.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert ["'" + sid] in [row[:1] for row in table]
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for row in table for v in row)
    for page in [graded["out"] / "report.html", *(graded["out"] / "feedback").glob("*.html")]:
        assert "<img src=x" not in page.read_text(encoding="utf-8"), page


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
    rows = autograde("ch01", graded["subs"], graded["out"], Options(workers=2, cell_timeout=60),
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
        rows = autograde("ch01", subs, out, Options(cell_timeout=60), root=graded["repo"], progress=lines.append, **kw)
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


@pytest.fixture()
def dask_cluster(tmp_path):
    """loopback에 Dask 스케줄러 하나와 작업자 둘 (각각 스레드 하나). 끝나면 모두 끝낸다."""
    import os
    import signal
    import socket
    import subprocess
    import sys
    import time

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, DASK_DISTRIBUTED__WORKER__DAEMON="False")
    log = open(tmp_path / "dask.log", "wb")
    procs = [subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port),
                               "--no-dashboard"], stdout=log, stderr=log, env=env, start_new_session=True)]
    from distributed import Client
    deadline = time.monotonic() + 60
    while True:
        try:
            Client(address, timeout=2).close()
            break
        except OSError:
            assert time.monotonic() < deadline, (tmp_path / "dask.log").read_text()
            time.sleep(0.5)
    procs.append(subprocess.Popen([sys.executable, "-m", "dask", "worker", address, "--nworkers", "2", "--nthreads",
                                   "1", "--no-dashboard", "--local-directory", str(tmp_path / "workers")],
                                  stdout=log, stderr=log, env=env, start_new_session=True))
    with Client(address, timeout=10) as client:
        client.wait_for_workers(2, timeout=120)
    try:
        yield address
    finally:
        for proc in reversed(procs):
            os.killpg(proc.pid, signal.SIGTERM)
        for proc in reversed(procs):
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        log.close()


def test_dask_cluster_gives_the_same_grades(graded, dask_cluster, tmp_path):
    """--scheduler: 같은 작업을 Dask 작업자 둘에게 보내도 표가 글자 하나까지 같고, 판정·기록은 이쪽 한 곳에서 한다."""
    names = ["solved", "unsolved", "cheater", "broken", "홍 길동"]
    subs = tmp_path / "subs"
    for name in names:
        shutil.copytree(graded["subs"] / name, subs / name)
    out = tmp_path / "out"
    lines = []
    rows = autograde("ch01", subs, out, Options(cell_timeout=60, scheduler=dask_cluster), root=graded["repo"],
                     progress=lines.append)
    expected = [r for r in graded["ordered"] if r["student_id"] in names]
    assert rows == expected
    assert any("Dask" in line and "2" in line for line in lines)
    assert len(list((out / "receipts").glob("*.json"))) == len(names)
    # 작업자의 임시 작업 폴더는 지워진다
    assert not [p for p in (tmp_path / "workers").rglob("grading.ipynb")]


def test_unreachable_scheduler_is_a_clear_error(graded, tmp_path):
    from grader._exceptions import GraderError
    shutil.copytree(graded["subs"] / "solved", tmp_path / "subs" / "solved")
    with pytest.raises(GraderError, match="Dask 스케줄러.*cannot connect"):
        autograde("ch01", tmp_path / "subs", tmp_path / "out", Options(scheduler="tcp://127.0.0.1:9"),
                  root=graded["repo"], progress=lambda *_: None)


def test_canvas_download_with_roster_end_to_end(graded, tmp_path):
    """Canvas의 평평한 파일(다시 낸 것 포함)과 명단: 가장 나중 것을 채점하고, 안 낸 학생은 missing, LMS용 CSV가 생긴다."""
    solved = (graded["subs"] / "solved" / "ch01_toy.ipynb").read_text(encoding="utf-8")
    unsolved = (graded["subs"] / "unsolved" / "ch01_toy.ipynb").read_text(encoding="utf-8")
    subs = tmp_path / "canvas"
    subs.mkdir()
    (subs / "kimminsu_12345_500_ch01_toy.ipynb").write_text(unsolved, encoding="utf-8")
    (subs / "kimminsu_12345_501_ch01_toy-1.ipynb").write_text(solved, encoding="utf-8")   # 다시 낸 것
    roster = tmp_path / "roster.csv"
    roster.write_text("student_id,name\n12345,김민수\n12399,이지우\n", encoding="utf-8")
    out = tmp_path / "out"
    rows = autograde("ch01", subs, out, Options(cell_timeout=60, roster=roster), root=graded["repo"],
                     progress=lambda *_: None)
    by_id = {r["student_id"]: r for r in rows}
    assert by_id["12345"]["total"] == 4 and "latest" in by_id["12345"]["status"], by_id["12345"]
    assert by_id["12399"]["total"] == 0 and by_id["12399"]["status"].startswith("missing")
    with open(out / "lms_grades.csv", encoding="utf-8-sig", newline="") as f:
        assert list(csv.reader(f))[1:] == [["12345", "김민수", "4", "4", "12345.html"],
                                            ["12399", "이지우", "0", "4", "12399.html"]]
    with open(out / "canvas_gradebook.csv", encoding="utf-8-sig", newline="") as f:
        assert [r[1] for r in csv.reader(f)] == ["ID", "12345", "12399"]
    assert (out / "feedback" / "12399.html").is_file()
