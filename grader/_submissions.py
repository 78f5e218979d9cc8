"""제출물 모으기와 검사: 폴더 또는 zip, 학생마다 노트북 하나. 제출 파일은 절대 고치지 않는다."""
from __future__ import annotations

import json
import mmap
import re
import shutil
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import nbformat
from nbformat.warnings import DuplicateCellId

from grader import _cells
from grader._exceptions import GraderError, SubmissionError

MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024      # 저장된 출력을 뺀 노트북(소스, 메타데이터)의 최대 크기
MAX_FILE_BYTES = 1024 * 1024 * 1024        # 파일 자체의 최대 크기: 출력이 대부분이어도 이보다 크면 읽지 않는다
MAX_ZIP_TOTAL = 500 * 1024 * 1024
MAX_ZIP_ENTRIES = 20_000


@dataclass
class Submission:
    student_id: str
    path: Path | None = None
    problem: SubmissionError | None = None
    notes: list[str] = field(default_factory=list)
    name: str = ""          # LMS가 알려 준 이름이나 명단(roster)의 이름 (없으면 빈 글자)
    lms: str = ""           # 학번을 준 LMS: "moodle"(참가자 번호), "canvas"(사용자 번호), 아니면 빈 글자


# LMS가 내려주는 모양 (각 LMS 문서의 설명대로):
# Moodle "모든 제출물 내려받기": 학생마다 폴더 "Full Name_12345_assignsubmission_file_" (12345는 참가자 번호)
MOODLE_DIR = re.compile(r"^(?P<name>.+)_(?P<id>\d+)_assign(?:submission|feedback)_(?P<plugin>[a-z]+)_?$")
# Canvas "Download Submissions": 평평한 파일 "name_12345_67890_ch01.ipynb" (사용자 번호, 첨부 번호, 원래 이름),
# 늦은 제출은 "name_LATE_12345_…", 같은 이름으로 다시 낸 파일은 원래 이름 뒤에 "-1", "-2"가 붙는다
CANVAS_FILE = re.compile(r"^(?P<name>.+?)(?:_late)?_(?P<id>\d+)_(?P<attachment>\d+)_(?P<file>.+\.ipynb)$", re.I)
RESUBMISSION = re.compile(r"-(\d+)\.ipynb$", re.I)
LAYOUTS = ("folders", "moodle", "canvas", "nbgrader", "flat")


def _safe_extract(archive: Path, dest: Path) -> list[str]:
    """zip을 풀되 '../'나 절대 경로, 심볼릭 링크, 압축 폭탄을 거른다. 거른 항목을 알려 준다."""
    skipped = []
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise GraderError(f"zip 파일을 열 수 없습니다: {archive} ({exc}) / cannot open zip {archive}") from None
    with zf:
        infos = zf.infolist()
        if len(infos) > MAX_ZIP_ENTRIES:
            raise GraderError(f"zip 항목이 너무 많습니다 ({len(infos)}) / too many zip entries")
        if sum(i.file_size for i in infos) > MAX_ZIP_TOTAL:
            raise GraderError("zip을 풀면 너무 큽니다 (압축 폭탄?) / zip expands too large (zip bomb?)")
        for info in infos:
            name = PurePosixPath(info.filename.replace("\\", "/"))
            is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
            if name.is_absolute() or ".." in name.parts or is_link:
                skipped.append(info.filename)
                continue
            target = dest.joinpath(*name.parts)
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with zf.open(info) as src, open(target, "wb") as out:
                shutil.copyfileobj(src, out, length=1 << 20)
    return skipped


def _unwrap_single_folder(folder: Path) -> Path:
    """zip 안에 'submissions/' 같은 폴더 하나만 있으면 그 안을 본다."""
    entries = [p for p in folder.iterdir() if not p.name.startswith((".", "__MACOSX"))]
    if len(entries) == 1 and entries[0].is_dir() and (
            any(entries[0].glob("*/*.ipynb")) or (entries[0] / "submitted").is_dir()
            or len(list(entries[0].glob("*.ipynb"))) > 1):
        return entries[0]
    return folder


def _visible(folder: Path) -> list[Path]:
    return sorted((p for p in folder.iterdir() if not p.name.startswith((".", "__MACOSX"))), key=lambda p: p.name)


