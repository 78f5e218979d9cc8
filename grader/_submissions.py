"""제출물 모으기와 검사: 폴더 또는 zip, 학생마다 노트북 하나. 제출 파일은 절대 고치지 않는다."""
from __future__ import annotations

import json
import shutil
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import nbformat
from nbformat.warnings import DuplicateCellId

from grader import _cells
from grader._exceptions import GraderError, SubmissionError

MAX_NOTEBOOK_BYTES = 50 * 1024 * 1024
MAX_ZIP_TOTAL = 500 * 1024 * 1024
MAX_ZIP_ENTRIES = 20_000


@dataclass
class Submission:
    student_id: str
    path: Path | None = None
    problem: SubmissionError | None = None
    notes: list[str] = field(default_factory=list)


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
    if len(entries) == 1 and entries[0].is_dir() and any(entries[0].glob("*/*.ipynb")):
        return entries[0]
    return folder


def collect(submissions: Path, expected_name: str, workdir: Path) -> tuple[list[Submission], list[str]]:
    """SUBMISSIONS/<student_id>/<notebook>.ipynb 를 모은다. (제출물 목록, 강사에게 알릴 경고)."""
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
    base = submissions.resolve()
    result = []
    for entry in sorted(submissions.iterdir(), key=lambda p: p.name):
        if entry.name.startswith("."):
            continue
        if not entry.is_dir() or entry.is_symlink():
            warnings.append(f"학생 폴더가 아니라 건너뜀 / not a student folder, skipped: {entry.name}")
            continue
        result.append(_pick_notebook(entry, entry.name, expected_name, base))
    if not result:
        raise GraderError(f"{submissions} 안에 학생 폴더가 없습니다 (SUBMISSIONS/<student_id>/<notebook>.ipynb) "
                          f"/ no student folders in {submissions}")
    return result, warnings


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


OUTPUTS_NOTE_BYTES = 5 * 1024 * 1024   # 저장된 출력이 이보다 크면 알린다 (채점에는 출력을 쓰지 않는다)


def read_notebook(path: Path, notes: list[str] | None = None):
    """제출 파일을 읽어 nbformat v4 노트북으로 돌려준다. 문제가 있으면 SubmissionError.

    채점할 수 있지만 강사가 알아야 할 것은 ``notes``에 덧붙인다: 옛 nbformat을 v4로 올림, 다른 언어나
    빠진 커널 정보(채점은 언제나 이 책의 python3 커널로 한다), 아주 큰 저장된 출력(읽지 않고 버린다).
    """
    notes = notes if notes is not None else []
    size = path.stat().st_size
    if size == 0:
        raise SubmissionError("empty", "빈 파일입니다", "the file is empty")
    if size > MAX_NOTEBOOK_BYTES:
        raise SubmissionError("too-large", f"파일이 너무 큽니다 ({size // 1_000_000} MB)", "the file is too large")
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SubmissionError("not-utf8", "UTF-8 텍스트가 아닙니다", "the file is not UTF-8 text") from None
    try:
        data = json.loads(text)
    except ValueError:
        raise SubmissionError("not-json", "노트북(JSON)으로 읽을 수 없습니다 (잘렸거나 다른 파일)",
                              "not a notebook: invalid JSON (truncated or another file)") from None
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
    outputs = sum(len(json.dumps(cell.get("outputs", []))) for cell in nb.cells if cell.get("cell_type") == "code")
    if outputs > OUTPUTS_NOTE_BYTES:
        notes.append(f"outputs-ignored: 저장된 출력 {outputs // 1_000_000} MB는 읽지 않고 채점 / "
                     f"{outputs // 1_000_000} MB of stored outputs ignored")
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
