"""nbgrader를 우리 구성으로 부르는 얇은 층. nbgrader의 작업 폴더와 gradebook은 grading/ 아래에만 둔다."""
from __future__ import annotations

import contextlib
import logging
import os
import shutil
import sys
from pathlib import Path

from traitlets.config import Config

from grader._exceptions import GraderError

CODE_STUB = "# 여기에 답을 작성하세요.\nraise NotImplementedError()"
TEXT_STUB = "여기에 답을 쓰세요."

# nbgrader는 gradebook을 열 때 `alembic` 명령을 PATH에서 찾는다: 가상환경의 bin을 PATH 앞에 둔다.
_BIN = os.path.dirname(sys.executable)
if _BIN not in os.environ.get("PATH", "").split(os.pathsep):
    os.environ["PATH"] = _BIN + os.pathsep + os.environ.get("PATH", "")


def course_config(course: Path, *, timeout: int = 180, extra: Config | None = None) -> Config:
    c = Config()
    c.CourseDirectory.root = str(course)
    c.CourseDirectory.db_url = f"sqlite:///{course / 'gradebook.db'}"
    c.CourseDirectory.course_id = "dlbook"
    c.ClearSolutions.code_stub = {"python": CODE_STUB}
    c.ClearSolutions.text_stub = TEXT_STUB
    c.Execute.timeout = timeout
    c.Execute.kernel_name = "python3"
    c.Exchange.root = str(course / "exchange")
    if extra is not None:
        c.merge(extra)
    return c


@contextlib.contextmanager
def _quiet_logs():
    """nbgrader/traitlets가 강사 화면에 쏟아내는 INFO 로그를 잠시 막는다."""
    loggers = [logging.getLogger(n) for n in ("traitlets", "nbgrader", "NbGraderAPI", "")]
    saved = [lg.level for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.ERROR)
    try:
        yield
    finally:
        for lg, lvl in zip(loggers, saved):
            lg.setLevel(lvl)


def api(course: Path, config: Config):
    (course / "exchange").mkdir(parents=True, exist_ok=True)  # 없으면 nbgrader가 CRITICAL 로그를 남긴다
    from nbgrader.apps import NbGraderAPI
    from nbgrader.coursedir import CourseDirectory
    coursedir = CourseDirectory(config=config)
    return NbGraderAPI(coursedir=coursedir, config=config)


def _ok(result: dict, what: str) -> None:
    if not result.get("success"):
        detail = (result.get("error") or "") + "\n" + (result.get("log") or "")
        raise GraderError(f"nbgrader {what} 실패 / nbgrader {what} failed:\n{detail.strip()[-3000:]}")


def generate_assignment(course: Path, chapter: str, source_nb: Path, *, config: Config | None = None) -> Path:
    """solutions의 노트북 하나만 course/source/<chapter>/ 로 복사하고 학생용을 만든다.

    다른 파일(숨은 테스트 등)은 복사하지 않으므로 학생용 폴더로 새어 나갈 수 없다.
    """
    src_dir = course / "source" / chapter
    if src_dir.exists():
        shutil.rmtree(src_dir)
    src_dir.mkdir(parents=True)
    shutil.copy2(source_nb, src_dir / source_nb.name)
    release_dir = course / "release" / chapter
    if release_dir.exists():
        shutil.rmtree(release_dir)
    config = config or course_config(course)
    with _quiet_logs():
        result = api(course, config).generate_assignment(chapter, force=True, create=True)
    _ok(result, "generate_assignment")
    out = release_dir / source_nb.name
    if not out.is_file():
        raise GraderError(f"nbgrader가 {out}을(를) 만들지 않았습니다 / nbgrader did not produce {out}")
    return out


def autograde(course: Path, chapter: str, student: str, config: Config) -> dict:
    with _quiet_logs():
        return api(course, config).autograde(chapter, student, force=True, create=True)


def scores(course: Path, chapter: str, student: str, notebook: str) -> dict[str, tuple[float, float]]:
    """gradebook에서 테스트 셀별 (점수, 만점)을 읽는다."""
    from nbgrader.api import Gradebook
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        nb = gb.find_submission_notebook(notebook, chapter, student)
        return {g.name: (float(g.score or 0.0), float(g.max_score)) for g in nb.grades}
