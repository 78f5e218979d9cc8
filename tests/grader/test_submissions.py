"""제출물 읽기/모으기/조립 — nbgrader를 돌리지 않는 빠른 검사."""
from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import nbformat
import pytest

from grader import _cells
from grader._exceptions import GraderError, SubmissionError
from grader._submissions import assemble, collect, compare_with_release, read_notebook

from helpers import toy_source


def _write(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


GOOD = json.dumps(nbformat.v4.new_notebook()).encode()


@pytest.mark.parametrize("data, code", [
    pytest.param(b"", "empty", id="empty-file"),
    pytest.param(b"hello, not json", "not-json", id="not-json"),
    pytest.param(GOOD[: len(GOOD) // 2], "not-json", id="truncated"),
    pytest.param("{\"셀\": 1}".encode("cp949"), "not-utf8", id="non-utf8"),
    pytest.param(b"[1, 2, 3]", "not-a-notebook", id="json-list"),
    pytest.param(b'{"cells": "nope", "nbformat": 4, "nbformat_minor": 5, "metadata": {}}', "not-a-notebook",
                 id="cells-not-a-list"),
])
def test_read_notebook_rejects_bad_files(tmp_path, data, code):
    path = _write(tmp_path / "nb.ipynb", data)
    before = path.read_bytes()
    with pytest.raises(SubmissionError) as err:
        read_notebook(path)
    assert err.value.code == code
    assert " / " in err.value.status  # 한국어 / English
    assert path.read_bytes() == before  # 제출 파일은 그대로


def test_read_notebook_upgrades_old_nbformat(tmp_path):
    v3 = nbformat.v3.new_notebook(worksheets=[nbformat.v3.new_worksheet(cells=[nbformat.v3.new_code_cell(input="x = 1")])])
    path = _write(tmp_path / "old.ipynb", nbformat.v3.writes_json(v3).encode())
    notes = []
    nb = read_notebook(path, notes=notes)
    assert nb.nbformat == 4 and nb.cells[0].source == "x = 1"
    assert any(n.startswith("upgraded: nbformat 3") for n in notes), notes


def _nb_with(kernelspec=None, outputs_bytes=0) -> bytes:
    nb = nbformat.v4.new_notebook()
    if kernelspec is not None:
        nb.metadata["kernelspec"] = kernelspec
    cell = nbformat.v4.new_code_cell("print('x')")
    if outputs_bytes:
        cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="가" * (outputs_bytes // 3))]
    nb.cells.append(cell)
    return nbformat.writes(nb).encode("utf-8")


PY3 = {"name": "python3", "display_name": "Python 3 (dlbook)", "language": "python"}


@pytest.mark.parametrize("data, note", [
    pytest.param(_nb_with(PY3), None, id="python3"),
    pytest.param(_nb_with(None), "kernel-missing", id="no-kernelspec"),
    pytest.param(_nb_with({"name": "julia-1.10", "display_name": "Julia", "language": "julia"}), "kernel-replaced",
                 id="julia"),
    pytest.param(_nb_with({"name": "ir", "display_name": "R"}), "kernel-replaced", id="r-without-language"),
    pytest.param(_nb_with(PY3, outputs_bytes=12_000_000), "outputs-ignored", id="huge-outputs"),
])
def test_read_notebook_notes_what_the_grader_changed(tmp_path, data, note):
    """다른 커널, 빠진 커널 정보, 아주 큰 출력: 채점은 하되 status에 남길 메모를 단다. 파일은 그대로."""
    path = _write(tmp_path / "nb.ipynb", data)
    notes = []
    read_notebook(path, notes=notes)
    codes = [n.split(":")[0] for n in notes]
    assert codes == ([note] if note else []), notes
    assert all(" / " in n for n in notes)
    assert path.read_bytes() == data


def test_collect_picks_one_notebook_per_student(tmp_path):
    subs = tmp_path / "subs"
    _write(subs / "alice" / "ch01_toy.ipynb", GOOD)
    _write(subs / "김 철수" / "다른이름.ipynb", GOOD)
    (subs / "nobody").mkdir()
    _write(subs / "two" / "a.ipynb", GOOD)
    _write(subs / "two" / "b.ipynb", GOOD)
    _write(subs / "loose.ipynb", GOOD)
    found, warnings = collect(subs, "ch01_toy.ipynb", tmp_path / "work")
    by_id = {s.student_id: s for s in found}
    assert set(by_id) == {"alice", "김 철수", "nobody", "two"}
    assert by_id["alice"].problem is None and by_id["alice"].path.name == "ch01_toy.ipynb"
    assert by_id["김 철수"].problem is None and any(n.startswith("renamed") for n in by_id["김 철수"].notes)
    assert by_id["nobody"].problem.code == "missing"
    assert by_id["two"].problem.code == "ambiguous"
    assert any("loose.ipynb" in w for w in warnings)


def test_collect_ignores_symlink_outside(tmp_path):
    secret = _write(tmp_path / "secret" / "answers.ipynb", GOOD)
    (tmp_path / "subs" / "mallory").mkdir(parents=True)
    os.symlink(secret, tmp_path / "subs" / "mallory" / "ch01_toy.ipynb")
    found, _ = collect(tmp_path / "subs", "ch01_toy.ipynb", tmp_path / "work")
    assert found[0].problem.code == "missing"
    assert any(n.startswith("symlink-ignored") for n in found[0].notes)


def test_zip_with_parent_paths_is_contained(tmp_path):
    archive = tmp_path / "subs.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("subs/alice/ch01_toy.ipynb", GOOD)
        zf.writestr("../evil.ipynb", GOOD)
        zf.writestr("/abs/evil.ipynb", GOOD)
    work = tmp_path / "work"
    found, warnings = collect(archive, "ch01_toy.ipynb", work)
    assert [s.student_id for s in found] == ["alice"]
    assert len(warnings) == 2
    assert not (tmp_path / "evil.ipynb").exists()


def test_zip_bomb_is_refused(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a/ch01_toy.ipynb", b"0" * (600 * 1024 * 1024))
    with pytest.raises(GraderError, match="zip"):
        collect(archive, "ch01_toy.ipynb", tmp_path / "work")


def _release_like(source):
    """학생용처럼: 답을 지우고 숨은 테스트를 뺀다 (nbgrader 없이 흉내)."""
    nb = nbformat.from_dict(json.loads(json.dumps(source)))
    for cell in nb.cells:
        if _cells.is_answer(cell):
            cell.source = cell.source.split("### BEGIN SOLUTION")[0] + "raise NotImplementedError()"
        if _cells.is_test(cell):
            cell.source = _cells.visible_source(cell)
    return nb


def test_assemble_keeps_answers_drops_demos_and_fake_tests():
    release = _release_like(toy_source())
    student = _release_like(toy_source())
    answer = next(c for c in student.cells if _cells.grade_id(c) == "ch01-ex1-rmse")
    answer.source = "def rmse(y_true, y_pred):\n    return helper(y_true, y_pred)"
    idx = student.cells.index(answer)
    student.cells.insert(idx + 1, nbformat.v4.new_code_cell("def helper(a, b):\n    return 0.0"))
    test = next(c for c in student.cells if _cells.grade_id(c) == "ch01-ex4-minibatches-tests-1")
    test.source = "pass  # 테스트를 지웠다"
    student.cells.insert(0, student.cells.pop(student.cells.index(test)))  # 셀 순서를 바꿔도
    graded = assemble(student, release)
    sources = [c.source for c in graded.cells]
    assert "print('시연 셀')" not in sources  # 시연 셀은 채점에서 빠진다
    assert sources[0].startswith("import numpy as np")  # setup 셀은 남는다
    i = sources.index("def rmse(y_true, y_pred):\n    return helper(y_true, y_pred)")
    assert sources[i + 1].startswith("def helper")  # 학생이 붙인 도우미 셀은 답안 뒤에
    assert 'check("ch01-ex4-minibatches", minibatches)' in sources[-1]  # 고친 테스트 대신 원본
    assert [_cells.grade_id(c) for c in graded.cells if _cells.nbgrader_meta(c)] == \
        [_cells.grade_id(c) for c in release.cells if _cells.nbgrader_meta(c)]


def test_compare_with_release_reports_edits_and_deletions():
    release = _release_like(toy_source())
    student = _release_like(toy_source())
    student.cells = [c for c in student.cells if _cells.grade_id(c) != "ch01-ex1-rmse-tests-1"]
    next(c for c in student.cells if _cells.grade_id(c) == "ch01-ex4-minibatches-tests-1").source = "pass"
    notes = compare_with_release(student, release)
    assert any("deleted" in n for n in notes) and any("edited" in n for n in notes)
    assert compare_with_release(_release_like(toy_source()), release) == []


def test_exercise_points_from_test_cells():
    assert _cells.exercises(toy_source()) == {"ch01-ex1-rmse": 3.0, "ch01-ex4-minibatches": 1.0}
    assert _cells.exercise_of("ch01-ex3-optimizers-tests-12") == "ch01-ex3-optimizers"


def test_failure_messages_are_grouped_by_kind():
    from grader._report import normalize_message, summarize
    a = "ch01-ex1-rmse 사례 2 (작은 배열): 반환값의 모양(shape)이 다릅니다: 기대 (3,), 실제 (4,)"
    b = "ch01-ex1-rmse 사례 5: 반환값의 모양(shape)이 다릅니다: 기대 (10,), 실제 (2,)"
    assert normalize_message(a) == normalize_message(b) == "ch01-ex1-rmse: 반환값의 모양(shape)이 다릅니다: 기대 (#,), 실제 (#,)"
    assert normalize_message("값이 다릅니다: 1.5e-3") != normalize_message("아직 구현하지 않았습니다")
    nested = "ch01-ex1-rmse 사례 1 (오차 0.5, -1 → √((0.25 + 1) / 2) = 0.79): 아직 구현하지 않았습니다"
    assert normalize_message(nested) == normalize_message("ch01-ex1-rmse 사례 2: 아직 구현하지 않았습니다")
    rows = [{"student_id": s, "ex": p, "total": p, "max_total": 2.0, "status": st}
            for s, p, st in [("a", 2.0, "ok"), ("b", 0.0, "ok"), ("c", 0.0, "empty: 빈 파일 / empty"), ("d", 0.0, "ok")]]
    details = {"a": {"seconds": 3.0, "messages": {}}, "b": {"seconds": 9.5, "messages": {"t1": a}},
               "d": {"seconds": 1.0, "messages": {"t1": b}}}
    summary = summarize("ch01", rows, {"ex": 2.0}, details)
    assert summary["failures"] == [{"test": "t1", "message": normalize_message(a), "count": 2, "students": ["b", "d"]}]
    assert [s["student_id"] for s in summary["slowest"]] == ["b", "a", "d"]
    assert summary["exercises"]["ex"] == {"max": 2.0, "mean": 0.5, "full": 1, "zero": 3, "histogram": {"0": 3, "2": 1}}
    assert summary["statuses"] == {"empty": 1, "ok": 3} and summary["problems"][0]["student_id"] == "c"


def _big_outputs_notebook(path: Path, mb: int = 60) -> dict:
    """맞는 답(장의 강사용 노트북)에 저장된 출력을 ``mb`` MB쯤 붙인 노트북. 글자와 그림(base64) 출력이 섞였다."""
    nb = json.loads(nbformat.writes(toy_source()))
    code = next(c for c in nb["cells"] if c["cell_type"] == "code")
    lines = mb * 1_000_000 // 2 // 28
    code["outputs"] = [
        {"output_type": "stream", "name": "stdout", "text": ['손실 0.1234 "q" \\ [{\n'] * lines},
        {"output_type": "display_data", "metadata": {}, "data": {"image/png": "iVBORw0KGgo" * (mb * 50_000)}},
    ]
    md = next(c for c in nb["cells"] if c["cell_type"] == "markdown")
    md["attachments"] = {"a.png": {"image/png": "iVBORw0KGgo" * 1000}}
    path.write_text(json.dumps(nb, ensure_ascii=False), encoding="utf-8")
    return nb


def test_huge_stored_outputs_are_dropped_before_the_size_limit(tmp_path):
    """60 MB 넘는 출력이 붙은 맞는 노트북: 크기 제한에 걸리지 않고, 메모리는 출력 크기만큼 쓰지 않는다."""
    import tracemalloc

    from grader import _submissions
    path = tmp_path / "big.ipynb"
    original = _big_outputs_notebook(path)
    assert path.stat().st_size > 60_000_000 > _submissions.MAX_NOTEBOOK_BYTES
    notes = []
    tracemalloc.start()
    try:
        nb = read_notebook(path, notes=notes)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000, f"{peak / 1e6:.0f} MB: 출력까지 메모리에 읽었다"
    assert [c.source for c in nb.cells] == ["".join(c["source"]) if isinstance(c["source"], list) else c["source"]
                                            for c in original["cells"]]
    assert all(not c.get("outputs") for c in nb.cells) and all(not c.get("attachments") for c in nb.cells)
    assert [n.split(":")[0] for n in notes] == ["outputs-ignored"] and "graded on the sources" in notes[0]


def test_stripping_outputs_gives_the_same_notebook_for_real_chapters(root):
    """출력을 건너뛰는 읽기는 이 책의 모든 노트북에서 (출력만 빼고) json.load와 같은 결과를 낸다."""
    from grader._submissions import strip_outputs

    def drop(o):
        if isinstance(o, dict):
            return {k: [] if k == "outputs" else {} if k == "attachments" else drop(v) for k, v in o.items()}
        return [drop(v) for v in o] if isinstance(o, list) else o

    paths = sorted(root.glob("solutions/ch*/*.ipynb")) + sorted(root.glob("chapters/ch*/*.ipynb"))
    assert len(paths) >= 2
    for path in paths:
        raw, _dropped = strip_outputs(path)
        assert json.loads(raw) == drop(json.loads(path.read_text(encoding="utf-8"))), path


def test_notebooks_huge_for_other_reasons_stay_too_large(tmp_path, monkeypatch):
    from grader import _submissions
    monkeypatch.setattr(_submissions, "MAX_NOTEBOOK_BYTES", 1_000_000)
    nb = nbformat.v4.new_notebook()
    nb.cells.append(nbformat.v4.new_code_cell("x = '" + "가" * 600_000 + "'"))   # 소스 자체가 크다
    path = _write(tmp_path / "src.ipynb", nbformat.writes(nb).encode("utf-8"))
    with pytest.raises(SubmissionError) as err:
        read_notebook(path)
    assert err.value.code == "too-large" and "without its stored outputs" in err.value.status
    _big_outputs_notebook(tmp_path / "big.ipynb", mb=3)   # 출력만 크면 괜찮다
    read_notebook(tmp_path / "big.ipynb")
    monkeypatch.setattr(_submissions, "MAX_FILE_BYTES", 2_000_000)   # 파일 자체의 한도는 남는다
    with pytest.raises(SubmissionError) as err:
        read_notebook(tmp_path / "big.ipynb")
    assert err.value.code == "too-large"


@pytest.mark.parametrize("data", [
    b'{"cells": [{"outputs": [1, 2', b'{"cells": [{"outputs": "abc', b'{"cells": [], "x": "\\"',
])
def test_truncated_outputs_are_not_json(tmp_path, data):
    with pytest.raises(SubmissionError) as err:
        read_notebook(_write(tmp_path / "nb.ipynb", data))
    assert err.value.code == "not-json"


# --- LMS에서 내려받은 모양 (각 LMS 문서가 설명하는 이름 규칙대로 만든 가짜 제출물) ---------------------------

def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        _write(root / name, data)
    return root


def _ids(found):
    return {s.student_id: (s.name, s.path.name if s.path else None, s.problem.code if s.problem else None)
            for s in found}


def test_moodle_download_all_submissions(tmp_path):
    """Moodle: 학생마다 "Full Name_<참가자 번호>_assignsubmission_file_" 폴더. 번호가 학번, 앞부분이 이름."""
    from grader._submissions import detect_layout
    subs = _tree(tmp_path / "moodle", {
        "Kim Minsu_12345_assignsubmission_file_/ch01_toy.ipynb": GOOD,
        "Lee Jiwoo_12346_assignsubmission_file_/my answers.ipynb": GOOD,
        "Lee Jiwoo_12346_assignsubmission_onlinetext_/onlinetext.html": b"<p>hi</p>",
        "Park Seoyeon_12347_assignsubmission_onlinetext_/onlinetext.html": b"<p>no file</p>",
        "grading worksheet.csv": b"Identifier,Grade\n",
    })
    assert detect_layout(subs) == "moodle"
    found, warnings = collect(subs, "ch01_toy.ipynb", tmp_path / "work")
    assert _ids(found) == {"12345": ("Kim Minsu", "ch01_toy.ipynb", None),
                           "12346": ("Lee Jiwoo", "my answers.ipynb", None),
                           "12347": ("Park Seoyeon", None, "missing")}
    assert any("grading worksheet.csv" in w for w in warnings)


def test_canvas_flat_files_latest_resubmission_wins(tmp_path):
    """Canvas: "name_<user id>_<attachment id>_<원래 이름>", 다시 낸 파일은 "-1", 늦은 제출은 "_LATE"."""
    first, latest = GOOD, json.dumps({**nbformat.v4.new_notebook(), "metadata": {"v": 2}}).encode()
    subs = _tree(tmp_path / "canvas", {
        "kimminsu_12345_67890_ch01_toy.ipynb": first,
        "kimminsu_12345_67990_ch01_toy-1.ipynb": latest,
        "leejiwoo_LATE_12346_67891_ch01_toy.ipynb": GOOD,
        "parkseoyeon_12347_67892_homework.ipynb": GOOD,
    })
    found, _ = collect(subs, "ch01_toy.ipynb", tmp_path / "work")
    assert _ids(found) == {"12345": ("kimminsu", "kimminsu_12345_67990_ch01_toy-1.ipynb", None),
                           "12346": ("leejiwoo", "leejiwoo_LATE_12346_67891_ch01_toy.ipynb", None),
                           "12347": ("parkseoyeon", "parkseoyeon_12347_67892_homework.ipynb", None)}
    assert any(n.startswith("latest:") for n in next(s for s in found if s.student_id == "12345").notes)


def test_nbgrader_submitted_folder(tmp_path):
    """nbgrader의 course/submitted/<student>/<assignment>/: 장 이름의 과제 폴더를 고른다."""
    course = _tree(tmp_path / "course", {
        "submitted/2025001/ch01/ch01_toy.ipynb": GOOD,
        "submitted/2025001/ch02/ch02_other.ipynb": GOOD,
        "submitted/2025002/ch01/ch01_toy.ipynb": GOOD,
        "submitted/2025003/ch02/ch02_other.ipynb": GOOD,
        "gradebook.db": b"",
    })
    for given in (course, course / "submitted"):
        found, _ = collect(given, "ch01_toy.ipynb", tmp_path / "work", chapter="ch01")
        ids = _ids(found)
        assert ids["2025001"] == ids["2025002"] == ("", "ch01_toy.ipynb", None)
        assert ids["2025003"] == ("", None, "missing")   # ch02만 냈다


def test_flat_student_id_notebooks_and_roster(tmp_path):
    """평평한 <student_id>.ipynb와 명단: 명단에 있는데 내지 않은 학생은 missing 줄이 된다."""
    subs = _tree(tmp_path / "flat", {"2025001.ipynb": GOOD, "2025002.ipynb": GOOD, "notes.txt": b"x"})
    roster = _write(tmp_path / "roster.csv", "학번,이름\n2025001,김민수\n2025002,이지우\n2025003,박서연\n"
                    .encode("utf-8-sig"))
    from grader._submissions import read_roster
    found, warnings = collect(subs, "ch01_toy.ipynb", tmp_path / "work", roster=roster)
    assert _ids(found) == {"2025001": ("김민수", "2025001.ipynb", None), "2025002": ("이지우", "2025002.ipynb", None),
                           "2025003": ("박서연", None, "missing")}
    assert read_roster(_write(tmp_path / "r2.csv", b"student_id\n9\n")) == {"9": ""}
    with pytest.raises(GraderError, match="student_id"):
        read_roster(_write(tmp_path / "r3.csv", b"who,what\n1,2\n"))


def test_zip_of_a_canvas_download_is_recognised(tmp_path):
    archive = tmp_path / "submissions.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("submissions/kimminsu_12345_67890_ch01_toy.ipynb", GOOD)
        zf.writestr("submissions/leejiwoo_12346_67891_ch01_toy.ipynb", GOOD)
    found, _ = collect(archive, "ch01_toy.ipynb", tmp_path / "work")
    assert sorted(s.student_id for s in found) == ["12345", "12346"]
