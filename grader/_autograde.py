"""한 장(chapter)의 제출물 전체를 채점한다: 모으기 → 검사 → 조립 → 학생마다 상자 안에서 실행 → 상자 밖에서 판정
→ 표와 피드백.

nbgrader의 autograde는 학생 코드와 같은 커널에서 테스트를 돌려 점수를 정한다. 그러면 검사기를 고치거나
입력 변환기(input transformer)를 등록한 답이 만점을 받는다. 여기서는 학생 코드가 상자(:mod:`grader._sandbox`)
안에서 **결과만** 적고(:mod:`grader._harvest`), 비교는 상자 밖의 이 프로세스가 한다(:mod:`grader._judge`).
한 학생의 실패는 그 학생의 status로 남고 다음 학생으로 넘어간다.

실행은 :func:`execute` 하나로 한다: 이 기계의 스레드 작업자(``--workers``)도, Dask 작업자(``--scheduler``)도
같은 함수를 부르고 결과를 자료(dict, 글자)로 돌려준다. 그래서 어디서 실행했든 같은 표가 나온다.
"""
from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import nbformat

from grader import _cells, _csvsafe, _feedback, _judge, _paths, _report, _sandbox
from grader._exceptions import GraderError, SubmissionError
from grader._submissions import Submission, assemble, collect, compare_with_release, read_notebook


@dataclass
class Options:
    workers: int = 1
    cell_timeout: int = 120       # 셀 하나의 최대 실행 시간 (초)
    notebook_timeout: int = 900   # 학생 한 명의 최대 채점 시간 (초, 벽시계)
    cpu_seconds: int = 1200       # 프로세스 하나가 쓸 수 있는 CPU 시간 (초)
    memory_mb: int = 6144         # 학생 한 명의 상자 안 프로세스 전체의 메모리 (MB)
    disk_mb: int = 1024           # 학생 한 명이 작업 폴더, /tmp, /dev/shm에 쓸 수 있는 양의 합 (MB)
    processes: int = 256          # 상자 안 프로세스·스레드 수
    unsafe: bool = False          # 상자(bwrap) 없이 채점한다 (믿을 수 있는 제출물에만)
    scheduler: str | None = None  # Dask 스케줄러 주소 (예: tcp://10.0.0.5:8786). 없으면 이 기계의 스레드 작업자
    roster: Path | None = None    # 명단 CSV (학번, 이름): 내지 않은 학생도 missing 줄로 넣는다

    def limits(self) -> _sandbox.Limits:
        return _sandbox.Limits(cell_timeout=self.cell_timeout, notebook_timeout=self.notebook_timeout,
                               cpu_seconds=self.cpu_seconds, memory_mb=self.memory_mb, processes=self.processes,
                               disk_mb=self.disk_mb)


def _safe_id(i: int) -> str:
    # 파일 시스템에는 ASCII id만 쓴다 (한글/공백이 든 학번도 안전하게)
    return f"s{i:04d}"


def _tree_rss(pid: int) -> int:
    """프로세스 ``pid``와 그 자손 전체의 상주 메모리(바이트)."""
    import psutil
    try:
        root = psutil.Process(pid)
        procs = [root, *root.children(recursive=True)]
    except psutil.Error:
        return 0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _tree_bytes(folder: Path, max_entries: int) -> tuple[int, int]:
    """``folder`` 아래 파일과 폴더가 디스크에서 차지하는 바이트와 항목 수 (링크는 따라가지 않는다).

    항목이 ``max_entries``를 넘으면 거기서 세기를 멈춘다 (감시자가 느려지지 않게; 넘었다는 것만으로 충분하다).
    """
    total, count, stack = 0, 0, [str(folder)]
    while stack and count <= max_entries:
        try:
            with os.scandir(stack.pop()) as it:
                for entry in it:
                    count += 1
                    try:
                        info = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    total += info.st_blocks * 512
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
        except OSError:
            continue
    return total, count


_HOST_TMP_DEV = os.stat("/tmp").st_dev if os.path.isdir("/tmp") else None


