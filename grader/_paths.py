"""저장소 안의 위치와 장(chapter) 찾기."""
from __future__ import annotations

import re
from pathlib import Path

from grader._exceptions import GraderError

ROOT = Path(__file__).resolve().parents[1]
CHAPTER_RE = re.compile(r"^ch\d\d$")


def solutions_dir(root: Path = ROOT) -> Path:
    return root / "solutions"


def chapters_dir(root: Path = ROOT) -> Path:
    return root / "chapters"


def grading_dir(root: Path = ROOT) -> Path:
    return root / "grading"


def all_chapters(root: Path = ROOT) -> list[str]:
    return sorted(p.name for p in solutions_dir(root).iterdir() if p.is_dir() and CHAPTER_RE.match(p.name))


def source_notebook(chapter: str, root: Path = ROOT) -> Path:
    """solutions/<chapter>/ 안의 강사용 노트북 하나 (진실의 원천)."""
    if not CHAPTER_RE.match(chapter):
        raise GraderError(f"장 이름은 ch01처럼 써야 합니다: {chapter!r} / chapter must look like ch01")
    folder = solutions_dir(root) / chapter
    notebooks = sorted(p for p in folder.glob("*.ipynb") if not p.name.startswith(("_", ".")))
    if len(notebooks) != 1:
        raise GraderError(f"{folder}에 강사용 노트북이 하나여야 합니다 (찾은 수: {len(notebooks)}) "
                          f"/ expected exactly one notebook in {folder}, found {len(notebooks)}")
    return notebooks[0]


def release_notebook(chapter: str, root: Path = ROOT) -> Path:
    return chapters_dir(root) / chapter / source_notebook(chapter, root).name
