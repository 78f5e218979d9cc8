"""채점의 판정: 사례와 기댓값 만들기(상자 밖, 한 번), 학생 결과와 비교하기(상자 밖, 학생마다).

테스트 셀은 ``check("연습문제 id", 함수)``(숨은 테스트는 ``hidden=True``) 호출만 담는다는 것이 이 책의
계약이다. 판정기는 강사용 노트북의 테스트 셀에서 이 호출들을 읽어

1. ``prepare``: 별도 프로세스에서 연습문제의 사례와 기댓값을 한 번 계산한다 (기준이 TensorFlow/Keras이면
   그 프로세스만 TensorFlow를 불러온다). 상자에 넣을 ``plan.pkl``에는 사례 입력과 ``run`` 함수만 있고
   숨은 사례의 기댓값은 없다. 기댓값은 ``expected.pkl``로 채점기 쪽에만 남는다.
2. ``compare``: 상자가 적은 결과(JSON)를 :mod:`grader._wire`로 자료로만 읽어 기댓값과 비교한다.
   학생 코드는 이 프로세스에 닿지 못한다.
"""
from __future__ import annotations

import json
import os
import pickle
import re
import stat
import subprocess
import sys
from pathlib import Path

from grader import _cells
from grader._exceptions import GraderError
from grader._wire import WireError, decode

CHECK_CALL = re.compile(r'check\(\s*"([^"]+)"\s*,\s*([A-Za-z_]\w*)\s*(?:,\s*hidden\s*=\s*(True|False)\s*)?\)')


def test_checks(source_nb) -> dict[str, list[tuple[str, str, bool]]]:
    """테스트 셀 grade_id → [(연습문제 id, 함수 이름, hidden), …] (강사용 노트북의 숨은 테스트 포함)."""
    out = {}
    for cell in source_nb.cells:
        if not _cells.is_test(cell):
            continue
        calls = [(m.group(1), m.group(2), m.group(3) == "True") for m in CHECK_CALL.finditer(_cells.source_text(cell))]
        if not calls:
            raise GraderError(f"테스트 셀 {_cells.grade_id(cell)}에 check(\"id\", 함수) 호출이 없습니다 "
                              f"/ test cell {_cells.grade_id(cell)} has no check(...) call")
        out[_cells.grade_id(cell)] = calls
    return out


def harvest_source(index: int, calls: list[tuple[str, str, bool]]) -> str:
    """테스트 셀 자리에 넣을 코드: 학생 함수를 사례에 돌려 결과만 적는다."""
    items = ", ".join(f"({eid!r}, {hidden!r}, lambda: {func})" for eid, func, hidden in calls)
    return f"from grader._harvest import harvest\nharvest({index}, [{items}])"


# --- prepare (별도 프로세스) -----------------------------------------------------------------------

def prepare(checks: dict, hidden_dir: Path, workdir: Path, timeout: int = 900) -> None:
    """``plan.pkl``(상자용)과 ``expected.pkl``(채점기용)을 ``workdir``에 만든다."""
    job = workdir / "prepare.json"
    keys = sorted({(eid, hidden) for calls in checks.values() for eid, _f, hidden in calls})
    job.write_text(json.dumps({"keys": keys, "workdir": str(workdir)}), encoding="utf-8")
    env = dict(os.environ, DLBOOK_HIDDEN_DIR=str(hidden_dir), TF_CPP_MIN_LOG_LEVEL="3", PYTHONHASHSEED="0")
    proc = subprocess.run([sys.executable, "-m", "grader._judge", str(job)], env=env, capture_output=True,
                          text=True, timeout=timeout)
    if proc.returncode != 0:
        raise GraderError("연습문제의 사례와 기댓값을 만들지 못했습니다 / could not prepare the cases:\n"
                          + (proc.stdout + proc.stderr)[-3000:])


def _prepare_main(job_path: Path) -> int:
    import cloudpickle

    from dlbook._quiet import quiet
    from dlbook.checker import Case, load_exercise

    job = json.loads(job_path.read_text(encoding="utf-8"))
    plan, expected = {}, {}
    for eid, hidden in (tuple(k) for k in job["keys"]):
        ex = load_exercise(eid, hidden=hidden)
        with quiet():
            cases = ex.cases()
            wanted = [ex.expected_for(case) for case in cases]
        shipped = [Case(args=c.args, kwargs=c.kwargs, expected=None if hidden else c.expected, label=c.label)
                   for c in cases]
        plan[(eid, hidden)] = {"run": ex.run, "cases": shipped, "forbidden": tuple(ex.forbidden)}
        # 숨은 모듈은 sys.modules에 없으므로 cloudpickle이 그 함수들(run, compare)을 값으로 담는다
        expected[(eid, hidden)] = {"expected": wanted, "cases": cases, "exercise": ex}
    workdir = Path(job["workdir"])
    (workdir / "plan.pkl").write_bytes(cloudpickle.dumps(plan))
    (workdir / "expected.pkl").write_bytes(cloudpickle.dumps(expected))
    return 0