def _sandbox_tmpfs_used(pid: int) -> int:
    """상자 안의 /tmp와 /dev/shm(tmpfs)에 쓴 바이트: 상자 안 프로세스의 /proc/PID/root로 본다."""
    import psutil
    try:
        procs = psutil.Process(pid).children(recursive=True)
    except psutil.Error:
        return 0
    for p in procs:
        root = Path(f"/proc/{p.pid}/root")
        try:
            if os.stat(root / "tmp").st_dev == _HOST_TMP_DEV:
                continue   # 아직 상자의 이름공간이 아니다 (bwrap 바깥 쪽)
            used = 0
            for name in ("tmp", "dev/shm"):
                st = os.statvfs(root / name)
                used += (st.f_blocks - st.f_bfree) * st.f_frsize
            return used
        except OSError:
            continue
    return 0


def _disk_used(scratch: Path, pid: int | None, limits: _sandbox.Limits) -> tuple[int, bool]:
    """(상자가 쓴 바이트: 작업 폴더 + /tmp + /dev/shm, 파일 수 한도를 넘었나)."""
    used, entries = _tree_bytes(scratch, limits.disk_files)
    if pid is not None:
        used += _sandbox_tmpfs_used(pid)
    return used, entries > limits.disk_files


def _disk_error(limits: _sandbox.Limits) -> SubmissionError:
    return SubmissionError("disk", f"디스크 쓰기 제한을 넘었습니다 (작업 폴더와 /tmp를 합쳐 {limits.disk_mb} MB, "
                           f"파일 {limits.disk_files}개)",
                           f"exceeded the disk quota of {limits.disk_mb} MB / {limits.disk_files} files "
                           f"(scratch and /tmp together)")


def _run_sandboxed(scratch: Path, plan_file: Path, limits: _sandbox.Limits, slot: int, unsafe: bool) -> dict:
    """상자 안에서 노트북을 실행한다. 결과: {"fatal": status} 또는 상자가 남긴 run.json의 내용."""
    inner_job = _sandbox.INSIDE / "job.json" if not unsafe else scratch / "job.json"
    inner = [_sandbox.python() if not unsafe else sys.executable, "-m", "grader._runner", str(inner_job)]
    if unsafe:
        cmd, cwd = inner, scratch
        env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(_paths.ROOT), os.environ.get("PYTHONPATH", "")]))
    else:
        cmd, cwd, env = _sandbox.command(inner, scratch, plan_file, slot, limits.disk_mb), None, None
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    deadline = time.monotonic() + limits.notebook_timeout
    fatal = None
    log = b""
    quota = limits.disk_mb * 1024 * 1024
    while True:
        try:
            log, _ = proc.communicate(timeout=0.5)
            break
        except subprocess.TimeoutExpired:
            pass
        used, too_many = _disk_used(scratch, None if unsafe else proc.pid, limits)
        if used >= quota or too_many:
            fatal = _disk_error(limits)
        elif time.monotonic() > deadline:
            fatal = SubmissionError("timeout", f"채점 시간 {limits.notebook_timeout}초를 넘었습니다",
                                    f"grading took longer than {limits.notebook_timeout} s")
        elif _tree_rss(proc.pid) > limits.memory_mb * 1024 * 1024:
            fatal = SubmissionError("memory", f"메모리 제한 {limits.memory_mb} MB를 넘었습니다",
                                    f"exceeded the memory limit of {limits.memory_mb} MB")
        if fatal:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)   # 상자(PID 이름공간)째 끝낸다
            proc.communicate()
            if fatal.code == "disk":
                _clear(scratch)
            return {"fatal": fatal.status}
    used, too_many = _disk_used(scratch, None, limits)   # 마지막 감시 뒤에 쓰고 끝났을 수도 있다
    if used >= quota or too_many:
        _clear(scratch)
        return {"fatal": _disk_error(limits).status}
    run_file = scratch / "run.json"
    try:
        if run_file.stat().st_size > 8 * 1024 * 1024:
            raise ValueError("run.json too large")
        result = json.loads(run_file.read_text(encoding="utf-8"))
        if not isinstance(result, dict):
            raise ValueError("run.json is not an object")
    except (OSError, ValueError):
        tail = (log or b"").decode("utf-8", "replace")[-600:]
        return {"fatal": SubmissionError("sandbox-died", "채점 상자의 실행기가 보고 없이 끝났습니다 "
                                         "(학생 코드가 실행기를 끝냈을 수 있습니다)",
                                         f"the sandbox runner exited {proc.returncode} without a report: {tail}").status}
    return result


