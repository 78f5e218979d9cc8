"""dlbook._env와 ``python -m dlbook``: 버전 안내, 데이터 패키지, make 없이 여는 JupyterLab."""
from __future__ import annotations

import sys

import pytest

from dlbook import _env
from dlbook import __main__ as cli


def test_same_versions_are_stated_in_korean():
    text = _env.version_report({"tensorflow": "2.21.0", "keras": "3.15.1"})
    assert text == "TensorFlow 2.21.0, Keras 3.15.1: 이 책과 같은 버전이다."


def test_a_different_tensorflow_is_warned_about():
    text = _env.version_report({"tensorflow": "2.19.0", "keras": "3.15.1"})
    assert text.startswith("주의: TensorFlow 2.19.0, Keras 3.15.1에서 실행한다.")
    assert "TensorFlow 2.21" in text and "Keras 3.15에서" not in text
    assert 'pip install "tensorflow==2.21.*" "keras==3.15.*"' in text


def test_python_3_10_is_told_why_keras_differs(monkeypatch):
    monkeypatch.setattr(_env.sys, "version_info", (3, 10, 13))
    text = _env.version_report({"tensorflow": "2.21.0", "keras": "3.12.4"})
    assert "Keras 3.13부터는 Python 3.11 이상이 필요하므로 Python 3.10에서는" in text


def test_report_goes_to_stdout_not_stderr(capsys):
    _env.report_versions({"tensorflow": "2.20.0", "keras": "3.10.0"})
    out, err = capsys.readouterr()
    assert out.startswith("주의:") and err == ""


def test_install_data_installs_only_what_is_missing(monkeypatch):
    calls = []
    monkeypatch.setattr(_env, "missing_data", lambda: ["arch==8.0.0"])
    monkeypatch.setattr(_env.subprocess, "run", lambda cmd, check: calls.append(cmd))
    assert _env.install_data() == ["arch==8.0.0"]
    assert calls == [[sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "arch==8.0.0"]]
    calls.clear()
    monkeypatch.setattr(_env, "missing_data", lambda: [])
    assert _env.install_data() == [] and calls == []


def test_data_packages_match_the_makefile(root):
    makefile = (root / "Makefile").read_text(encoding="utf-8")
    for _module, requirement, _use in _env.DATA_PACKAGES:
        assert requirement in makefile, f"{requirement}: Makefile의 setup과 dlbook._env.DATA_PACKAGES가 다르다"


def test_lab_command_turns_off_news_and_opens_the_folder(tmp_path):
    cmd = _env.lab_command(tmp_path, ["--no-browser"])
    assert cmd[:3] == [sys.executable, "-m", "jupyterlab"]
    assert f"--ServerApp.root_dir={tmp_path}" in cmd and "--LabApp.news_url=None" in cmd
    assert cmd[-1] == "--no-browser"


def test_cli_lab_passes_extra_arguments_and_defaults_to_chapters(monkeypatch, tmp_path):
    (tmp_path / "chapters").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(_env, "missing_data", lambda: [])
    seen = []
    from jupyterlab.labapp import LabApp
    monkeypatch.setattr(LabApp, "launch_instance", classmethod(lambda cls, argv: seen.append(argv)))
    assert cli.main(["lab", "--port=9999"]) == 0
    # 서버 루트는 키트 폴더, 첫 화면은 chapters/: 책의 JupyterLab 버튼(…/lab/tree/chapters/chNN/…)이 맞는 주소
    assert f"--ServerApp.root_dir={tmp_path}" in seen[0] and seen[0][-1] == "--port=9999"
    assert "--LabApp.default_url=/lab/tree/chapters" in seen[0]
    assert "--LabApp.news_url=None" in seen[0] and not seen[0][0].endswith("python")


def test_cli_check_reports_versions_and_missing_data(monkeypatch, capsys):
    import dlbook
    monkeypatch.setattr(dlbook, "setup", lambda fonts: {"tensorflow": "2.21.0", "keras": "3.15.1", "gpu": 0})
    monkeypatch.setattr(_env, "missing_data", lambda: [])
    assert cli.main(["check"]) == 0
    out = capsys.readouterr().out
    assert "이 책과 같은 버전이다" in out and "GPU 0개" in out and "모두 설치되어 있다" in out
    monkeypatch.setattr(_env, "missing_data", lambda: ["recbole==1.2.1"])
    assert cli.main(["check"]) == 1
    assert "python -m dlbook data" in capsys.readouterr().out