def detect_layout(folder: Path) -> str:
    """제출물 폴더의 모양: ``folders``(학생마다 폴더), ``moodle``, ``canvas``, ``nbgrader``, ``flat``."""
    if folder.name == "submitted" or (folder / "submitted").is_dir():
        return "nbgrader"
    entries = _visible(folder)
    dirs = [p for p in entries if p.is_dir() and not p.is_symlink()]
    notebooks = [p for p in entries if p.is_file() and p.suffix.lower() == ".ipynb"]
    if any(MOODLE_DIR.match(d.name) for d in dirs):
        return "moodle"
    if notebooks and not dirs:
        return "canvas" if all(CANVAS_FILE.match(p.name) for p in notebooks) else "flat"
    return "folders"


def collect(submissions: Path, expected_name: str, workdir: Path, chapter: str | None = None,
            roster: Path | None = None) -> tuple[list[Submission], list[str]]:
    """제출물을 모은다: 학생마다 노트북 하나. (제출물 목록, 강사에게 알릴 경고).

    모양은 스스로 알아본다 (:func:`detect_layout`): ``SUBMISSIONS/<student_id>/<notebook>.ipynb``, Moodle의 학생
    폴더, Canvas의 평평한 파일(다시 낸 것 중 가장 나중 것), nbgrader의 ``submitted/<student>/<assignment>/``,
    평평한 ``<student_id>.ipynb``. ``roster``(학번, 이름 CSV)가 있으면 제출하지 않은 학생도 ``missing``으로 넣는다.
    """
    warnings: list[str] = []
    submissions = Path(submissions)
    if not submissions.exists():
        raise GraderError(f"제출물 경로가 없습니다: {submissions} / submissions not found")
    if submissions.is_file():
        if not zipfile.is_zipfile(submissions):
            raise GraderError(f"폴더나 zip 파일이어야 합니다: {submissions} / expected a folder or a zip")
        dest = workdir / "unzipped"
        if dest.exists():
            shutil.rmtree(dest)
        dest.mkdir(parents=True)
        for name in _safe_extract(submissions, dest):
            warnings.append(f"zip의 위험한 항목을 건너뜀 / skipped unsafe zip entry: {name}")
        submissions = _unwrap_single_folder(dest)
    layout = detect_layout(submissions)
    if layout == "nbgrader" and submissions.name != "submitted":
        submissions = submissions / "submitted"
    base = submissions.resolve()
    result = {"folders": _collect_folders, "moodle": _collect_moodle, "canvas": _collect_canvas,
              "nbgrader": _collect_nbgrader, "flat": _collect_flat}[layout](
        submissions, expected_name, base, chapter, warnings)
    if layout != "folders":
        warnings.insert(0, f"제출물 모양: {layout} / submissions layout: {layout}")
    if roster is not None:
        result = _apply_roster(result, read_roster(roster), warnings)
    if not result:
        raise GraderError(f"{submissions} 안에 학생 제출물이 없습니다 (SUBMISSIONS/<student_id>/<notebook>.ipynb, "
                          f"Moodle, Canvas, nbgrader, <student_id>.ipynb) / no student submissions in {submissions}")
    return result, warnings


def _collect_folders(folder, expected_name, base, chapter, warnings) -> list[Submission]:
    result = []
    for entry in _visible(folder):
        if not entry.is_dir() or entry.is_symlink():
            warnings.append(f"학생 폴더가 아니라 건너뜀 / not a student folder, skipped: {entry.name}")
            continue
        result.append(_pick_notebook(entry, entry.name, expected_name, base))
    return result


def _collect_moodle(folder, expected_name, base, chapter, warnings) -> list[Submission]:
    """Moodle: "Full Name_12345_assignsubmission_file_" 폴더. 학번은 참가자 번호(12345), 이름은 앞부분."""
    by_id: dict[str, list[tuple[str, Path]]] = {}
    for entry in _visible(folder):
        match = MOODLE_DIR.match(entry.name) if entry.is_dir() and not entry.is_symlink() else None
        if match is None:
            warnings.append(f"Moodle 학생 폴더가 아니라 건너뜀 / not a Moodle submission folder, skipped: {entry.name}")
            continue
        by_id.setdefault(match["id"], []).append((match["name"], entry))
    result = []
    for sid, found in sorted(by_id.items()):
        # 온라인 글(onlinetext) 폴더도 함께 올 수 있다: 파일 제출 폴더를 먼저 본다
        found.sort(key=lambda t: "_assignsubmission_file" not in t[1].name)
        sub = next((s for s in (_pick_notebook(p, sid, expected_name, base) for _n, p in found)
                    if s.problem is None), None) or _pick_notebook(found[0][1], sid, expected_name, base)
        sub.name, sub.lms = found[0][0], "moodle"
        result.append(sub)
    return result


