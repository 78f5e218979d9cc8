"""테스트 도우미: 작은 nbgrader 장(chapter) 만들기 (TensorFlow 없이 빠르게)."""
from __future__ import annotations

from pathlib import Path

import nbformat as nbf


def _meta(**kw):
    d = {"schema_version": 3, "grade": False, "solution": False, "locked": False, "task": False}
    d.update(kw)
    return {"nbgrader": d}


def toy_source() -> nbf.NotebookNode:
    nb = nbf.v4.new_notebook()
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
    nb.cells = [
        nbf.v4.new_markdown_cell("# 연습용 장"),
        nbf.v4.new_code_cell("import math", metadata={"tags": ["setup"]}),
        nbf.v4.new_code_cell("print('시연 셀')"),
        nbf.v4.new_code_cell("def add(a, b):\n    ### BEGIN SOLUTION\n    return a + b\n    ### END SOLUTION",
                             metadata=_meta(grade_id="ch01-ex1-add", solution=True)),
        nbf.v4.new_code_cell("assert add(1, 2) == 3",
                             metadata=_meta(grade_id="ch01-ex1-add-tests-1", grade=True, locked=True, points=1)),
        nbf.v4.new_code_cell("# 숨은 테스트\n### BEGIN HIDDEN TESTS\nassert add(5, 6) == 11\n### END HIDDEN TESTS",
                             metadata=_meta(grade_id="ch01-ex1-add-tests-2", grade=True, locked=True, points=2)),
        nbf.v4.new_code_cell("def mul(a, b):\n    ### BEGIN SOLUTION\n    return a * b\n    ### END SOLUTION",
                             metadata=_meta(grade_id="ch01-ex2-mul", solution=True)),
        nbf.v4.new_code_cell("assert mul(2, 3) == 6",
                             metadata=_meta(grade_id="ch01-ex2-mul-tests-1", grade=True, locked=True, points=1)),
    ]
    return nb


def make_repo(tmp: Path) -> Path:
    """solutions/ch01/ch01_toy.ipynb 하나뿐인 저장소를 tmp에 만든다."""
    (tmp / "solutions" / "ch01").mkdir(parents=True)
    nbf.write(toy_source(), tmp / "solutions" / "ch01" / "ch01_toy.ipynb")
    return tmp
