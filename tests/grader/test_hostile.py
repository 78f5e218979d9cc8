"""적대적인 제출물: 점수를 속이거나, 비밀을 읽거나, 채점기를 해치려는 답이 아무것도 얻지 못하는가.

작은 장(1장의 RMSE 3점 + 미니배치 1점)을 상자(bubblewrap) 안에서 한 번에 채점한다. 학생마다 RMSE 답안 셀을
공격 코드로 바꾸고, 공격이 성공했을 때만 맞는 답을 내게 한다: 그래서 ch01-ex1-rmse가 0점이면 공격이 실패한 것이다.
"""
from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
from pathlib import Path

import pytest

from grader import _sandbox
from grader._autograde import Options, autograde
from grader._release import release

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("hostile")]

CORRECT = "tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true)))"
WRONG = "tf.constant(-1.0)"


def _answer(prelude: str, success: str) -> str:
    """``prelude``를 실행한 뒤, 공격이 성공했으면(``success``가 참) 맞는 답, 아니면 틀린 답을 내는 rmse."""
    return (f"{prelude}\n\n"
            f"def rmse(y_true, y_pred):\n"
            f"    return {CORRECT} if ({success}) else {WRONG}\n")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    ok, why = _sandbox.probe()
    if not ok:
        if os.environ.get("DLBOOK_REQUIRE_SANDBOX") == "1":
            pytest.fail(f"상자를 만들 수 없다 / sandbox unavailable: {why}")
        pytest.skip(f"상자를 만들 수 없다 / sandbox unavailable: {why}")
    from helpers import make_repo
    repo = make_repo(tmp_path_factory.mktemp("hostile") / "repo")
    release(["ch01"], root=repo)
    hidden = repo / "solutions" / "ch01" / "ch01_hidden.py"
    secret_home = Path.home() / ".dlbook-test-secret"
    secret_home.write_text("instructor secret", encoding="utf-8")
    subs = repo.parent / "subs"
    victim = subs / "victim" / "ch01_toy.ipynb"
    grades_probe = repo / "grading" / "out" / "ch01" / "grades.csv"
    outside = tmp_path_factory.mktemp("outside") / "pwned.txt"

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.settimeout(0.5)
    port = server.getsockname()[1]
    connections = []
    stop = threading.Event()

    def accept():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
                connections.append(conn)
            except OSError:
                pass

    threading.Thread(target=accept, daemon=True).start()

    attacks = {
        # 검사기, NumPy, harvest를 고쳐 비교를 속인다
        "patch-checker": _answer(
            "import numpy as np, dlbook.checker as C, grader._harvest as H\n"
            "C.compare_close = lambda *a, **k: None\nC.compare_arrays = lambda *a, **k: None\n"
            "np.allclose = lambda *a, **k: True\nnp.testing.assert_allclose = lambda *a, **k: None\n"
            "C.check = lambda *a, **k: print('통과')", "False"),
        # 뒤의 모든 셀을 try/except로 감싸는 입력 변환기 (nbgrader를 속이는 고전적인 방법)
        "input-transformer": _answer(
            "def _wrap(lines):\n    return ['try:\\n'] + ['    ' + l for l in lines] + "
            "['\\nexcept BaseException:\\n    pass\\n']\nget_ipython().input_transformers_post.append(_wrap)",
            "False"),
        # 모든 예외를 삼키는 사용자 정의 예외 처리기
        "custom-exc": _answer("get_ipython().set_custom_exc((BaseException,), lambda *a, **k: None)", "False"),
        # 결과 파일을 미리 가짜로 써 두고 고칠 수 없게 한다
        "fake-results": _answer(
            "import os, json\nos.makedirs('out', exist_ok=True)\n"
            "for i in range(3):\n    open(f'out/test-{i}.json', 'w').write(json.dumps([]))\n"
            "    os.chmod(f'out/test-{i}.json', 0o444)", "False"),
        # 숨은 테스트, 다른 학생의 제출물, 강사의 홈을 읽는다
        "read-secrets": _answer(
            f"import os\nSEEN = [p for p in {[str(hidden), str(victim), str(secret_home), str(repo)]!r} "
            f"if os.path.exists(p)]", "SEEN"),
        # 저장소·채점 결과·상자 밖 파일에 쓴다
        "write-outside": _answer(
            "TRIED = []\n"
            f"for p in {[str(hidden), str(grades_probe), str(outside), str(victim)]!r}:\n"
            "    try:\n        open(p, 'a').write('pwned')\n        TRIED.append(p)\n"
            "    except OSError:\n        pass", "TRIED"),
        # 상자 밖(호스트)의 loopback 서버와 인터넷에 연결한다
        "network": _answer(
            "import socket\nNET = []\n"
            f"for addr in [('127.0.0.1', {port}), ('pypi.org', 443)]:\n"
            "    try:\n        socket.create_connection(addr, timeout=2).close()\n        NET.append(addr)\n"
            "    except OSError:\n        pass", "NET"),
        # 채점기(이 테스트 프로세스)와 보이는 모든 프로세스에 SIGKILL
        "kill-grader": _answer(
            "import os, signal\nKILLED = []\n"
            f"for pid in [{os.getpid()}, os.getppid(), 1]:\n"
            "    try:\n        os.kill(pid, signal.SIGKILL)\n        KILLED.append(pid)\n"
            "    except OSError:\n        pass", "False"),
        # 메모리 폭탄: 상자 전체의 메모리 제한을 넘긴다
        "memory-bomb": _answer("import numpy as np\n_hog = np.ones(3 * 1024 ** 3 // 8)", "False"),
        # 디스크 채우기: 작업 폴더(채점 기계의 디스크)에 100 MB 파일 넷을 쓰고 계속 돈다
        "disk-scratch": _answer(
            "import os, time\nblock = os.urandom(1 << 20)\nfor k in range(4):\n"
            "    with open(f'fill-{k}.bin', 'wb') as f:\n        for _ in range(100):\n            f.write(block)\n"
            "time.sleep(5)", "False"),
        # /tmp(tmpfs, 곧 메모리) 채우기: 꽉 찰 때까지 쓰고 오류를 삼킨다
        "disk-tmp": _answer(
            "import os, time\nblock = os.urandom(1 << 20)\ntry:\n    with open('/tmp/fill.bin', 'wb') as f:\n"
            "        for _ in range(400):\n            f.write(block)\n            f.flush()\nexcept OSError:\n"
            "    pass\ntime.sleep(5)", "False"),
        # 프로세스 폭탄: 자는 자식을 한없이 만든다 (프로세스 수 제한에 막힌다)
        "fork-bomb": _answer(
            "import os, time\nFORKED = 0\n"
            "for _ in range(5000):\n    try:\n        pid = os.fork()\n"
            "    except OSError:\n        break\n    if pid == 0:\n        os.execv('/usr/bin/sleep', ['sleep', '314.159'])\n"
            "    FORKED += 1", "FORKED >= 5000"),
    }
    solved = json.loads((repo / "solutions" / "ch01" / "ch01_toy.ipynb").read_text(encoding="utf-8"))
    files = {"victim": solved}
    for name, source in attacks.items():
        nb = json.loads(json.dumps(solved))
        for cell in nb["cells"]:
            if cell["metadata"].get("nbgrader", {}).get("grade_id") == "ch01-ex1-rmse":
                cell["source"] = source
        files[name] = nb
    for name, nb in files.items():
        (subs / name).mkdir(parents=True)
        (subs / name / "ch01_toy.ipynb").write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    before = {p: _sha(p) for p in [hidden, victim]}
    out = repo.parent / "out"
    try:
        rows = autograde("ch01", subs, out, Options(workers=2, cell_timeout=30, notebook_timeout=240,
                                                    memory_mb=2048, processes=128, disk_mb=200),
                         root=repo, progress=lambda *_: None)
    finally:
        stop.set()
        server.close()
        secret_home.unlink()
    big = [p for p in (repo / "grading").rglob("*") if p.is_file() and p.stat().st_size > 50 * 1024 * 1024]
    return {"rows": {r["student_id"]: r for r in rows}, "before": before, "after": {p: _sha(p) for p in before},
            "big_files_left": big,
            "outside": outside, "connections": connections, "grades": out / "grades.csv"}