def _collect_canvas(folder, expected_name, base, chapter, warnings) -> list[Submission]:
    """Canvas: "name_12345_67890_ch01.ipynb". 학번은 사용자 번호, 다시 낸 파일 중 가장 나중 것을 채점한다."""
    by_id: dict[str, list[tuple[tuple[int, int], str, Path]]] = {}
    for path in _visible(folder):
        match = CANVAS_FILE.match(path.name)
        if match is None or path.is_symlink():
            warnings.append(f"Canvas 제출 파일이 아니라 건너뜀 / not a Canvas submission file, skipped: {path.name}")
            continue
        again = RESUBMISSION.search(match["file"])
        order = (int(match["attachment"]), int(again.group(1)) if again else 0)
        by_id.setdefault(match["id"], []).append((order, match["name"], path))
    result = []
    for sid, found in sorted(by_id.items()):
        found.sort()
        _order, name, path = found[-1]
        sub = Submission(sid, path=path, name=name, lms="canvas")
        if len(found) > 1:
            sub.notes.append(f"latest: 제출 {len(found)}개 중 가장 나중 것({path.name})을 채점 / graded the latest "
                             f"of {len(found)} submissions")
        result.append(sub)
    return result


def _collect_nbgrader(folder, expected_name, base, chapter, warnings) -> list[Submission]:
    """nbgrader: submitted/<student>/<assignment>/<notebook>.ipynb. 과제 폴더는 장 이름(ch01)의 것을 본다."""
    result = []
    for entry in _visible(folder):
        if not entry.is_dir() or entry.is_symlink():
            warnings.append(f"학생 폴더가 아니라 건너뜀 / not a student folder, skipped: {entry.name}")
            continue
        target = entry / chapter if chapter else entry
        if not target.is_dir():
            result.append(Submission(entry.name, problem=SubmissionError(
                "missing", f"과제 폴더 {chapter}/가 없습니다", f"no {chapter}/ assignment folder")))
            continue
        result.append(_pick_notebook(target, entry.name, expected_name, base))
    return result


def _collect_flat(folder, expected_name, base, chapter, warnings) -> list[Submission]:
    """평평한 폴더: <student_id>.ipynb 하나가 학생 하나."""
    result = []
    for path in _visible(folder):
        if path.is_file() and not path.is_symlink() and path.suffix.lower() == ".ipynb":
            result.append(Submission(path.stem, path=path))
        else:
            warnings.append(f"<student_id>.ipynb가 아니라 건너뜀 / not a <student_id>.ipynb file, skipped: {path.name}")
    return result


def read_roster(path: Path) -> dict[str, str]:
    """명단 CSV: 학번 열(student_id, id, 학번)과 이름 열(name, 이름; 없어도 된다). 학번 → 이름."""
    import csv
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
    except (OSError, UnicodeDecodeError) as exc:
        raise GraderError(f"명단을 읽을 수 없습니다: {path} ({exc}) / cannot read the roster") from None
    if not rows:
        raise GraderError(f"명단이 비어 있습니다: {path} / the roster is empty")
    header = [h.strip().lower() for h in rows[0]]
    id_col = next((header.index(k) for k in ("student_id", "id", "학번", "identifier") if k in header), None)
    if id_col is None:
        raise GraderError(f"명단의 첫 줄에 학번 열(student_id, id, 학번)이 없습니다: {path} "
                          f"/ the roster needs a student_id column")
    name_col = next((header.index(k) for k in ("name", "이름", "full name", "full_name") if k in header), None)
    return {row[id_col].strip(): (row[name_col].strip() if name_col is not None and name_col < len(row) else "")
            for row in rows[1:] if len(row) > id_col and row[id_col].strip()}