def _clear(scratch: Path, keep: set[str] = frozenset()) -> None:
    """작업 폴더의 내용을 지워 디스크를 돌려준다 (다음 학생의 채점이 디스크 부족으로 실패하지 않게)."""
    for entry in list(scratch.iterdir()) if scratch.is_dir() else []:
        if entry.name in keep and entry.is_file() and not entry.is_symlink():
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            with contextlib.suppress(OSError):
                entry.unlink()


def execute(job: dict, plan_file: Path, scratch: Path, slot: int) -> dict:
    """채점 작업 하나를 이 기계의 상자에서 실행하고 결과를 자료로 돌려준다.

    로컬 작업자(스레드)와 Dask 작업자가 같은 함수를 부른다. ``job``은 글자와 숫자만 담는다: 조립한 채점
    노트북(JSON), 제한, --unsafe 여부. 돌려주는 것: 상자의 run.json 내용, 결과 파일들의 글자(``harvest``),
    걸린 시간(``seconds``). 판정은 이 결과를 받은 채점기 프로세스가 한다.
    """
    limits = _sandbox.Limits(**job["limits"])
    unsafe = job["unsafe"]
    scratch.mkdir(parents=True, exist_ok=True)
    (scratch / "grading.ipynb").write_text(job["notebook"], encoding="utf-8")
    inner_plan = str(plan_file) if unsafe else str(_sandbox.PLAN_INSIDE)
    (scratch / "job.json").write_text(json.dumps({
        "notebook": "grading.ipynb", "plan": inner_plan, "limits": job["limits"],
    }), encoding="utf-8")
    uid = None if unsafe else _sandbox.sandbox_uid(slot)
    if uid is not None:   # 상자 안의 일반 uid가 자기 작업 폴더에만 쓸 수 있게
        for p in [scratch, *scratch.rglob("*")]:
            os.chown(p, uid, uid)
    started = time.monotonic()
    result = _run_sandboxed(scratch, plan_file, limits, slot, unsafe)
    result["seconds"] = round(time.monotonic() - started, 2)
    if not result.get("fatal"):
        result["harvest"] = _judge.read_harvest(scratch / "out")
    # 학생이 쓴 파일은 결과를 읽은 뒤 지운다: 한도 안에서 쓴 것도 학생 수만큼 쌓이면 디스크를 채운다.
    # 채점기가 만든 것(채점 노트북, job.json, run.json)만 살펴보기용으로 남긴다
    _clear(scratch, keep={"grading.ipynb", "job.json", "run.json"})
    return result


@contextlib.contextmanager
def _local_runner(work: Path, plan_file: Path, workers: int):
    """이 기계에서 스레드 ``workers``개로 채점한다. 슬롯마다 상자 uid가 다르다. 작업 폴더는 남긴다 (살펴보기용)."""
    slots: queue.Queue[int] = queue.Queue()
    for k in range(max(1, workers)):
        slots.put(k)
    students = work / "students"
    students.mkdir(parents=True, exist_ok=True)
    for p in (work, students):   # 한 번만: 학생마다 되풀이할 일이 아니다
        os.chmod(p, 0o755)

    def one(item):
        sub, job = item
        if job is None or "reused" in job:
            return sub, job, job or {}
        slot = slots.get()
        try:
            return sub, job, execute(job, plan_file, students / job["key"], slot)
        finally:
            slots.put(slot)

    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        # pool.map은 제출 순서대로 결과를 돌려준다
        yield lambda jobs: pool.map(one, jobs)


_WORKER = {"lock": threading.Lock(), "slots": None}   # Dask 작업자 프로세스마다 하나