# --- compare (채점기 프로세스) ---------------------------------------------------------------------

MAX_RESULT_BYTES = 96 * 1024 * 1024   # 결과 파일 하나의 최대 크기 (넘으면 그 테스트는 실패)


def read_harvest(out_dir: Path) -> dict[str, str]:
    """상자가 ``out/``에 남긴 결과 파일들을 글자로 읽는다 (``test-N.json`` → 내용).

    상자 밖(채점기나 Dask 작업자)에서 부른다. 학생이 만든 심볼릭 링크는 따라가지 않고(O_NOFOLLOW),
    보통 파일이 아니거나 너무 크거나 UTF-8이 아닌 것은 결과가 없는 것으로 친다.
    """
    found: dict[str, str] = {}
    try:
        names = sorted(os.listdir(out_dir))
    except OSError:
        return found
    for name in names:
        if not re.fullmatch(r"test-\d+\.json", name):
            continue
        try:
            fd = os.open(out_dir / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
        except OSError:
            continue
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_RESULT_BYTES:
                continue
            try:
                found[name] = f.read(MAX_RESULT_BYTES + 1).decode("utf-8")
            except (OSError, UnicodeDecodeError):
                continue
    return found


class Verdicts:
    """``expected.pkl``을 한 번 읽어 두고 학생마다 결과를 판정한다."""

    def __init__(self, workdir: Path, checks: dict, points: dict[str, float]):
        with open(workdir / "expected.pkl", "rb") as f:
            self.expected = pickle.load(f)   # 채점기가 만든 파일이다 (상자에는 보이지 않는다)
        self.checks = checks
        self.points = points

    def judge(self, harvest: dict[str, str], index_of: dict[str, int]) -> tuple[dict, dict]:
        """(테스트 셀 → (점수, 만점), 테스트 셀 → 실패 이유).

        ``harvest``는 상자가 적은 결과 파일의 글자들이다 (파일 이름 ``test-N.json`` → 내용): 로컬 작업자든
        Dask 작업자든 같은 자료를 돌려주므로 판정은 언제나 이 프로세스 한 곳에서 같은 방식으로 한다.
        """
        scores, messages = {}, {}
        for gid, calls in self.checks.items():
            ok, why = self._judge_cell(harvest.get(f"test-{index_of[gid]}.json"), calls)
            scores[gid] = (self.points[gid] if ok else 0.0, self.points[gid])
            if not ok:
                messages[gid] = why
        return scores, messages

    def _judge_cell(self, text: str | None, calls) -> tuple[bool, str]:
        if text is None:
            return False, "결과가 없습니다 (셀이 실행되지 않았거나 오류로 멈춤) / no result recorded"
        try:
            record = json.loads(text)
            if not isinstance(record, list) or len(record) != len(calls):
                raise WireError("record does not match the test cell")
        except (ValueError, WireError) as exc:
            return False, f"결과 파일을 읽을 수 없습니다 / unreadable result: {exc}"
        for (eid, _func, hidden), entry in zip(calls, record):
            if not isinstance(entry, dict) or entry.get("exercise") != eid or entry.get("hidden") != hidden:
                return False, "결과 파일이 테스트 셀과 맞지 않습니다 / result does not match the test"
            ok, why = self._judge_call(eid, hidden, entry)
            if not ok:
                return False, why
        return True, ""

    def _judge_call(self, eid: str, hidden: bool, entry: dict) -> tuple[bool, str]:
        from dlbook.checker import CheckFailure, _describe_case
        want = self.expected[(eid, hidden)]
        exercise = want["exercise"]
        outputs = entry.get("outputs") or []
        if not isinstance(outputs, list):
            return False, "결과 형식 오류 / malformed result"
        for i, case in enumerate(want["cases"]):
            if i >= len(outputs):
                error = entry.get("error") or "결과가 모자랍니다 / missing outputs"
                return False, f"{eid} {_describe_case(case, i)}: {error}"
            try:
                got = decode(outputs[i])
                exercise.compare_one(got, want["expected"][i], case)
            except CheckFailure as exc:
                return False, f"{eid} {_describe_case(case, i)}: {exc}"
            except Exception as exc:  # noqa: BLE001 - 이상한 결과도 그 사례의 실패일 뿐이다
                return False, f"{eid} {_describe_case(case, i)}: 결과를 비교할 수 없습니다 ({type(exc).__name__}: {exc})"
        return True, ""


if __name__ == "__main__":
    sys.exit(_prepare_main(Path(sys.argv[1])))