def _apply_roster(found: list[Submission], roster: dict[str, str], warnings: list[str]) -> list[Submission]:
    """명단의 학생마다 한 줄: 낸 학생은 이름을 채우고, 내지 않은 학생은 ``missing``. 명단에 없는 제출은 알린다."""
    by_id = {s.student_id: s for s in found}
    for sid in sorted(set(by_id) - set(roster)):
        warnings.append(f"명단에 없는 제출물 (채점은 한다) / submission not on the roster: {sid}")
    for sid, name in roster.items():
        if sid in by_id:
            by_id[sid].name = name or by_id[sid].name   # 강사의 명단이 LMS 파일 이름보다 정확하다
        else:
            lms = next((s.lms for s in found if s.lms), "")
            by_id[sid] = Submission(sid, name=name, lms=lms, problem=SubmissionError(
                "missing", "제출물이 없습니다 (명단에는 있음)", "no submission (on the roster)"))
    return [by_id[k] for k in sorted(by_id)]


def _pick_notebook(folder: Path, student_id: str, expected_name: str, base: Path) -> Submission:
    sub = Submission(student_id)
    candidates = []
    for p in sorted(folder.rglob("*.ipynb")):
        if ".ipynb_checkpoints" in p.parts:
            continue
        if p.is_symlink() or not p.resolve().is_relative_to(base):
            sub.notes.append(f"symlink-ignored: 폴더 밖을 가리키는 링크 {p.name}는 무시 / symlink outside ignored")
            continue
        candidates.append(p)
    if not candidates:
        sub.problem = SubmissionError("missing", "제출한 노트북(.ipynb)이 없습니다", "no notebook submitted")
        return sub
    exact = [p for p in candidates if p.name == expected_name]
    if exact:
        sub.path = exact[0]
    elif len(candidates) == 1:
        sub.path = candidates[0]
        sub.notes.append(f"renamed: 파일 이름 {candidates[0].name} → {expected_name} / graded under the expected name")
    else:
        names = ", ".join(p.name for p in candidates)
        sub.problem = SubmissionError("ambiguous", f"어느 노트북을 채점할지 알 수 없습니다 ({names})",
                                      f"several notebooks, none named {expected_name}")
    return sub


OUTPUTS_NOTE_BYTES = 5 * 1024 * 1024   # 버린 저장된 출력이 이보다 크면 status에 알린다

# 저장된 출력과 첨부 그림은 채점에 쓰지 않는다: 값을 통째로 건너뛰고 빈 값으로 바꾼다
_DROP = {b'"outputs"': b"[]", b'"attachments"': b"{}"}
_STRING = re.compile(rb'"[^"\\]*+(?:\\.[^"\\]*+)*+"', re.S)
# 괄호가 아닌 것(문자열 포함)을 한 번에 건너뛴 뒤의 다음 괄호: 긴 출력도 파이썬 반복 없이 C 안에서 지나간다.
# 소유 수량자(*+, ++)라 되돌아갈 자리를 쌓지 않는다 (보통 *이면 반복 횟수만큼 메모리를 쓴다)
_TO_BRACKET = re.compile(rb'(?:[^"\[\]{}]++|"[^"\\]*+(?:\\.[^"\\]*+)*+")*+([\[\]{}])', re.S)
_SPACE = re.compile(rb"[ \t\r\n]*")
_SCALAR = re.compile(rb"[^,\]}\s]*")


def _not_json() -> SubmissionError:
    return SubmissionError("not-json", "노트북(JSON)으로 읽을 수 없습니다 (잘렸거나 다른 파일)",
                           "not a notebook: invalid JSON (truncated or another file)")


def _skip_value(m, pos: int) -> int:
    """``pos``에서 시작하는 JSON 값 하나를 건너뛴 다음 위치. 값의 내용은 읽어 들이지 않는다."""
    first = m[pos:pos + 1]
    if first == b'"':
        hit = _STRING.match(m, pos)
        if hit is None:
            raise _not_json()
        return hit.end()
    if first not in (b"[", b"{"):
        return _SCALAR.match(m, pos).end()
    depth, p = 0, pos
    while True:
        hit = _TO_BRACKET.match(m, p)
        if hit is None:
            raise _not_json()
        depth += 1 if hit.group(1) in (b"[", b"{") else -1
        p = hit.end()
        if depth == 0:
            return p