def test_honest_student_still_gets_full_marks(hostile):
    row = hostile["rows"]["victim"]
    assert row["total"] == row["max_total"] == 4 and row["status"] == "ok", row


@pytest.mark.parametrize("attack", ["patch-checker", "input-transformer", "custom-exc", "fake-results"])
def test_tampering_with_the_comparison_gains_nothing(hostile, attack):
    row = hostile["rows"][attack]
    assert row["ch01-ex1-rmse"] == 0, row
    assert row["ch01-ex4-minibatches"] == 1, row   # 다른 문제는 제대로 채점된다


def test_secrets_are_invisible(hostile):
    assert hostile["rows"]["read-secrets"]["ch01-ex1-rmse"] == 0, hostile["rows"]["read-secrets"]


def test_nothing_outside_the_sandbox_is_written(hostile):
    assert hostile["rows"]["write-outside"]["ch01-ex1-rmse"] == 0
    assert hostile["before"] == hostile["after"]
    assert not hostile["outside"].exists()
    assert "pwned" not in hostile["grades"].read_text(encoding="utf-8-sig")


def test_no_network(hostile):
    assert hostile["rows"]["network"]["ch01-ex1-rmse"] == 0
    assert hostile["connections"] == []


def test_grader_survives_signals(hostile):
    # 이 테스트 프로세스가 살아서 여기까지 왔다는 것 자체가 증거다; 그 학생도 상태와 함께 채점된다
    # 상자 안에서 보이는 것은 자기 실행기와 커널뿐이다: 그것을 죽이면 자기 채점만 끝난다
    row = hostile["rows"]["kill-grader"]
    assert row["ch01-ex1-rmse"] == 0, row
    assert row["status"].startswith(("sandbox-died", "kernel-died", "ok")), row["status"]


