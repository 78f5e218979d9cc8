"""상자 안에서 도는 실행기: ``python -m grader._runner /work/sandbox/job.json``.

제한(rlimit)을 걸고, 조립한 채점 노트북(준비 셀 + 학생 답 + harvest 셀)을 nbclient로 실행한 뒤
셀마다의 오류와 커널의 죽음을 ``run.json``에 적는다. 점수는 여기서 정하지 않는다.
"""
from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path

MB = 1024 * 1024


def set_limits(limits: dict) -> None:
    def cap(kind, value):
        soft, hard = resource.getrlimit(kind)
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(kind, (value, value))

    cap(resource.RLIMIT_CPU, int(limits["cpu_seconds"]))
    cap(resource.RLIMIT_AS, int(limits["address_space_mb"]) * MB)
    cap(resource.RLIMIT_FSIZE, min(int(limits["file_mb"]), int(limits.get("disk_mb") or limits["file_mb"])) * MB)
    cap(resource.RLIMIT_CORE, 0)
    if os.getuid() != 0:  # root에게는 NPROC가 걸리지 않는다 (그래서 상자 안에서는 일반 uid로 바꾼다)
        cap(resource.RLIMIT_NPROC, int(limits["processes"]))


def main(argv: list[str]) -> int:
    job_path = Path(argv[0])
    job = json.loads(job_path.read_text(encoding="utf-8"))
    workdir = job_path.parent
    set_limits(job["limits"])
    os.environ.update({"MPLCONFIGDIR": "/tmp/matplotlib", "JUPYTER_RUNTIME_DIR": "/tmp/jupyter-runtime",
                       "IPYTHONDIR": "/tmp/ipython", "TF_CPP_MIN_LOG_LEVEL": "3", "PYTHONHASHSEED": "0",
                       "DLBOOK_PLAN": job["plan"], "DLBOOK_OUT": str(workdir / "out"),
                       "MPLBACKEND": "Agg"})
    os.environ.pop("DLBOOK_HIDDEN_DIR", None)
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import DeadKernelError

    nb = nbformat.read(workdir / job["notebook"], as_version=4)
    client = NotebookClient(nb, timeout=int(job["limits"]["cell_timeout"]), kernel_name="python3",
                            allow_errors=True, interrupt_on_timeout=True, record_timing=False,
                            resources={"metadata": {"path": str(workdir)}})
    result = {"kernel_died": False, "error": "", "cells": {}, "died_at": None}
    running = {"index": None}

    def started(cell, cell_index, **_):
        running["index"] = cell_index   # 커널이 죽으면 어느 셀에서였는지 알린다

    client.on_cell_start = started
    try:
        client.execute()
    except DeadKernelError as exc:
        result["kernel_died"] = True
        result["died_at"] = running["index"]
        result["error"] = str(exc)[-500:]
    except Exception as exc:  # noqa: BLE001 - 실행기 자체의 실패도 결과 파일로 알린다
        result["error"] = f"{type(exc).__name__}: {exc}"[-1000:]
    for i, cell in enumerate(nb.cells):
        info = {}
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and "error" not in info:
                info["error"] = f"{out.get('ename')}: {out.get('evalue')}"[:2000]
            elif out.get("output_type") == "stream" and out.get("name") == "stderr":
                info["stderr"] = (info.get("stderr", "") + out.get("text", ""))[:2000]
        if info:
            result["cells"][str(i)] = info
    (workdir / "run.json").write_text(json.dumps(result, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
