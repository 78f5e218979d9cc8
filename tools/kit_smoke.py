"""학생 길의 연기 시험 (make test에 들지 않는다: 새 가상환경에 TensorFlow를 pip로 설치하므로 몇 분 걸린다).

    python tools/kit_smoke.py colab --venv DIR [--python PY] [--chapters ch01,ch06]
        Colab 흉내: TensorFlow는 있고 dlbook은 없는 가상환경에서, 키트를 127.0.0.1의 HTTP 서버로 내놓고,
        준비 셀을 부트스트랩으로 고친 장(임시 사본)을 위에서부터 실행한다. 준비 셀이 키트와 데이터를 설치한다.
    python tools/kit_smoke.py nbval --venv DIR [--python PY] [--chapters ch01]
        키트 설치 길: 키트 폴더를 pip install ".[lab]"하고 python -m dlbook data 뒤에 pytest --nbval-lax로 장을 실행한다.
    python tools/kit_smoke.py nomake --venv DIR
        make와 bash가 PATH에 없는 채로 (python과 pip 링크만 있는 PATH) 키트의 README 길을 따른다.

가상환경 DIR이 이미 있으면 다시 쓴다 (TensorFlow를 다시 받지 않는다). 결과와 걸린 시간을 출력한다.
"""
from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import colab_setup_cell  # noqa: E402
import student_kit  # noqa: E402

sys.path.insert(0, str(ROOT))
from dlbook._env import DATA_PACKAGES as DATA  # noqa: E402


@contextlib.contextmanager
def serve(folder: Path):
    """folder를 127.0.0.1의 빈 포트에서 내놓는다 (python -m http.server와 같은 것을 스레드로)."""
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # 요청마다 stderr에 찍지 않는다
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def run(cmd, **kw):
    print("$", " ".join(map(str, cmd)), flush=True)
    start = time.monotonic()
    subprocess.run(list(map(str, cmd)), check=True, **kw)
    print(f"  ({time.monotonic() - start:.0f} s)", flush=True)


def venv(path: Path, python: str, packages: list[str]) -> Path:
    py = path / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    if not py.exists():
        run([python, "-m", "venv", path])
    if packages:
        run([py, "-m", "pip", "install", "--quiet", *packages])
    return py


def kernel(py: Path) -> None:
    run([py, "-m", "ipykernel", "install", "--sys-prefix", "--name", "python3", "--display-name", "Python 3"])


def chapter_copy(name: str, dest: Path, url: str | None) -> Path:
    src = next((ROOT / "chapters" / name).glob(f"{name}_*.ipynb"))
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / src.name
    shutil.copyfile(src, path)
    if url is not None:
        colab_setup_cell.rewrite_notebook(path, url, write=True)
    return path


EXECUTE = r'''
import sys, time, json, nbformat
from nbclient import NotebookClient
path = sys.argv[1]
nb = nbformat.read(path, as_version=4)
start = time.monotonic()
NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
setup = next(c for c in nb.cells if "setup" in c.metadata.get("tags", []))
text = "".join(o.get("text", "") for o in setup.outputs if o.output_type == "stream" and o.name == "stdout")
timing = setup.metadata.get("execution", {})
from datetime import datetime
took = (datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
        - datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))).total_seconds() if timing else -1
print(f"SETUP CELL ({took:.0f} s), stdout:\n" + text[-3000:])
errors = [c for c in nb.cells if c.cell_type == "code" and any(o.output_type == "error" for o in c.get("outputs", []))
          and "raises-exception" not in c.metadata.get("tags", [])]
print(f"{path}: {len(nb.cells)} cells, {time.monotonic() - start:.0f} s, unexpected errors {len(errors)}")
sys.exit(1 if errors else 0)
'''


