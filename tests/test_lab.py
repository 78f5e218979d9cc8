"""JupyterLab 연기 시험(smoke test): 학생이 쓰는 그대로 `make lab`으로 서버를 띄우고 그 서버를 통해

1. JupyterLab 앱 화면과 위젯·nbgrader·plotly 확장이 나오는지,
2. 장 노트북을 열어(contents API) 준비 셀과 위젯 셀을 진짜 커널에서 실행하면 살아 있는 ipywidget이
   나오는지 (책 빌드의 DLBOOK_STATIC=1이 환경에 있어도 `make lab`은 그것을 지운다),
3. 학생의 "Validate" 단추가 부르는 nbgrader 서버 확장(`/assignments/validate`)이 푼 노트북은
   통과시키고 풀지 않은 노트북은 실패로 알리는지,
4. 서버가 깨끗이 멈추는지 (남는 jupyter·커널 프로세스 없음, 저장소에 남는 파일 없음)

를 본다. 서버의 런타임·설정·데이터 폴더는 임시 폴더로 돌려 사용자의 Jupyter 설정과 섞이지 않는다
(커널 명세는 가상환경(--sys-prefix)에 있으므로 그대로 찾는다).
"""
from __future__ import annotations

import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests
import websocket

ROOT = Path(__file__).resolve().parents[1]
WIDGET_CHAPTER = "ch01"      # 장치 속도 비교와 옵티마이저 탐색기 위젯이 있는 장
VALIDATE_CHAPTER = "ch09"    # 가장 빨리 끝까지 실행되는 장 가운데 하나 (Validate는 노트북 전체를 실행한다)
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"
START_TIMEOUT = 120          # 서버가 답할 때까지 기다리는 한도 (시간 판정이 아니라 멈춤 방지)
VALIDATE_TIMEOUT = 600
MARKER = "DLBOOK_LAB_TEST"   # 서버와 그 자식(커널)을 찾아내는 환경 변수
ANSI = re.compile(r"\x1b\[[0-9;]*m")

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("lab")]


def _notebook(folder: str, chapter: str) -> Path:
    found = sorted((ROOT / folder / chapter).glob(f"{chapter}_*.ipynb"))
    assert len(found) == 1, f"{folder}/{chapter}/ 에 노트북이 하나여야 한다: {found}"
    return found[0]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _marked_processes(marker: str) -> list[tuple[int, str]]:
    """환경에 ``MARKER=marker``가 있는 살아 있는 프로세스 (pid, 명령줄)."""
    needle = f"{MARKER}={marker}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if needle not in (entry / "environ").read_bytes().split(b"\0"):
                continue
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, IndexError):
            continue
        if state != "Z":   # 좀비는 이미 끝난 프로세스
            found.append((int(entry.name), cmdline.strip()))
    return found


def _tree(paths: list[Path]) -> set[str]:
    """파일 목록 (무시되는 파일과 .ipynb_checkpoints도 포함)."""
    return {str(p.relative_to(ROOT)) for d in paths for p in d.rglob("*")}


