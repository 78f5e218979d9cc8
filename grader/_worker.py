"""학생 한 명을 채점하는 별도 프로세스: ``python -m grader._worker job.json``.

부모(채점기)와 다른 프로세스이므로 학생 코드가 커널을 죽이거나(os._exit) 무한 루프에 빠져도
부모는 그 학생의 status만 기록하고 다음 학생으로 넘어간다.
"""
from __future__ import annotations

import json
import os
import re
import resource
import shutil
import sys
from pathlib import Path

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def _limit_cpu(seconds: int) -> None:
    # 이 프로세스와 자식(커널)이 쓸 수 있는 CPU 시간 상한. 넘으면 커널이 SIGXCPU로 끝난다.
    if seconds > 0:
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 5))


def messages(autograded: Path) -> dict[str, str]:
    """채점된 노트북의 테스트 셀 출력에서 실패 이유를 모은다."""
    import nbformat
    from grader import _cells
    out = {}
    nb = nbformat.read(autograded, as_version=4)
    for cell in nb.cells:
        if not _cells.is_test(cell):
            continue
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error":
                out[_cells.grade_id(cell)] = ANSI.sub("", f"{o.get('ename')}: {o.get('evalue')}")[:2000]
                break
            if o.get("output_type") == "stream" and o.get("name") == "stderr":
                text = ANSI.sub("", o.get("text", ""))[:500]
                out[_cells.grade_id(cell)] = f"표준 오류(stderr)에 출력이 있어 실패 처리 / output on stderr: {text}"
                break
    return out


def run(job: dict) -> dict:
    from grader import _nbgrader
    course = Path(job["workdir"]) / "course"
    if course.exists():
        shutil.rmtree(course)
    shutil.copytree(job["template"], course)
    target = course / "submitted" / job["student"] / job["chapter"] / job["notebook"]
    target.parent.mkdir(parents=True)
    shutil.copy2(job["assembled"], target)
    os.environ["DLBOOK_HIDDEN_DIR"] = job["hidden_dir"]
    config = _nbgrader.course_config(course, timeout=job["cell_timeout"])
    _limit_cpu(job["cpu_seconds"])
    result = _nbgrader.autograde(course, job["chapter"], job["student"], config)
    autograded = course / "autograded" / job["student"] / job["chapter"] / job["notebook"]
    out = {"success": bool(result.get("success")), "scores": {}, "messages": {},
           "error": ANSI.sub("", (result.get("error") or ""))[-2000:]}
    text = (result.get("log") or "") + out["error"]
    if "DeadKernel" in text or "Kernel died" in text:
        out["kernel_died"] = True
    if autograded.is_file():
        out["scores"] = _nbgrader.scores(course, job["chapter"], job["student"], Path(job["notebook"]).stem)
        out["messages"] = messages(autograded)
        # nbgrader는 시간 제한을 넘은 셀을 인터럽트한다: 그 셀의 오류는 KeyboardInterrupt(또는 CellTimeoutError)다
        for gid, msg in out["messages"].items():
            if msg.startswith(("KeyboardInterrupt", "CellTimeoutError")):
                out["timeout"] = True
                out["messages"][gid] = (f"셀 실행이 시간 제한({job['cell_timeout']}초)을 넘어 중단되었습니다 "
                                        f"(끝나지 않는 반복문?) / the cell exceeded {job['cell_timeout']} s")
    return out


def main(argv: list[str]) -> int:
    job = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    result = run(job)
    Path(job["result"]).write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
