"""solutions/ -> chapters/ : nbgrader generate_assignment로 학생용 노트북을 만든다."""
from __future__ import annotations

import json
import tempfile
from pathlib import Path

import nbformat

from grader import _cells, _nbgrader, _paths

# 책(static HTML)에서 학생용 테스트 셀은 (답이 비어 있으니) 실패한다: 오류를 허용하고 출력을 숨긴다.
BOOK_TAGS = ("raises-exception", "remove-output")


def student_version(source_nb: Path, workdir: Path) -> dict:
    """강사용 노트북 하나로 학생용 노트북(dict)을 만든다."""
    course = workdir / "course"
    out = _nbgrader.generate_assignment(course, source_nb.parent.name, source_nb)
    nb = nbformat.read(out, as_version=4)
    for cell in nb.cells:
        if _cells.is_test(cell):
            tags = cell.metadata.setdefault("tags", [])
            for tag in BOOK_TAGS:
                if tag not in tags:
                    tags.append(tag)
    return nb


def dumps(nb) -> str:
    """저장 형식을 하나로 고정한다 (같은 입력이면 같은 바이트 → 동기화 검사가 가능)."""
    return json.dumps(nb, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def release(chapters: list[str] | None = None, *, root: Path = _paths.ROOT, check: bool = False) -> list[Path]:
    """학생용 노트북을 chapters/<chNN>/ 에 쓴다. ``check``면 쓰지 않고 달라진 파일 목록만 돌려준다."""
    chapters = chapters or _paths.all_chapters(root)
    changed = []
    with tempfile.TemporaryDirectory(prefix="dlbook-release-") as tmp:
        for chapter in chapters:
            source_nb = _paths.source_notebook(chapter, root)
            text = dumps(student_version(source_nb, Path(tmp) / chapter))
            target = _paths.chapters_dir(root) / chapter / source_nb.name
            if not target.is_file() or target.read_text(encoding="utf-8") != text:
                changed.append(target)
                if not check:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_text(text, encoding="utf-8")
    return changed
