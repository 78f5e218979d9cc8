"""nbgrader 셀 메타데이터 읽기: 답안 셀, 테스트 셀, 연습문제 id."""
from __future__ import annotations

import re

TEST_SUFFIX = re.compile(r"-tests(-\d+)?$")


def nbgrader_meta(cell) -> dict:
    return cell.get("metadata", {}).get("nbgrader", {}) or {}


def is_answer(cell) -> bool:
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("solution")) and not meta.get("grade")


def is_test(cell) -> bool:
    meta = nbgrader_meta(cell)
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def grade_id(cell) -> str | None:
    return nbgrader_meta(cell).get("grade_id")


def exercise_of(test_grade_id: str) -> str:
    """'ch01-ex3-optimizers-tests-2' -> 'ch01-ex3-optimizers'."""
    return TEST_SUFFIX.sub("", test_grade_id)


def source_text(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


HIDDEN_BLOCK = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*\n?", re.S | re.M)


def visible_source(cell) -> str:
    """숨은 테스트 구간을 뺀 셀 내용 (학생용 배포본에 보이는 부분)."""
    return HIDDEN_BLOCK.sub("", source_text(cell)).strip()


def test_cells(nb) -> dict[str, dict]:
    return {grade_id(c): c for c in nb["cells"] if is_test(c)}


def exercises(nb) -> dict[str, float]:
    """연습문제 id -> 만점 (테스트 셀 점수의 합), 노트북 순서대로."""
    out: dict[str, float] = {}
    for cell in nb["cells"]:
        if is_test(cell):
            ex = exercise_of(grade_id(cell))
            out[ex] = out.get(ex, 0.0) + float(nbgrader_meta(cell).get("points", 0))
    return out


def is_demo(cell) -> bool:
    """채점에 필요 없는 시연 셀: nbgrader 셀도 아니고 'setup' 태그도 없는 코드 셀."""
    tags = cell.get("metadata", {}).get("tags", [])
    return cell.get("cell_type") == "code" and not nbgrader_meta(cell) and "setup" not in tags