def colab(args) -> None:
    py = venv(args.venv, args.python, ["tensorflow==2.21.0", "ipykernel", "nbclient", "nbformat"])
    kernel(py)
    # 앞선 실행이 설치한 키트와 데이터를 지운다: 준비 셀이 처음부터 설치하는 길을 시험한다
    run([py, "-m", "pip", "uninstall", "--quiet", "--yes", "dlbook", *[req.split("==")[0] for _, req, _ in DATA]])
    probe = subprocess.run([py, "-c", "import dlbook"], capture_output=True, cwd=tempfile.gettempdir())
    assert probe.returncode != 0, "이 가상환경에는 이미 dlbook이 있다: 새 가상환경으로 시험한다"
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        student_kit.build(tmp / "kit")
        with serve(tmp / "kit") as base:
            url = f"{base}/{student_kit.KIT_NAME}.zip"
            for name in args.chapters:
                nb = chapter_copy(name, tmp / name, url)
                run([py, "-c", EXECUTE, nb, nb.parent], cwd=nb.parent,
                    env={k: v for k, v in os.environ.items() if k != "DLBOOK_KIT"})
    run([py, "-m", "pip", "list", "--format=freeze"], stdout=open(args.venv / "freeze.txt", "w"))


def nbval(args) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder, _ = student_kit.build(tmp / "kit")
        py = venv(args.venv, args.python, [f"{folder}[lab]", "nbval", "pytest"])
        run([py, "-m", "dlbook", "data"])
        kernel(py)
        notebooks = [next((folder / "chapters" / name).glob("*.ipynb")) for name in args.chapters]
        run([py, "-m", "pytest", "-p", "no:cacheprovider", "--nbval-lax", "--nbval-cell-timeout=900", "-q",
             *notebooks], cwd=folder)


def nomake(args) -> None:
    """PATH에는 켠 가상환경의 bin/(python, pip, jupyter …)만: make도 bash도 없다. 키트 README의 명령을 그대로.

    가상환경을 켜는 것(activate)은 PATH 앞에 가상환경의 bin/(Windows는 Scripts\\)을 넣는 일이다. 가상환경 밖의 python에
    심볼릭 링크를 걸면 파이썬이 pyvenv.cfg를 찾지 못해 기본 파이썬으로 돈다: 그래서 PATH에는 가상환경의 bin/만 둔다.
    """
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        folder, _ = student_kit.build(tmp / "kit")
        venv(args.venv, args.python, [])
        bindir = args.venv / ("Scripts" if os.name == "nt" else "bin")
        env = {"PATH": str(bindir), "HOME": os.environ.get("HOME", str(tmp)), "PIP_CONFIG_FILE": os.environ.get(
            "PIP_CONFIG_FILE", "/etc/pip.conf")}
        for cmd in (["python", "-c", "import shutil; assert not shutil.which('make') and not shutil.which('bash'); "
                     "print('make, bash 없음')"],
                    ["pip", "install", "--quiet", ".[lab]"], ["python", "-m", "dlbook", "data"],
                    ["python", "-m", "dlbook", "check"]):
            run(cmd, cwd=folder, env=env)
        lab = subprocess.Popen(["python", "-m", "dlbook", "lab", "--no-browser", "--port=8961",
                                "--ServerApp.token=smoke"], cwd=folder, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            import urllib.request
            for _ in range(120):
                time.sleep(1)
                try:
                    with urllib.request.urlopen("http://127.0.0.1:8961/api/contents/ch01?token=smoke") as r:
                        listing = json.load(r)
                    print("JupyterLab이 chapters/를 연다:", [c["name"] for c in listing["content"]])
                    break
                except OSError:
                    continue
            else:
                raise SystemExit("JupyterLab이 뜨지 않았다")
        finally:
            lab.terminate()  # python -m dlbook lab은 서버를 같은 프로세스에서 돌리므로 신호 하나로 서버가 끝난다
            try:
                print(lab.communicate(timeout=60)[0][-1500:])
            except subprocess.TimeoutExpired:
                lab.kill()
                raise SystemExit("JupyterLab이 종료 신호에 끝나지 않았다")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("route", choices=["colab", "nbval", "nomake"])
    parser.add_argument("--venv", type=Path, required=True)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--chapters", default="ch01")
    args = parser.parse_args(argv)
    args.venv = args.venv.absolute()
    args.chapters = args.chapters.split(",")
    {"colab": colab, "nbval": nbval, "nomake": nomake}[args.route](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
