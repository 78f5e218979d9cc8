"""한 장(chapter)의 제출물 전체를 채점한다: 모으기 → 검사 → 조립 → 학생별 프로세스에서 nbgrader → 표와 피드백.

한 학생의 실패는 그 학생의 status로 남고 다음 학생으로 넘어간다 (nbgrader의 습관).
"""
from __future__ import annotations

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from grader import _cells, _feedback, _nbgrader, _paths
from grader._exceptions import GraderError, SubmissionError
from grader._submissions import Submission, assemble, collect, compare_with_release, read_notebook


@dataclass
class Options:
    workers: int = 1
    cell_timeout: int = 120       # 셀 하나의 최대 실행 시간 (초)
    notebook_timeout: int = 900   # 학생 한 명의 최대 채점 시간 (초, 벽시계)
    cpu_seconds: int = 1200       # 학생 한 명이 쓸 수 있는 CPU 시간 (초)


def _safe_id(i: int) -> str:
    # nbgrader와 파일 시스템에는 ASCII id만 넘긴다 (한글/공백이 든 학번도 안전하게)
    return f"s{i:04d}"


def _grade_one(job: dict, timeout: int) -> dict:
    job_path = Path(job["workdir"]) / "job.json"
    job_path.parent.mkdir(parents=True, exist_ok=True)
    job_path.write_text(json.dumps(job, ensure_ascii=False), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(_paths.ROOT), os.environ.get("PYTHONPATH", "")]))
    proc = subprocess.Popen([sys.executable, "-m", "grader._worker", str(job_path)], cwd=job["workdir"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        log, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)  # 커널까지 프로세스 그룹째 끝낸다
        proc.communicate()
        return {"fatal": SubmissionError("timeout", f"채점 시간 {timeout}초를 넘었습니다",
                                         f"grading took longer than {timeout} s").status}
    result_path = Path(job["result"])
    if proc.returncode != 0 or not result_path.is_file():
        tail = (log or b"").decode("utf-8", "replace")[-600:]
        return {"fatal": SubmissionError("grader-crashed", "채점 프로세스가 비정상 종료했습니다",
                                         f"grading process exited {proc.returncode}: {tail}").status}
    return json.loads(result_path.read_text(encoding="utf-8"))


def _status(sub: Submission, result: dict) -> str:
    notes = list(sub.notes)
    if result.get("fatal"):
        return result["fatal"]
    if result.get("kernel_died"):
        return SubmissionError("kernel-died", "채점 중 커널이 죽었습니다 (메모리 초과, os._exit 등)",
                               "the kernel died during grading").status
    if not result.get("scores"):
        return SubmissionError("not-graded", "채점 결과를 얻지 못했습니다", "no grades: " + result.get("error", "")[-300:]).status
    if result.get("timeout"):
        notes.append("cell-timeout: 시간 제한을 넘은 셀이 있어 그 테스트는 0점 / a cell timed out")
    return "ok" if not notes else "ok; " + "; ".join(notes)


def autograde(chapter: str, submissions: Path, out_dir: Path | None = None, options: Options | None = None,
              *, root: Path = _paths.ROOT, progress=print) -> list[dict]:
    options = options or Options()
    source_nb_path = _paths.source_notebook(chapter, root)
    release_path = _paths.release_notebook(chapter, root)
    if not release_path.is_file():
        raise GraderError(f"학생용 노트북이 없습니다: {release_path}. `make release`를 실행하세요 / run `make release`")
    release_nb = nbformat.read(release_path, as_version=4)
    exercises = _cells.exercises(release_nb)
    max_total = sum(exercises.values())
    out_dir = Path(out_dir or _paths.grading_dir(root) / "out" / chapter)
    work = _paths.grading_dir(root) / chapter
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    subs, warnings = collect(Path(submissions), source_nb_path.name, work)
    for w in warnings:
        progress(w)
    template = work / "template"
    _nbgrader.generate_assignment(template, chapter, source_nb_path)

    jobs: list[tuple[Submission, dict | None]] = []
    for i, sub in enumerate(subs, start=1):
        if sub.problem is None:
            try:
                nb = read_notebook(sub.path)
                sub.notes += compare_with_release(nb, release_nb)
                graded = assemble(nb, release_nb)
            except SubmissionError as exc:
                sub.problem = exc
            except Exception as exc:  # 어떤 이상한 노트북도 채점 전체를 멈추지 않는다
                sub.problem = SubmissionError("not-a-notebook", f"노트북 구조를 읽을 수 없습니다 ({type(exc).__name__})",
                                              f"cannot read the notebook structure: {exc}")
        if sub.problem is not None:
            jobs.append((sub, None))
            continue
        sid = _safe_id(i)
        student_work = work / "students" / sid
        student_work.mkdir(parents=True)
        assembled = student_work / "assembled.ipynb"
        nbformat.write(graded, assembled)
        jobs.append((sub, {
            "template": str(template), "workdir": str(student_work), "chapter": chapter, "student": sid,
            "notebook": source_nb_path.name, "assembled": str(assembled),
            "hidden_dir": str(source_nb_path.parent), "result": str(student_work / "result.json"),
            "cell_timeout": options.cell_timeout, "cpu_seconds": options.cpu_seconds,
        }))

    def run(item):
        sub, job = item
        result = {} if job is None else _grade_one(job, options.notebook_timeout)
        return sub, result

    rows = []
    out_dir.mkdir(parents=True, exist_ok=True)
    with ThreadPoolExecutor(max_workers=max(1, options.workers)) as pool:
        for n, (sub, result) in enumerate(pool.map(run, jobs), start=1):
            tests = {k: tuple(v) for k, v in result.get("scores", {}).items()}
            scores = _feedback.exercise_scores(tests, exercises)
            status = sub.problem.status if sub.problem else _status(sub, result)
            row = {"student_id": sub.student_id, "chapter": chapter, **scores,
                   "total": sum(scores.values()), "max_total": max_total, "status": status}
            _feedback.write(out_dir, row, exercises, tests, result.get("messages", {}))
            rows.append(row)
            progress(f"[{n}/{len(jobs)}] {sub.student_id}: {row['total']:g}/{max_total:g} ({status.split(':')[0]})")
    write_csv(out_dir / "grades.csv", rows, list(exercises))
    return rows


def write_csv(path: Path, rows: list[dict], exercise_ids: list[str]) -> None:
    fields = ["student_id", "chapter", *exercise_ids, "total", "max_total", "status"]
    # utf-8-sig: 엑셀에서 열어도 한글이 깨지지 않는다
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.DictWriter(f, fieldnames=fields)
        writer.writeheader()
        for row in rows:
            writer.writerow({k: (f"{row[k]:g}" if isinstance(row[k], float) else row[k]) for k in fields})