@dataclass
class Lab:
    proc: subprocess.Popen
    url: str
    token: str
    marker: str
    log: Path
    http: requests.Session = field(default_factory=requests.Session)

    def api(self, method: str, path: str, **kw) -> requests.Response:
        kw.setdefault("timeout", 60)
        return self.http.request(method, self.url + path, **kw)

    def log_tail(self) -> str:
        return self.log.read_text(errors="replace")[-4000:]

    def stop(self) -> int:
        """`make lab`의 프로세스 그룹에 SIGTERM (Ctrl+C처럼 서버가 커널을 정리하고 끝난다)."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        return self.proc.returncode


@pytest.fixture(scope="module")
def untouched():
    """시험이 건드리는 폴더의 처음 파일 목록."""
    dirs = [_notebook("chapters", WIDGET_CHAPTER).parent, _notebook("chapters", VALIDATE_CHAPTER).parent,
            _notebook("solutions", VALIDATE_CHAPTER).parent]
    return dirs, _tree(dirs)


@pytest.fixture(scope="module")
def lab(tmp_path_factory, untouched):
    home = tmp_path_factory.mktemp("lab")
    port, token, marker = _free_port(), secrets.token_hex(16), uuid.uuid4().hex
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL")}
    env.update({
        "JUPYTER_RUNTIME_DIR": str(home / "runtime"),   # 연결 파일, 서버 정보
        "JUPYTER_CONFIG_DIR": str(home / "config"),     # 사용자 설정·작업 공간 대신
        "JUPYTER_DATA_DIR": str(home / "data"),         # 커널 명세는 가상환경의 share/jupyter에서 찾는다
        "IPYTHONDIR": str(home / "ipython"),            # 커널의 실행 기록
        "PYTHONDONTWRITEBYTECODE": "1",                 # solutions/chNN/에 __pycache__를 남기지 않는다
        "DLBOOK_STATIC": "1",                           # 책 빌드의 스위치: `make lab`이 지워야 한다
        MARKER: marker,
    })
    venv = Path(sys.prefix)
    lab_args = " ".join([
        f"--port={port}", "--ServerApp.port_retries=0", "--ServerApp.ip=127.0.0.1",
        f"--IdentityProvider.token={token}", "--no-browser",
    ])
    log = home / "lab.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "-C", str(ROOT), "-o", f"{venv}/.setup-done", "lab",
             f"VENV={venv}", f"LAB_ARGS={lab_args}"],
            stdin=subprocess.DEVNULL, stdout=out, stderr=subprocess.STDOUT, env=env,
            start_new_session=True)   # 자기 프로세스 그룹: 끝에 그룹째 멈춘다
    server = Lab(proc, f"http://127.0.0.1:{port}", token, marker, log)
    server.http.headers["Authorization"] = f"token {token}"
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"`make lab`이 끝나 버렸다 (exit {proc.returncode}):\n{server.log_tail()}")
            try:
                if server.api("GET", "/api/status", timeout=5).status_code == 200:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"`make lab`이 {START_TIMEOUT}초 안에 답하지 않는다:\n{server.log_tail()}")
            time.sleep(0.5)
        yield server
    finally:
        server.stop()
        for pid, _ in _marked_processes(marker):   # 시험이 실패했어도 아무것도 남기지 않는다
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


# --- JupyterLab 자체 ------------------------------------------------------------------------------

def _page_config(html: str) -> dict:
    m = re.search(r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S)
    assert m, "JupyterLab 앱 화면에 jupyter-config-data가 없다"
    return json.loads(m.group(1))


def test_lab_serves_jupyterlab_from_repository_root(lab):
    start = lab.api("GET", "/")
    assert start.status_code == 200, start.text[:500]
    assert start.url.endswith("/lab/tree/chapters"), f"첫 화면이 chapters/가 아니다: {start.url}"

    page = lab.api("GET", "/lab")
    assert page.status_code == 200
    config = _page_config(page.text)
    assert config["appName"] == "JupyterLab"
    # 수업 환경: "공식 Jupyter 뉴스를 받겠는가" 알림을 띄우지 않는다 (make lab의 --LabApp.news_url=None)
    assert config.get("news") == {"disabled": True}, f"뉴스 알림이 켜져 있다: {config.get('news')}"
    assert Path(config["serverRoot"]).resolve() == ROOT, "서버 루트가 저장소 루트가 아니다"
    extensions = {e["name"] for e in config.get("federated_extensions", [])}
    for name in ("@jupyter-widgets/jupyterlab-manager", "@jupyter/nbgrader", "jupyterlab-plotly"):
        assert name in extensions, f"랩 확장 {name}이 없다: {sorted(extensions)}"


# --- 위젯 셀을 진짜 커널에서 --------------------------------------------------------------------

def _message(session: str, code: str) -> dict:
    return {
        "header": {"msg_id": uuid.uuid4().hex, "msg_type": "execute_request", "username": "test",
                   "session": session, "date": "", "version": "5.3"},
        "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
        "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                    "allow_stdin": False, "stop_on_error": True},
    }


def _execute(ws: websocket.WebSocket, session: str, code: str, timeout: float = 300) -> tuple[dict, list[dict]]:
    """셀 하나를 실행하고 (execute_reply 내용, 그 셀의 iopub 메시지들)을 돌려준다."""
    request = _message(session, code)
    ws.send(json.dumps(request))
    msg_id = request["header"]["msg_id"]
    reply, iopub, idle = None, [], False
    deadline = time.monotonic() + timeout
    while reply is None or not idle:
        ws.settimeout(max(1.0, deadline - time.monotonic()))
        msg = json.loads(ws.recv())
        if msg.get("parent_header", {}).get("msg_id") != msg_id:
            continue
        if msg["channel"] == "shell" and msg["msg_type"] == "execute_reply":
            reply = msg["content"]
        elif msg["channel"] == "iopub":
            iopub.append(msg)
            idle = msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"
        if time.monotonic() > deadline:
            raise TimeoutError(f"셀이 {timeout}초 안에 끝나지 않았다: {code[:80]!r}")
    return reply, iopub


def _problems(reply: dict, iopub: list[dict]) -> list[str]:
    out = [f"{m['content']['ename']}: {m['content']['evalue']}" for m in iopub if m["msg_type"] == "error"]
    out += [m["content"]["text"] for m in iopub
            if m["msg_type"] == "stream" and m["content"]["name"] == "stderr"]
    if reply["status"] != "ok":
        out.append(f"execute_reply: {reply.get('ename')}: {reply.get('evalue')}")
    return out


def _widget_cells(nb: dict) -> list[tuple[int, str]]:
    """dlbook.widgets의 함수를 부르는 코드 셀 (번호, 소스)."""
    cells = []
    for i, cell in enumerate(nb["cells"]):
        src = cell["source"] if isinstance(cell["source"], str) else "".join(cell["source"])
        names = re.findall(r"from dlbook\.widgets import (\w+)", src)
        if cell["cell_type"] == "code" and any(re.search(rf"^{n}\(", src, re.M) for n in names):
            cells.append((i, src))
    return cells


@pytest.fixture(scope="module")
def widget_notebook(lab) -> tuple[str, dict]:
    rel = _notebook("chapters", WIDGET_CHAPTER).relative_to(ROOT).as_posix()
    r = lab.api("GET", f"/api/contents/{rel}", params={"content": 1})
    assert r.status_code == 200, r.text[:500]
    model = r.json()
    assert model["type"] == "notebook" and model["path"] == rel
    return rel, model["content"]


def test_widget_cell_gives_live_widgets_in_a_real_kernel(lab, widget_notebook):
    rel, nb = widget_notebook
    kernel_name = nb["metadata"]["kernelspec"]["name"]
    specs = lab.api("GET", "/api/kernelspecs").json()["kernelspecs"]
    assert kernel_name in specs, f"노트북의 커널 {kernel_name}을 서버가 모른다: {sorted(specs)}"

    setup = [c for c in nb["cells"] if "setup" in c["metadata"].get("tags", [])]
    widgets_cells = _widget_cells(nb)
    assert setup, f"{rel}: 'setup' 태그가 붙은 준비 셀이 없다"
    assert widgets_cells, f"{rel}: dlbook.widgets를 부르는 셀이 없다"

    r = lab.api("POST", "/api/kernels", json={"name": kernel_name, "path": str(Path(rel).parent)})
    assert r.status_code == 201, r.text[:500]
    kernel_id = r.json()["id"]
    session = uuid.uuid4().hex
    ws = websocket.create_connection(
        lab.url.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels?session_id={session}",
        header=[f"Authorization: token {lab.token}"], timeout=60)
    try:
        for cell in setup:
            reply, iopub = _execute(ws, session, "".join(cell["source"]))
            assert not _problems(reply, iopub), f"준비 셀 실패: {_problems(reply, iopub)}"
        for index, src in widgets_cells:
            reply, iopub = _execute(ws, session, src)
            assert not _problems(reply, iopub), f"셀 {index} 실패: {_problems(reply, iopub)}"
            opened = {m["content"]["comm_id"]: m["content"]["data"]["state"] for m in iopub
                      if m["msg_type"] == "comm_open" and m["content"]["target_name"] == "jupyter.widget"}
            views = [m["content"]["data"][WIDGET_MIME] for m in iopub
                     if m["msg_type"] in ("display_data", "execute_result")
                     and WIDGET_MIME in m["content"]["data"]]
            assert len(views) == 1, (f"셀 {index}가 위젯 하나를 보여야 한다 (정적 그림이면 DLBOOK_STATIC이 "
                                     f"새었다): {[sorted(m['content'].get('data', {})) for m in iopub]}")
            model_id = views[0]["model_id"]
            assert model_id in opened, f"셀 {index}: 위젯 모델 {model_id}의 comm_open이 없다"
            assert opened[model_id]["_model_name"] == "VBoxModel"
            kinds = {state["_model_name"] for state in opened.values()}
            assert "ButtonModel" in kinds or "FloatLogSliderModel" in kinds, sorted(kinds)
    finally:
        ws.close()
        r = lab.api("DELETE", f"/api/kernels/{kernel_id}")
        assert r.status_code == 204, r.text[:500]
    assert kernel_id not in {k["id"] for k in lab.api("GET", "/api/kernels").json()}


# --- 학생의 Validate 단추 (nbgrader 서버 확장) ----------------------------------------------------

def _validate(lab: Lab, notebook: Path) -> dict:
    rel = notebook.relative_to(ROOT).as_posix()
    r = lab.api("POST", "/assignments/validate", data={"path": rel}, timeout=VALIDATE_TIMEOUT)
    assert r.status_code == 200, f"{rel}: {r.status_code} {r.text[:500]}"
    body = r.json()
    assert body["success"], f"{rel}: Validate가 실행되지 못했다:\n{body['value']}"
    return body["value"]


def test_validate_passes_the_solved_notebook(lab):
    result = _validate(lab, _notebook("solutions", VALIDATE_CHAPTER))
    assert result == {}, "푼 노트북(참고 답안)이 Validate를 통과해야 한다:\n" + "\n".join(
        f"[{kind}] {ANSI.sub('', cell.get('raw_error', cell['source']))[-800:]}"
        for kind, cells in result.items() for cell in cells)


def test_validate_reports_the_unsolved_notebook(lab):
    notebook = _notebook("chapters", VALIDATE_CHAPTER)
    result = _validate(lab, notebook)
    assert set(result) == {"failed"}, f"풀지 않은 노트북은 실패한 시험 셀만 보고해야 한다: {sorted(result)}"
    # 풀지 않은 답안은 NotImplementedError를 올리므로, 답안을 부르는 보이는 시험 셀은 모두 실패한다
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    visible_tests = {"".join(c["source"]).strip() for c in nb["cells"]
                     if c["metadata"].get("nbgrader", {}).get("grade") and "check(" in "".join(c["source"])}
    assert visible_tests, f"{notebook.name}: 보이는 시험 셀이 없다"
    assert {c["source"] for c in result["failed"]} == visible_tests
    for cell in result["failed"]:
        assert "NotImplementedError" in cell["raw_error"], cell["raw_error"][-500:]


# --- 깨끗이 멈추기 ------------------------------------------------------------------------------

def test_lab_stops_cleanly(lab, untouched):
    assert lab.proc.poll() is None, f"서버가 시험 도중에 멈췄다:\n{lab.log_tail()}"
    assert _marked_processes(lab.marker), "서버 프로세스를 찾지 못한다 (표식 환경 변수가 전해지지 않았다)"
    code = lab.stop()
    assert code in (0, -signal.SIGTERM), f"`make lab`의 종료 코드 {code}:\n{lab.log_tail()}"
    time.sleep(1)
    left = _marked_processes(lab.marker)
    assert not left, f"서버를 멈춘 뒤에도 남은 프로세스: {left}"
    dirs, before = untouched
    assert _tree(dirs) == before, f"저장소에 새 파일이 생겼다: {sorted(_tree(dirs) ^ before)}"