def test_memory_bomb_ends_only_that_submission(hostile):
    row = hostile["rows"]["memory-bomb"]
    assert row["total"] == 0 or row["ch01-ex1-rmse"] == 0
    assert row["status"].startswith(("memory", "kernel-died", "ok")), row["status"]
    assert " / " in row["status"] or row["status"].startswith("ok")


def test_fork_bomb_is_bounded(hostile):
    import psutil
    row = hostile["rows"]["fork-bomb"]
    assert row["ch01-ex1-rmse"] == 0, row
    # 자식들은 'sleep 314.159'로 바뀌어 5분 넘게 잔다: 상자가 끝났으면 하나도 남지 않아야 한다
    # (다른 테스트가 동시에 돌리는 상자와 헷갈리지 않게 이 명령줄로만 찾는다)
    leftovers = [p for p in psutil.process_iter(["cmdline"]) if p.info["cmdline"] == ["sleep", "314.159"]]
    assert not leftovers, f"상자가 끝난 뒤에도 남은 프로세스: {leftovers}"


@pytest.mark.parametrize("attack", ["disk-scratch", "disk-tmp"])
def test_disk_quota_ends_only_that_submission(hostile, attack):
    """작업 폴더나 /tmp에 한도(200 MB)보다 많이 쓰면 그 학생만 disk 상태로 끝나고, 쓴 파일은 지워진다."""
    row = hostile["rows"][attack]
    assert row["status"].startswith("disk: ") and "200 MB" in row["status"], row["status"]
    assert "디스크 쓰기 제한" in row["status"] and "disk quota" in row["status"]
    assert row["total"] == 0
    assert hostile["big_files_left"] == []
