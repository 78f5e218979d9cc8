"""테스트 도우미: 작은 nbgrader 장(chapter) 만들기 (TensorFlow 없이 빠르게)."""
from __future__ import annotations

import shutil
from pathlib import Path

import nbformat as nbf
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _meta(**kw):
    d = {"schema_version": 3, "grade": False, "solution": False, "locked": False, "task": False}
    d.update(kw)
    return {"nbgrader": d}


RMSE = ("def rmse(y_true, y_pred):\n    ### BEGIN SOLUTION\n"
        "    return tf.sqrt(tf.reduce_mean(tf.square(y_pred - y_true)))\n    ### END SOLUTION")
MINIBATCHES = ("def minibatches(n, batch_size, shuffle=True, seed=0):\n    ### BEGIN SOLUTION\n"
               "    order = np.random.default_rng(seed).permutation(n) if shuffle else np.arange(n)\n"
               "    return [order[s:s + batch_size] for s in range(0, n, batch_size)]\n    ### END SOLUTION")
HIDDEN_RMSE = ("from dlbook import check\n\n# 숨은 테스트\n### BEGIN HIDDEN TESTS\n"
               "check(\"ch01-ex1-rmse\", rmse, hidden=True)\n### END HIDDEN TESTS")


def toy_source() -> nbf.NotebookNode:
    """1장의 연습문제 두 개(RMSE 3점, 미니배치 1점)만 담은 작은 장: 진짜 검사기(check)와 숨은 사례를 쓴다."""
    nb = nbf.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [
        nbf.v4.new_markdown_cell("# 연습용 장"),
        nbf.v4.new_code_cell("import numpy as np\nimport tensorflow as tf", metadata={"tags": ["setup"]}),
        nbf.v4.new_code_cell("print('시연 셀')"),
        nbf.v4.new_code_cell(RMSE, metadata=_meta(grade_id="ch01-ex1-rmse", solution=True)),
        nbf.v4.new_code_cell("from dlbook import check\n\ncheck(\"ch01-ex1-rmse\", rmse)",
                             metadata=_meta(grade_id="ch01-ex1-rmse-tests-1", grade=True, locked=True, points=1)),
        nbf.v4.new_code_cell(HIDDEN_RMSE,
                             metadata=_meta(grade_id="ch01-ex1-rmse-tests-2", grade=True, locked=True, points=2)),
        nbf.v4.new_code_cell(MINIBATCHES, metadata=_meta(grade_id="ch01-ex4-minibatches", solution=True)),
        nbf.v4.new_code_cell("from dlbook import check\n\ncheck(\"ch01-ex4-minibatches\", minibatches)",
                             metadata=_meta(grade_id="ch01-ex4-minibatches-tests-1", grade=True, locked=True,
                                            points=1)),
    ]
    return nb


def make_repo(tmp: Path) -> Path:
    """solutions/ch01/에 작은 장과 1장의 숨은 사례 파일만 있는 저장소를 tmp에 만든다."""
    (tmp / "solutions" / "ch01").mkdir(parents=True)
    nbf.write(toy_source(), tmp / "solutions" / "ch01" / "ch01_toy.ipynb")
    shutil.copy(ROOT / "solutions" / "ch01" / "ch01_hidden.py", tmp / "solutions" / "ch01" / "ch01_hidden.py")
    return tmp


def toc_files() -> list[str]:
    """_toc.yml의 모든 파일 (확장자 없이, 루트 기준). 책 검사(test_book, test_browser)가 쓴다."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [toc["root"]]

    def walk(entries):
        for entry in entries or []:
            if "file" in entry:
                files.append(entry["file"])
            walk(entry.get("sections"))
            walk(entry.get("chapters"))

    for part in toc.get("parts", []):
        walk(part.get("chapters"))
    walk(toc.get("chapters"))
    return files


def copy_book_config(dest: Path) -> None:
    """작은 시험용 책에 _config.yml과 그것이 가리키는 파일을 복사한다: 로컬 Sphinx 확장(sphinx.local_extensions의
    모든 모듈, 그 모듈이 import하는 tools/의 다른 파일 포함)과 정적 파일. 확장이 늘어도 목록을 고칠 곳이 없게."""
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    folders = {folder.strip("/") for folder in config["sphinx"]["local_extensions"].values()}
    names = ["_config.yml", "_static/favicon.svg", "_static/book.css"]
    names += [p.relative_to(ROOT).as_posix() for folder in sorted(folders) for p in sorted((ROOT / folder).glob("*.py"))]
    for name in names:
        (dest / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(ROOT / name, dest / name)
