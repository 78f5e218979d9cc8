"""장(chapter)마다: chapters/가 최신인지, 그리고 채점기로 끝까지 (풀지 않은 것 0점, 푼 것 만점, 틀린 구현은 감점)."""
from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest

from grader import _cells, _paths
from grader._autograde import Options, autograde
from grader._release import release

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = _paths.all_chapters(ROOT)
WRONG = ROOT / "tests" / "wrong"


def test_every_chapter_has_a_release():
    assert CHAPTERS, "solutions/ 아래에 장이 없다"
    for ch in CHAPTERS:
        assert _paths.release_notebook(ch, ROOT).is_file(), f"{ch}: `make release`를 실행하세요"


@pytest.mark.slow
@pytest.mark.xdist_group("release")
def test_chapters_in_sync_with_solutions():
    changed = release(CHAPTERS, root=ROOT, check=True)
    assert not changed, f"chapters/가 solutions/와 다르다 — `make release`를 실행하세요: {changed}"


def wrong_implementations(chapter: str) -> list[Path]:
    return sorted((WRONG / chapter).glob("*.py"))


def one_wrong_per_exercise(chapter: str) -> list[Path]:
    """끝에서 끝까지 채점은 문제마다 틀린 구현 하나로 한다 (학생 한 명 = 노트북 한 번 실행이라 비싸다).
    나머지 틀린 구현은 tests/dlbook/test_exercises.py가 채점기(check)로 직접 확인한다."""
    chosen: dict[str, Path] = {}
    for path in wrong_implementations(chapter):
        chosen.setdefault(_wrong_target(path), path)
    return list(chosen.values())


def _replace_answer(nb: dict, grade_id: str, source: str) -> dict:
    nb = json.loads(json.dumps(nb))
    hits = [c for c in nb["cells"] if c.get("metadata", {}).get("nbgrader", {}).get("grade_id") == grade_id]
    assert len(hits) == 1, f"답안 셀 {grade_id}가 없다"
    hits[0]["source"] = source
    return nb


def _wrong_target(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# overrides: "), f"{path.name}: 첫 줄은 '# overrides: <grade_id>'"
    return first.split(":", 1)[1].strip()


@pytest.fixture(scope="module", params=CHAPTERS)
def graded(request, tmp_path_factory):
    """한 장의 여러 시나리오를 한 번의 autograde로 채점한다 (학생 = 시나리오)."""
    chapter = request.param
    source_path = _paths.source_notebook(chapter, ROOT)
    solved = json.loads(source_path.read_text(encoding="utf-8"))
    unsolved = json.loads(_paths.release_notebook(chapter, ROOT).read_text(encoding="utf-8"))
    answers = [c for c in solved["cells"] if _cells.is_answer(c)]
    first = answers[0]
    subs = tmp_path_factory.mktemp(f"subs-{chapter}")
    scenarios = {
        "solved": solved,
        "unsolved": unsolved,
        "only-first": _replace_answer(unsolved, _cells.grade_id(first), _cells.source_text(first)),
    }
    # 답안 셀마다 틀린 구현 하나를 기준 답 뒤에 덧붙인 학생 한 명: 파일이 정의한 함수만 틀린 것으로 바뀐다.
    # 문제 하나만 감점되는지(격리)는 only-first가 보므로, 틀린 답은 한 노트북에 모아 채점 시간을 아낀다.
    wrong = solved
    for path in one_wrong_per_exercise(chapter):
        target = _wrong_target(path)
        reference = next(_cells.source_text(c) for c in answers if _cells.grade_id(c) == target)
        wrong = _replace_answer(wrong, target, reference + "\n\n" + path.read_text(encoding="utf-8"))
    scenarios["wrong"] = wrong
    for name, nb in scenarios.items():
        (subs / name).mkdir()
        (subs / name / source_path.name).write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    (subs / "broken").mkdir()
    (subs / "broken" / source_path.name).write_text(json.dumps(solved)[:1000], encoding="utf-8")
    out = tmp_path_factory.mktemp(f"out-{chapter}")
    rows = autograde(chapter, subs, out, Options(workers=2), root=ROOT, progress=lambda *_: None)
    exercises = _cells.exercises(nbformat.read(source_path, as_version=4))
    return {"rows": {r["student_id"]: r for r in rows}, "exercises": exercises, "first": _cells.grade_id(first),
            "wrong_targets": {_wrong_target(p) for p in one_wrong_per_exercise(chapter)}}


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_solved_gets_full_marks(graded):
    row = graded["rows"]["solved"]
    assert row["status"] == "ok", row["status"]
    assert row["total"] == row["max_total"] > 0, row


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_unsolved_release_scores_zero(graded):
    row = graded["rows"]["unsolved"]
    assert row["status"] == "ok", row["status"]
    assert all(row[ex] == 0 for ex in graded["exercises"]), row


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_one_exercise_solved_scores_exactly_that(graded):
    row, exercises = graded["rows"]["only-first"], graded["exercises"]
    for ex, max_points in exercises.items():
        assert row[ex] == (max_points if ex == graded["first"] else 0), (ex, row)


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_wrong_implementations_lose_points(graded):
    row = graded["rows"]["wrong"]
    assert row["status"] == "ok", row["status"]
    targeted = graded["wrong_targets"]  # 답안 셀의 grade_id = 문제(exercise)의 이름
    assert targeted and targeted <= set(graded["exercises"]), targeted
    for ex, max_points in graded["exercises"].items():
        if ex in targeted:
            assert row[ex] < max_points, f"틀린 구현을 넣은 {ex}가 감점되지 않았다: {row}"
        else:
            assert row[ex] == max_points, f"틀린 구현이 없는 {ex}까지 감점되었다: {row}"


@pytest.mark.slow
@pytest.mark.xdist_group("grading")
def test_broken_submission_gets_status(graded):
    assert graded["rows"]["broken"]["status"].startswith("not-json")
    assert graded["rows"]["broken"]["total"] == 0