def strip_outputs(path: Path) -> tuple[bytes, int]:
    """노트북 파일에서 저장된 출력(``outputs``)과 첨부(``attachments``)의 값을 빼고 나머지 바이트를 돌려준다.

    파일을 mmap으로 훑으며 그 값들을 건너뛰므로 출력이 수백 MB여도 프로세스 메모리는 남는 부분만큼만 쓴다.
    (남은 바이트, 버린 바이트 수). 남는 부분이 :data:`MAX_NOTEBOOK_BYTES`를 넘으면 ``too-large``.
    JSON의 나머지 검사는 부르는 쪽의 ``json.loads``가 한다.
    """
    kept: list[bytes] = []
    size = dropped = last = pos = 0
    with open(path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as m:
        end = len(m)
        while pos < end:
            start = m.find(b'"', pos)
            if start < 0:
                break
            hit = _STRING.match(m, start)
            if hit is None:
                raise _not_json()
            pos = hit.end()
            if hit.end() - start <= 13 and m[start:hit.end()] in _DROP:
                colon = _SPACE.match(m, pos).end()
                if m[colon:colon + 1] == b":":
                    value = _SPACE.match(m, colon + 1).end()
                    after = _skip_value(m, value)
                    kept += [m[last:colon + 1], _DROP[m[start:hit.end()]]]
                    size += colon + 1 - last
                    dropped += after - value
                    last = pos = after
            if size + pos - last > MAX_NOTEBOOK_BYTES:
                raise SubmissionError("too-large", f"저장된 출력을 빼고도 노트북이 너무 큽니다 "
                                      f"({MAX_NOTEBOOK_BYTES // 1_000_000} MB 넘음)",
                                      "the notebook is too large even without its stored outputs")
        kept.append(m[last:end])
    return b"".join(kept), dropped


def read_notebook(path: Path, notes: list[str] | None = None):
    """제출 파일을 읽어 nbformat v4 노트북으로 돌려준다. 문제가 있으면 SubmissionError.

    노트북은 소스로 채점한다: 저장된 출력은 크기 제한을 재기 전에 버린다 (:func:`strip_outputs`, 메모리도
    출력 크기만큼 쓰지 않는다). 파일 자체가 :data:`MAX_FILE_BYTES`보다 크면 읽지 않는다.
    채점할 수 있지만 강사가 알아야 할 것은 ``notes``에 덧붙인다: 옛 nbformat을 v4로 올림, 다른 언어나
    빠진 커널 정보(채점은 언제나 이 책의 python3 커널로 한다), 아주 큰 저장된 출력(읽지 않고 버린다).
    """
    notes = notes if notes is not None else []
    size = path.stat().st_size
    if size == 0:
        raise SubmissionError("empty", "빈 파일입니다", "the file is empty")
    if size > MAX_FILE_BYTES:
        raise SubmissionError("too-large", f"파일이 너무 큽니다 ({size // 1_000_000} MB, 한도 "
                              f"{MAX_FILE_BYTES // 1_000_000} MB)", "the file is too large")
    raw, outputs = strip_outputs(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionError("not-utf8", "UTF-8 텍스트가 아닙니다", "the file is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise _not_json() from None
    if not isinstance(data, dict) or "cells" not in data and "worksheets" not in data:
        raise SubmissionError("not-a-notebook", "JSON이지만 노트북 구조가 아닙니다", "JSON but not a notebook")
    try:
        # nbformat은 중복되거나 빠진 셀 id를 고치면서 경고를 낸다: 경고는 모아서 메모로 남긴다 (채점기 출력을 어지럽히지 않게)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            nb = nbformat.reads(text, as_version=4)
    except Exception as exc:  # nbformat은 여러 종류의 예외를 낸다
        raise SubmissionError("not-a-notebook", f"노트북 형식 오류 ({type(exc).__name__})",
                              f"invalid notebook format ({exc})") from None
    if any(issubclass(w.category, DuplicateCellId) for w in caught):
        notes.append("cell-ids-fixed: 중복된 셀 id를 nbformat이 고침 / duplicate cell ids renamed by nbformat")
    original = data.get("nbformat")
    if original != 4:
        notes.append(f"upgraded: nbformat {original} 노트북을 4로 바꾸어 채점 / old nbformat {original} "
                     f"upgraded to 4")
    spec = (data.get("metadata") or {}).get("kernelspec") if isinstance(data.get("metadata"), dict) else None
    name = spec.get("name") if isinstance(spec, dict) else None
    language = spec.get("language") if isinstance(spec, dict) else None
    if not isinstance(name, str) or not name:
        notes.append("kernel-missing: 커널 정보가 없어 python3 커널로 채점 / no kernelspec, graded with python3")
    elif not name.startswith("python") or (language not in (None, "python")):
        notes.append(f"kernel-replaced: 커널 {name!r} 대신 python3 커널로 채점 / kernelspec {name!r} replaced "
                     f"by python3")
    if outputs > OUTPUTS_NOTE_BYTES:
        notes.append(f"outputs-ignored: 저장된 출력 {outputs // 1_000_000} MB는 읽지 않고 소스로 채점 / "
                     f"{outputs // 1_000_000} MB of stored outputs ignored, graded on the sources")
    return nb


def compare_with_release(nb, release_nb) -> list[str]:
    """테스트 셀이 지워졌거나 고쳐졌거나 grade_id가 중복되었는지 알린다 (채점은 원본 테스트로 한다)."""
    notes = []
    want = _cells.test_cells(release_nb)
    seen: dict[str, int] = {}
    for cell in nb.cells:
        gid = _cells.grade_id(cell)
        if gid:
            seen[gid] = seen.get(gid, 0) + 1
    missing = [g for g in want if g not in seen]
    edited = [g for g, c in _cells.test_cells(nb).items()
              if g in want and _cells.visible_source(c) != _cells.visible_source(want[g])]
    dupes = [g for g, n in seen.items() if n > 1]
    if missing:
        notes.append(f"tests-restored: 지워진 테스트 셀을 원본으로 복원 / deleted test cells restored ({len(missing)})")
    if edited:
        notes.append(f"tests-restored: 고친 테스트 셀을 원본으로 복원 / edited test cells restored ({len(edited)})")
    if dupes:
        notes.append(f"duplicate-ids: 중복된 셀은 첫 번째만 채점 / duplicated cell ids, first one graded ({len(dupes)})")
    answers = {_cells.grade_id(c) for c in nb.cells if _cells.is_answer(c)}
    lost = [_cells.grade_id(c) for c in release_nb.cells if _cells.is_answer(c) and _cells.grade_id(c) not in answers]
    if lost:
        notes.append(f"answers-missing: 답안 셀이 없어 0점 / answer cells missing: {', '.join(lost)}")
    return notes


def assemble(nb, release_nb):
    """채점할 노트북을 학생용 배포본에서 새로 조립한다.

    배포본의 준비(setup) 셀, 답안 셀, 테스트 셀 순서를 그대로 두고, 답안 셀의 내용만 학생 것으로 바꾼다.
    학생이 답안 셀 바로 뒤에 추가한 코드 셀(도우미 함수 등)은 그 답안 셀 뒤에 붙인다.
    시연(demo) 셀과 마크다운은 채점에 필요 없으므로 넣지 않는다 — 채점이 빨라지고, 학생이 지우거나
    순서를 바꾸거나 가짜 출력을 넣은 셀은 아무 영향도 주지 않는다.
    """
    source_code = {_cells.source_text(c).strip() for c in release_nb.cells if c.cell_type == "code"}
    answers: dict[str, str] = {}
    extras: dict[str | None, list[str]] = {}
    anchor = None
    for cell in nb.cells:
        if cell.get("cell_type") != "code":
            continue
        gid = _cells.grade_id(cell)
        if _cells.is_answer(cell):
            if gid not in answers:
                answers[gid] = _cells.source_text(cell)
            anchor = gid
        elif not _cells.nbgrader_meta(cell) and _cells.source_text(cell).strip() \
                and _cells.source_text(cell).strip() not in source_code:
            extras.setdefault(anchor, []).append(_cells.source_text(cell))
    out = nbformat.v4.new_notebook(metadata=release_nb.metadata)
    for cell in release_nb.cells:
        if cell.cell_type != "code" or _cells.is_demo(cell):
            continue
        new = nbformat.v4.new_code_cell(_cells.source_text(cell), metadata=cell.metadata)
        if _cells.is_answer(cell):
            gid = _cells.grade_id(cell)
            new.source = answers.get(gid, "")
        out.cells.append(new)
        if _cells.is_answer(cell):
            for extra in extras.get(_cells.grade_id(cell), []):
                out.cells.append(nbformat.v4.new_code_cell(extra))
    for extra in extras.get(None, []):
        # 첫 답안 셀 앞에 학생이 추가한 셀: setup 셀 바로 뒤에 둔다
        idx = next((i for i, c in enumerate(out.cells) if _cells.nbgrader_meta(c)), len(out.cells))
        out.cells.insert(idx, nbformat.v4.new_code_cell(extra))
    return out