def _dask_execute(job: dict, plan_bytes: bytes, digest: str) -> dict:
    """Dask 작업자에서 도는 함수: 사례 파일을 작업자의 로컬 폴더에 한 번 쓰고, 임시 작업 폴더에서 :func:`execute`."""
    import tempfile

    from distributed import get_worker

    worker = get_worker()
    base = Path(worker.local_directory) / "dlbook-grading"
    with _WORKER["lock"]:
        if _WORKER["slots"] is None:
            # 같은 기계의 다른 작업자 프로세스와 uid가 겹치지 않게 pid로 슬롯 구간을 나눈다
            nthreads = getattr(getattr(worker, "state", None), "nthreads", None) or getattr(worker, "nthreads", 1)
            first = (os.getpid() % 256) * 16
            _WORKER["slots"] = queue.Queue()
            for k in range(max(1, min(int(nthreads), 16))):
                _WORKER["slots"].put(first + k)
        base.mkdir(parents=True, exist_ok=True)
        os.chmod(base, 0o755)
        plan = base / f"plan-{digest[:24]}.pkl"
        if not plan.is_file():
            tmp = plan.with_suffix(".tmp")
            tmp.write_bytes(plan_bytes)
            os.chmod(tmp, 0o644)
            tmp.replace(plan)
    slot = _WORKER["slots"].get()
    scratch = Path(tempfile.mkdtemp(prefix=f"{job['key']}-", dir=base))
    try:
        return execute(job, plan, scratch, slot)
    finally:
        _WORKER["slots"].put(slot)
        shutil.rmtree(scratch, ignore_errors=True)


def _worker_probe() -> tuple[bool, str]:
    return _sandbox.probe()


