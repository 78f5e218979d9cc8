"""학생 코드를 가두는 상자: bubblewrap(bwrap)으로 만든 리눅스 이름공간 + rlimit + 메모리 감시.

상자 안에서 보이는 것 / what a submission can see:

- 읽기 전용: 운영체제(/usr, /etc), 파이썬 설치, 가상환경, 공개 패키지 ``dlbook``과 ``grader``.
  저장소의 나머지(``solutions/``, 숨은 테스트, 다른 학생의 제출물, gradebook, 강사의 홈)는 아예 없다.
- 쓰기: 그 학생의 작업 폴더 하나(``/work/sandbox``)와 빈 ``/tmp``, ``/dev/shm``뿐. 셋을 합쳐 쓸 수 있는 양은
  ``Limits.disk_mb``다: ``/tmp``와 ``/dev/shm``은 그 크기의 tmpfs(bwrap ``--size``)이고, 감시자가 셋의 합을
  재어 넘으면 상자를 끝낸다 (디스크를 채워 다른 학생의 채점을 망치지 못하게).
- 네트워크 이름공간이 따로라 밖으로 나가는 연결이 없다 (커널과의 통신은 상자 안의 loopback).
- PID 이름공간이 따로라 채점기와 다른 학생의 프로세스를 볼 수도, 신호를 보낼 수도 없다.
- root로 채점하면 상자 안에서는 학생마다 다른 일반 uid로 바꾸어 실행한다: 파일 권한과 프로세스 수 제한
  (RLIMIT_NPROC)이 실제로 걸린다.

bwrap이 없거나 이 기계에서 이름공간을 만들 수 없으면 :func:`probe`가 이유를 말하고, 채점기는
``--unsafe``를 받기 전에는 채점하지 않는다.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

INSIDE = Path("/work/sandbox")          # 상자 안에서 본 학생 작업 폴더
PLAN_INSIDE = Path("/work/plan.pkl")    # 상자 안에서 본 사례 파일 (읽기 전용)
# root로 채점할 때 학생 슬롯 k의 uid = BASE_UID + k. 한 기계에서 채점기 둘을 함께 돌릴 때(두 과목, 또는 채점과 테스트)는
# 프로세스 수 제한(RLIMIT_NPROC)을 uid마다 세므로 DLBOOK_SANDBOX_UID_BASE로 서로 다른 범위를 준다.
BASE_UID = int(os.environ.get("DLBOOK_SANDBOX_UID_BASE", "61000"))


@dataclass(frozen=True)
class Limits:
    """학생 한 명(노트북 한 번 실행)에 거는 제한. 기본값은 2코어·24GB 기계에서 작업자 2개가 버틴다."""

    cell_timeout: int = 120        # 셀 하나의 벽시계 시간 (초)
    notebook_timeout: int = 900    # 노트북 전체의 벽시계 시간 (초)
    cpu_seconds: int = 1200        # 프로세스 하나가 쓸 CPU 시간 (RLIMIT_CPU, 초)
    memory_mb: int = 6144          # 상자 안 프로세스 전체의 상주 메모리 합 (감시자가 넘으면 끝낸다)
    address_space_mb: int = 16384  # 프로세스 하나의 가상 메모리 (RLIMIT_AS; TensorFlow가 3GB 가까이 예약한다)
    processes: int = 256           # 상자 uid의 프로세스·스레드 수 (RLIMIT_NPROC; TensorFlow 스레드 포함)
    file_mb: int = 512             # 파일 하나의 최대 크기 (RLIMIT_FSIZE; disk_mb보다 크지 않게 줄인다)
    disk_mb: int = 1024            # 작업 폴더 + /tmp + /dev/shm에 쓸 수 있는 양의 합 (감시자가 넘으면 끝낸다)
    disk_files: int = 20000        # 작업 폴더 안 파일·폴더 수 (작은 파일 수십만 개로 감시를 느리게 하지 못하게)


def python() -> str:
    """상자 안에서 쓸 파이썬: 가상환경의 python (심볼릭 링크를 푼 가상환경 경로 아래)."""
    return str(Path(sys.prefix).resolve() / "bin" / "python")


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


def _python_roots() -> list[Path]:
    """파이썬이 돌아가는 데 필요한 폴더: 가상환경과 그 바탕 설치 (둘 다 읽기 전용으로 넣는다)."""
    roots = {Path(sys.prefix).resolve(), Path(sys.base_prefix).resolve(),
             Path(os.path.realpath(sys.executable)).parent.parent}
    return sorted(r for r in roots if not str(r).startswith(("/usr", "/etc")))


def _package_dirs() -> list[Path]:
    import dlbook
    import grader
    return [Path(dlbook.__file__).resolve().parent, Path(grader.__file__).resolve().parent]


def _mkdirs(args: list[str], path: Path, made: set[Path]) -> None:
    """bwrap이 스스로 만드는 중간 폴더는 0700이라 일반 uid가 못 지나간다: 0755로 미리 만든다."""
    for parent in list(reversed(path.parents))[1:] + [path]:
        if parent not in made:
            args += ["--perms", "0755", "--dir", str(parent)]
            made.add(parent)


@functools.lru_cache(maxsize=1)
def tmpfs_size_supported() -> bool:
    """이 bwrap이 ``--size``(tmpfs 크기 제한)를 아는가. 모르면 tmpfs 크기는 그대로 두고 감시자만 잰다."""
    bwrap = bwrap_path()
    if bwrap is None:
        return False
    try:
        return "--size" in subprocess.run([bwrap, "--help"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return False


def _tmpfs(path: str, disk_mb: int | None) -> list[str]:
    size = ["--size", str(disk_mb * 1024 * 1024)] if disk_mb and tmpfs_size_supported() else []
    return ["--perms", "1777", *size, "--tmpfs", path]


def command(inner: list[str], scratch: Path, plan: Path, slot: int, disk_mb: int | None = None) -> list[str]:
    """``inner`` 명령을 상자 안에서 실행하는 bwrap 명령줄. ``disk_mb``: /tmp와 /dev/shm tmpfs의 크기."""
    bwrap = bwrap_path()
    if bwrap is None:
        raise FileNotFoundError("bwrap")
    args = [bwrap, "--die-with-parent", "--new-session",
            "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    root = os.geteuid() == 0
    if not root:
        args.append("--unshare-user")   # 일반 사용자는 사용자 이름공간으로 상자를 만든다
    args += ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        p = Path("/") / name
        if p.is_symlink():
            args += ["--symlink", os.readlink(p), str(p)]
        elif p.is_dir():
            args += ["--ro-bind", str(p), str(p)]
    # /tmp를 먼저 비운다: 가상환경이나 저장소가 /tmp 아래에 있어도(깨끗한 클론의 CI) 뒤의 bind가 그 위에 얹힌다
    args += _tmpfs("/tmp", disk_mb)
    made: set[Path] = set()
    for path in _python_roots() + _package_dirs():
        _mkdirs(args, path.parent, made)
        args += ["--ro-bind", str(path), str(path)]
    _mkdirs(args, INSIDE.parent, made)
    args += ["--bind", str(scratch), str(INSIDE), "--ro-bind", str(plan), str(PLAN_INSIDE),
             "--proc", "/proc", "--dev", "/dev",
             *_tmpfs("/dev/shm", disk_mb),
             "--ro-bind", "/sys", "/sys", "--chdir", str(INSIDE),
             "--clearenv", "--setenv", "HOME", str(INSIDE), "--setenv", "PATH", "/usr/bin:/bin",
             "--setenv", "LANG", "C.UTF-8", "--setenv", "TMPDIR", "/tmp",
             # 공개 패키지를 넣은 자리를 import 경로 앞에 둔다 (편집 가능 설치가 가리키는 곳과 달라도 되게)
             "--setenv", "PYTHONPATH", os.pathsep.join(sorted({str(p.parent) for p in _package_dirs()})), "--"]
    if root:
        uid = str(BASE_UID + slot)
        args += ["/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
                 "--inh-caps=-all", "--bounding-set=-all", "--"]
    return args + inner


def sandbox_uid(slot: int) -> int | None:
    """root로 채점할 때 슬롯의 uid (작업 폴더를 그 uid에게 넘긴다). 일반 사용자면 None."""
    return BASE_UID + slot if os.geteuid() == 0 else None


@functools.lru_cache(maxsize=1)
def probe() -> tuple[bool, str]:
    """이 기계에서 상자를 만들 수 있는가: (가능 여부, 안 되면 이유)."""
    bwrap = bwrap_path()
    if bwrap is None:
        return False, ("bubblewrap(bwrap)이 설치되어 있지 않습니다. `make setup`(root) 또는 "
                       "`sudo apt-get install bubblewrap`으로 설치하세요 / bubblewrap is not installed")
    if os.geteuid() == 0 and not Path("/usr/bin/setpriv").exists():
        return False, "setpriv(util-linux)가 없습니다 / setpriv (util-linux) is missing"
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        scratch, plan = Path(tmp) / "s", Path(tmp) / "plan.pkl"
        scratch.mkdir()
        plan.write_bytes(b"")
        os.chmod(tmp, 0o755)
        uid = sandbox_uid(0)
        if uid is not None:
            os.chown(scratch, uid, uid)
        cmd = command([python(), "-c",
                       "import os, sys; open('/work/sandbox/ok', 'w').write(str(os.path.exists(sys.argv[1])))",
                       str(Path(__file__).resolve().parents[1] / "solutions")], scratch, plan, 0)
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        except (OSError, subprocess.TimeoutExpired) as exc:
            return False, f"bwrap을 실행할 수 없습니다 / cannot run bwrap: {exc}"
        ok = scratch / "ok"
        if proc.returncode != 0 or not ok.is_file():
            return False, (f"이 기계에서 bwrap 상자를 만들 수 없습니다 (사용자 이름공간이 꺼져 있나?) "
                           f"/ bwrap cannot create a sandbox here: {proc.stderr.strip()[-300:]}")
        if ok.read_text() != "False":
            return False, "상자 안에서 저장소가 보입니다 / the repository is visible inside the sandbox"
    return True, ""