@contextlib.contextmanager
def _dask_runner(address: str, plan_file: Path, unsafe: bool, progress):
    """Dask distributed 클러스터로 같은 작업을 보낸다. 판정과 기록은 이 프로세스 한 곳에서 한다."""
    try:
        from distributed import Client
    except ImportError:
        raise GraderError("--scheduler에는 dask.distributed가 필요합니다: `make setup` / "
                          "--scheduler needs dask.distributed (make setup)") from None
    try:
        client = Client(address, timeout=30, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise GraderError(f"Dask 스케줄러 {address}에 연결할 수 없습니다 / cannot connect to the Dask scheduler "
                          f"at {address}: {exc}") from None
    try:
        workers = client.scheduler_info().get("workers", {})
        if not workers:
            raise GraderError(f"Dask 스케줄러 {address}에 작업자가 없습니다 / the scheduler has no workers")
        if not unsafe:
            bad = {addr: why for addr, (ok, why) in client.run(_worker_probe).items() if not ok}
            if bad:
                raise GraderError("상자를 만들 수 없는 Dask 작업자가 있습니다 / some Dask workers cannot sandbox:\n"
                                  + "\n".join(f"  {a}: {w}" for a, w in bad.items()))
        plan_bytes = plan_file.read_bytes() if plan_file.is_file() else b""
        digest = hashlib.sha256(plan_bytes).hexdigest()
        [plan_future] = client.scatter([plan_bytes], broadcast=True, hash=False)
        progress(f"Dask {address}: 작업자 {len(workers)}개 / {len(workers)} workers")

        def run(jobs):
            futures = [None if job is None or "reused" in job else
                       client.submit(_dask_execute, job, plan_future, digest, pure=False,
                                     key=f"dlbook-grade-{job['key']}-{os.urandom(4).hex()}")
                       for _sub, job in jobs]
            for (sub, job), future in zip(jobs, futures):
                if future is None:
                    yield sub, job, job or {}
                    continue
                try:
                    result = future.result()
                except Exception as exc:  # noqa: BLE001 - 작업자를 잃어도 그 학생의 status일 뿐이다
                    result = {"fatal": SubmissionError(
                        "worker-lost", "Dask 작업자에서 채점하지 못했습니다",
                        f"the Dask worker failed: {type(exc).__name__}: {str(exc)[:300]}").status}
                yield sub, job, result

        yield run
    finally:
        client.close()


def _status(sub: Submission, result: dict, died_in: str | None = None) -> str:
    notes = list(sub.notes)
    if result.get("fatal"):
        return result["fatal"]
    if result.get("kernel_died"):
        if died_in is None:
            return SubmissionError("kernel-died", "채점 중 커널이 죽었습니다 (메모리 초과, os._exit 등)",
                                   "the kernel died during grading").status
        return SubmissionError(
            "kernel-died", f"{died_in}을(를) 실행하다가 커널이 죽었습니다 (메모리 초과, os._exit 등). 그 문제부터 "
            f"뒤의 문제는 0점, 앞에서 채점한 문제의 점수는 그대로",
            f"the kernel died while running {died_in}; it and the exercises after it score 0, "
            f"earlier exercises keep their points").status
    if result.get("timeout"):
        notes.append("cell-timeout: 시간 제한을 넘은 셀이 있어 그 테스트는 0점 / a cell timed out")
    return "ok" if not notes else "ok; " + "; ".join(notes)


SETUP = "준비 셀(setup)"


def cell_owners(graded) -> list[str | None]:
    """채점 노트북의 셀마다 그 셀이 속한 연습문제 id (첫 답안 셀 앞의 준비 셀은 None).

    답안 셀은 자기 grade_id, harvest 셀은 그 테스트의 연습문제, 학생이 덧붙인 셀은 바로 앞 답안 셀의 문제다.
    """
    owners, current = [], None
    for cell in graded.cells:
        test = cell.get("metadata", {}).get("dlbook", {}).get("test")
        if test:
            current = _cells.exercise_of(test)
        elif _cells.is_answer(cell):
            current = _cells.grade_id(cell)
        owners.append(current)
    return owners


def after_kernel_death(result: dict, owners: list, exercises: dict, tests: dict, messages: dict) -> str | None:
    """커널이 죽은 셀의 연습문제부터 뒤의 문제는 0점으로 한다 (그 뒤에 남은 결과 파일은 믿지 않는다).

    돌려주는 것: 죽은 곳의 이름 (연습문제 id 또는 준비 셀), 모르면 None. ``tests``와 ``messages``를 고친다.
    """
    at = result.get("died_at")
    if not result.get("kernel_died") or not isinstance(at, int) or not 0 <= at < len(owners):
        return None
    order = list(exercises)
    killer = owners[at]
    first = order.index(killer) if killer in order else 0
    lost = set(order[first:])
    where = killer if killer in order else SETUP
    for gid, (_score, max_score) in list(tests.items()):
        if _cells.exercise_of(gid) in lost:
            tests[gid] = (0.0, max_score)
            messages[gid] = (f"{where}을(를) 실행하다가 커널이 죽어 이 테스트는 채점하지 못했습니다 "
                             f"/ the kernel died while running {where}")
    return where


def _grading_notebook(graded, release_nb, checks: dict) -> tuple[Any, dict[str, int]]:
    """조립한 노트북의 테스트 셀을 harvest 셀로 바꾼다. (노트북, 테스트 grade_id → harvest 번호)."""
    index_of = {}
    out = nbformat.v4.new_notebook(metadata=release_nb.metadata)
    for cell in graded.cells:
        if _cells.is_test(cell):
            gid = _cells.grade_id(cell)
            index_of[gid] = len(index_of)
            cell = nbformat.v4.new_code_cell(_judge.harvest_source(index_of[gid], checks[gid]),
                                             metadata={"dlbook": {"test": gid}})
        out.cells.append(cell)
    return out, index_of


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:   # 조각씩 읽는다: 출력이 큰 노트북도 메모리에 통째로 올리지 않는다
        return hashlib.file_digest(f, "sha256").hexdigest()


def _tests_fingerprint(chapter: str, source_nb_path: Path) -> str:
    """채점 기준의 지문: 강사용 노트북, 숨은 사례, 공개 사례, 검사기, 채점기 코드. 하나라도 바뀌면 다시 채점한다."""
    import dlbook
    package = Path(dlbook.__file__).resolve().parent
    files = [source_nb_path, source_nb_path.parent / f"{chapter}_hidden.py",
             package / "exercises" / f"{chapter}.py", package / "checker.py",
             *sorted(Path(__file__).resolve().parent.glob("*.py"))]
    digest = hashlib.sha256()
    for path in files:
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _environment(options: Options) -> dict:
    """채점 환경: 다시 채점해 같은 결과를 재현하는 데 필요한 것."""
    from importlib.metadata import PackageNotFoundError, version
    env = {"python": sys.version.split()[0], "platform": sys.platform,
           "sandbox": "none (--unsafe)" if options.unsafe else "bubblewrap", "PYTHONHASHSEED": "0",
           "limits": dataclasses.asdict(options.limits())}
    for package in ("numpy", "tensorflow", "keras", "scikit-learn", "scipy", "nbclient", "ipykernel"):
        try:
            env[package] = version(package)
        except PackageNotFoundError:
            env[package] = None
    bwrap = _sandbox.bwrap_path()
    if bwrap and not options.unsafe:
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            env["bwrap"] = subprocess.run([bwrap, "--version"], capture_output=True, text=True,
                                          timeout=10).stdout.strip()
    return env


def _receipt_path(out_dir: Path, student_id: str) -> Path:
    return out_dir / "receipts" / f"{student_id}.json"


def _reusable(out_dir: Path, sub: Submission, fingerprint: dict) -> dict | None:
    """이미 같은 제출물·같은 기준·같은 환경으로 채점한 영수증이 있으면 그 내용 (다시 채점하지 않는다)."""
    path = _receipt_path(out_dir, sub.student_id)
    try:
        receipt = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(receipt, dict) or sub.path is None:
        return None
    same = all(receipt.get(k) == v for k, v in fingerprint.items()) and \
        receipt.get("submission_sha256") == _sha256(sub.path)
    return receipt if same and isinstance(receipt.get("row"), dict) else None


def _progress_line(n: int, total: int, started: float, text: str) -> str:
    width = 20
    done = width * n // max(total, 1)
    elapsed = time.monotonic() - started
    left = elapsed / n * (total - n) if n else 0.0

    def clock(seconds: float) -> str:
        return f"{int(seconds) // 60}:{int(seconds) % 60:02d}"

    return f"[{'#' * done}{'-' * (width - done)}] {n}/{total} {text} · 경과 {clock(elapsed)}, 남은 시간 약 {clock(left)}"


def autograde(chapter: str, submissions: Path, out_dir: Path | None = None, options: Options | None = None,
              *, root: Path = _paths.ROOT, progress=print, force: bool = False) -> list[dict]:
    """``submissions``를 채점해 ``out_dir``에 grades.csv, 보고서(report.html/json), 학생별 피드백과
    영수증(receipts/)을 쓴다. 노트북은 이 기계의 스레드 작업자(``options.workers``)나 Dask 클러스터
    (``options.scheduler``)의 상자에서 실행하고, 판정과 기록은 언제나 이 프로세스 한 곳에서 한다.

    영수증의 제출물 해시, 채점 기준의 지문, 환경이 모두 같은 학생은 다시 채점하지 않고 이전 결과를 쓴다
    (중단했다가 다시 실행해도 잃는 것이 없다). ``force=True``이면 모두 다시 채점한다.
    """
    options = options or Options()
    limits = options.limits()
    if not options.unsafe:
        ok, why = _sandbox.probe()
        if not ok:
            raise GraderError(f"{why}\n안전한 상자 없이는 채점하지 않습니다. 믿을 수 있는 제출물이면 --unsafe로 "
                              f"실행하세요 / refusing to grade without a sandbox; pass --unsafe to grade anyway")
    source_nb_path = _paths.source_notebook(chapter, root)
    release_path = _paths.release_notebook(chapter, root)
    if not release_path.is_file():
        raise GraderError(f"학생용 노트북이 없습니다: {release_path}. `make release`를 실행하세요 / run `make release`")
    release_nb = nbformat.read(release_path, as_version=4)
    source_nb = nbformat.read(source_nb_path, as_version=4)
    exercises = _cells.exercises(release_nb)
    max_total = sum(exercises.values())
    checks = _judge.test_checks(source_nb)
    points = {_cells.grade_id(c): float(_cells.nbgrader_meta(c).get("points", 0))
              for c in source_nb.cells if _cells.is_test(c)}
    out_dir = Path(out_dir or _paths.grading_dir(root) / "out" / chapter)
    work = _paths.grading_dir(root) / chapter
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    subs, warnings = collect(Path(submissions), source_nb_path.name, work, chapter, options.roster)
    for w in warnings:
        progress(w)
    out_dir.mkdir(parents=True, exist_ok=True)
    fingerprint = {"chapter": chapter, "tests_sha256": _tests_fingerprint(chapter, source_nb_path),
                   "environment": _environment(options)}
    reused = {} if force else {sub.student_id: r for sub in subs if sub.problem is None
                               for r in [_reusable(out_dir, sub, fingerprint)] if r is not None}
    plan_file = work / "plan.pkl"
    verdicts = None
    if len(reused) < sum(sub.problem is None for sub in subs):
        _judge.prepare(checks, source_nb_path.parent, work)
        verdicts = _judge.Verdicts(work, checks, points)
        os.chmod(plan_file, 0o644)

    jobs: list[tuple[Submission, dict | None]] = []
    for i, sub in enumerate(subs, start=1):
        if sub.student_id in reused:
            jobs.append((sub, {"reused": reused[sub.student_id]}))
            continue
        if sub.problem is None:
            try:
                nb = read_notebook(sub.path, notes=sub.notes)
                sub.notes += compare_with_release(nb, release_nb)
                graded, index_of = _grading_notebook(assemble(nb, release_nb), release_nb, checks)
            except SubmissionError as exc:
                sub.problem = exc
            except Exception as exc:  # 어떤 이상한 노트북도 채점 전체를 멈추지 않는다
                sub.problem = SubmissionError("not-a-notebook", f"노트북 구조를 읽을 수 없습니다 ({type(exc).__name__})",
                                              f"cannot read the notebook structure: {exc}")
        if sub.problem is not None:
            jobs.append((sub, None))
            continue
        jobs.append((sub, {"key": _safe_id(i), "notebook": nbformat.writes(graded), "index_of": index_of,
                           "owners": cell_owners(graded),
                           "limits": dataclasses.asdict(limits), "unsafe": options.unsafe}))

    if options.scheduler:
        runner = _dask_runner(options.scheduler, plan_file, options.unsafe, progress)
    else:
        runner = _local_runner(work, plan_file, options.workers)

    rows, details = [], {}
    started = time.monotonic()
    # 결과는 제출 순서대로 받는다: 작업자 수나 Dask 여부와 상관없이 같은 표가 나온다 (쓰는 곳은 여기 한 곳)
    with runner as run:
        for n, (sub, job, result) in enumerate(run(jobs), start=1):
            if "reused" in result:
                row = result["reused"]["row"]
                details[sub.student_id] = {"seconds": result["reused"].get("seconds"),
                                           "messages": result["reused"].get("messages") or {}}
                progress(_progress_line(n, len(jobs), started, f"{sub.student_id}: {row['total']:g}/{max_total:g} "
                                        f"(이전 결과 / unchanged, not regraded)"))
                rows.append(row)
                continue
            tests, messages, died_in = {}, {}, None
            if result and not result.get("fatal"):
                tests, messages = verdicts.judge(result.get("harvest") or {}, job["index_of"])
                died_in = after_kernel_death(result, job.get("owners") or [], exercises, tests, messages)
                texts = [c.get("error", "") for c in result.get("cells", {}).values()]
                if any(t.startswith(("KeyboardInterrupt", "CellTimeoutError")) for t in texts):
                    result["timeout"] = True
            scores = _feedback.exercise_scores(tests, exercises)
            status = sub.problem.status if sub.problem else _status(sub, result, died_in)
            row = {"student_id": sub.student_id, "chapter": chapter, **scores,
                   "total": sum(scores.values()), "max_total": max_total, "status": status}
            details[sub.student_id] = {"seconds": result.get("seconds"), "messages": messages}
            _feedback.write(out_dir, row, exercises, tests, messages)
            _write_receipt(out_dir, sub, row, tests, messages, fingerprint, result.get("seconds"))
            rows.append(row)
            progress(_progress_line(n, len(jobs), started,
                                    f"{sub.student_id}: {row['total']:g}/{max_total:g} ({status.split(':')[0]})"))
    write_csv(out_dir / "grades.csv", rows, list(exercises))
    write_lms_csv(out_dir, chapter, rows, subs)
    _report.write(out_dir, chapter, rows, exercises, details)
    return rows


def _write_receipt(out_dir: Path, sub: Submission, row: dict, tests: dict, messages: dict, fingerprint: dict,
                   seconds: float | None) -> None:
    """학생별 채점 영수증: 무엇을(제출물 해시) 어떤 기준과 환경으로 채점해 몇 점이었나. 다시 채점할 때 비교한다."""
    receipt = {
        "student_id": sub.student_id,
        "submission_file": sub.path.name if sub.path else None,
        "submission_sha256": _sha256(sub.path) if sub.path and sub.path.is_file() else None,
        **fingerprint,
        "seeds": {"PYTHONHASHSEED": "0", "cases": "dlbook.exercises와 숨은 사례 파일의 고정 시드 / fixed seeds"},
        "graded_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "seconds": seconds,
        "row": row,
        "tests": {k: list(v) for k, v in tests.items()},
        "messages": messages,
    }
    path = _receipt_path(out_dir, sub.student_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(receipt, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)   # 중단되어도 반쯤 쓴 영수증이 남지 않는다


def write_csv(path: Path, rows: list[dict], exercise_ids: list[str]) -> None:
    """grades.csv: 학번·status처럼 밖에서 온 글자는 스프레드시트 수식이 되지 않게 거른다 (:mod:`grader._csvsafe`)."""
    _csvsafe.write(path, ["student_id", "chapter", *exercise_ids, "total", "max_total", "status"], rows)


LMS_FIELDS = ["student_id", "name", "total", "max_total", "feedback_file"]


def write_lms_csv(out_dir: Path, chapter: str, rows: list[dict], subs: list[Submission]) -> list[Path]:
    """LMS 성적 가져오기용 CSV. 언제나 ``lms_grades.csv``(학번, 이름, 총점, 만점, 피드백 파일 이름)를 쓰고,
    학번이 Moodle·Canvas에서 왔으면 그 LMS가 가져오는 모양도 하나 더 쓴다.

    - ``moodle_grading_worksheet.csv``: 과제의 "채점표 올리기(Upload grading worksheet)" 모양
      (Identifier = "Participant <번호>", Full name, Grade, Maximum Grade, Feedback comments).
    - ``canvas_gradebook.csv``: 성적부 가져오기 모양 (Student, ID, SIS User ID, SIS Login ID, Section, 장 이름 열).
    """
    by_id = {sub.student_id: sub for sub in subs}
    names = {sid: sub.name for sid, sub in by_id.items()}
    written = [out_dir / "lms_grades.csv"]
    _csvsafe.write(written[0], LMS_FIELDS, ({"student_id": r["student_id"], "name": names.get(r["student_id"], ""),
                                            "total": r["total"], "max_total": r["max_total"],
                                            "feedback_file": f"{r['student_id']}.html"} for r in rows))
    lms_of = {sid: sub.lms for sid, sub in by_id.items()}
    moodle = [r for r in rows if lms_of.get(r["student_id"]) == "moodle"]
    if moodle:
        written.append(out_dir / "moodle_grading_worksheet.csv")
        _csvsafe.write(written[-1], ["Identifier", "Full name", "Grade", "Maximum Grade", "Feedback comments"],
                       ({"Identifier": f"Participant {r['student_id']}", "Full name": names.get(r["student_id"], ""),
                         "Grade": r["total"], "Maximum Grade": r["max_total"],
                         "Feedback comments": f"feedback/{r['student_id']}.html"} for r in moodle))
    canvas = [r for r in rows if lms_of.get(r["student_id"]) == "canvas"]
    if canvas:
        written.append(out_dir / "canvas_gradebook.csv")
        _csvsafe.write(written[-1], ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", chapter],
                       ({"Student": names.get(r["student_id"], ""), "ID": r["student_id"], "SIS User ID": "",
                         "SIS Login ID": "", "Section": "", chapter: r["total"]} for r in canvas))
    return written
