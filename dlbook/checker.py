"""연습문제 채점기(checker): 테스트 셀은 ``check("ch01-ex1-rmse", rmse)`` 한 줄만 담는다.

The comparison lives here, not in the notebook, so that every chapter's tests look alike and the
grader can later move the comparison out of the student's process without touching a chapter.

An exercise is described by an :class:`Exercise`:

* ``cases()`` gives the inputs (seeded, deterministic);
* ``run(func, case)`` exercises the student's function on one case and returns plain data
  (NumPy arrays, floats, lists, dicts) — never objects the student controls;
* ``reference(case)`` gives the expected data for a case (Keras/TensorFlow itself wherever it has
  the operation), or the case carries ``expected``;
* ``compare(got, expected, case)`` raises :class:`CheckFailure` with a Korean message saying what
  differs (shape, first wrong element, expected vs got).

Visible exercises (worked examples a student can read) live in ``dlbook.exercises.<chapter>`` as
``VISIBLE``; hidden ones live only beside the instructor notebooks, in
``solutions/<chapter>/<chapter>_hidden.py`` as ``HIDDEN``, and are found through the environment
variable ``DLBOOK_HIDDEN_DIR`` or by looking for ``solutions/<chapter>/`` from the working folder
upwards.
"""
from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import inspect
import io
import os
import sys
import textwrap
import tokenize
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from dlbook._quiet import quiet

__all__ = ["Case", "CheckFailure", "Exercise", "array_result", "check", "code_without_comments", "compare_arrays", "forbid_calls",
           "compare_close", "load_exercise", "scalar_of"]


class CheckFailure(AssertionError):
    """학생 답이 기준(reference)과 다를 때 올리는 예외. 메시지는 학생이 읽는 한국어다.

    IPython(JupyterLab, Colab, nbgrader)은 이 예외를 만나면 ``_render_traceback_``의 줄만 보여 준다: 검사 장치
    (dlbook/checker.py)를 거친 호출 스택과 이 컴퓨터의 파일 경로 없이, 무엇이 어느 사례에서 다른지 한 문단만.
    학생 코드 안에서 난 오류라면 메시지가 이미 답 셀의 몇째 줄인지 말한다 (``_student_line``).
    """

    def _render_traceback_(self) -> list[str]:
        return [f"\x1b[0;31m검사 실패 (CheckFailure)\x1b[0m: {self}"]


def code_without_comments(func: Callable) -> str | None:
    """함수 소스에서 주석과 문자열을 뺀 코드 (답이 무엇을 부르는지 보는 검사용). 소스를 구할 수 없으면 None."""
    try:
        source = inspect.getsource(func)
        tokens = tokenize.generate_tokens(io.StringIO(textwrap.dedent(source)).readline)
        return " ".join(t.string for t in tokens if t.type not in (tokenize.COMMENT, tokenize.STRING))
    except (OSError, TypeError, tokenize.TokenError, IndentationError, SyntaxError):
        return None


@dataclass
class Case:
    """한 개의 시험 입력."""

    args: tuple = ()
    kwargs: dict = field(default_factory=dict)
    expected: Any = None
    label: str = ""


def _call(func: Callable, case: Case) -> Any:
    return func(*case.args, **case.kwargs)


@dataclass
class Exercise:
    id: str
    cases: Callable[[], list[Case]]
    run: Callable[[Callable, Case], Any] = _call
    reference: Callable[[Case], Any] | None = None
    compare: Callable[[Any, Any, Case], None] | None = None
    rtol: float = 1e-5
    atol: float = 1e-6
    # 답이 부르면 안 되는 것 (기준 구현): "tensorflow.nn.conv2d", 모듈이면 "sklearn.metrics" (dlbook._forbid).
    # 숨은 연습문제에 없으면 같은 id의 공개 연습문제의 목록을 쓴다 (load_exercise).
    forbidden: tuple[str, ...] = ()
    # 통과했을 때 학생에게 보여 줄 한 줄 (예: "정확도 0.972"): 만들고 학습시키는 연습문제가 점수를 알린다
    report: Callable[[Any, Any, Case], str] | None = None

    def expected_for(self, case: Case) -> Any:
        return self.reference(case) if self.reference is not None else case.expected

    def compare_one(self, got: Any, expected: Any, case: Case) -> None:
        if self.compare is not None:
            self.compare(got, expected, case)
        else:
            compare_close(got, expected, rtol=self.rtol, atol=self.atol, name="반환값")


# --- comparisons -------------------------------------------------------------------------------

def _fmt(x: Any) -> str:
    if isinstance(x, (float, np.floating)):
        return f"{float(x):.6g}"
    return repr(x)


def to_numpy(x: Any) -> np.ndarray:
    """TF 텐서, 변수, 리스트, 스칼라를 NumPy 배열로 바꾼다 (학생 객체를 그대로 비교하지 않는다)."""
    if hasattr(x, "numpy") and callable(x.numpy):
        x = x.numpy()
    return np.asarray(x)


def scalar_of(value: Any, what: str, *, exact: bool = False) -> float:
    """학생이 돌려준 스칼라(파이썬 수, NumPy 수, 0차원 배열, 텐서)를 float으로 바꾼다.

    ``exact``가 참이면 모양이 ``()``인 값만 받는다 (스칼라 텐서를 돌려주어야 하는 문제). 아니면 원소가
    하나뿐인 배열(모양 ``(1,)``, ``(1, 1)`` …)도 받는다.
    """
    try:
        arr = to_numpy(value)
    except Exception as exc:  # noqa: BLE001 - 학생 객체가 무엇이든 한국어로 알린다
        raise CheckFailure(f"{what}을(를) 숫자로 바꿀 수 없습니다: {type(value).__name__} ({exc})") from None
    if (arr.shape != ()) if exact else (arr.size != 1):
        raise CheckFailure(f"{what}은(는) 스칼라여야 합니다: 실제 모양 {arr.shape}")
    try:
        return float(arr.reshape(()))
    except (TypeError, ValueError):
        raise CheckFailure(f"{what}이(가) 숫자가 아닙니다: {type(value).__name__}") from None


def array_result(value: Any, shape: tuple[int, ...], what: str) -> np.ndarray:
    """학생이 돌려준 배열(NumPy 배열이나 텐서)을 float64 NumPy 배열로 바꾸고 모양을 확인한다."""
    try:
        arr = np.array(to_numpy(value), dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise CheckFailure(f"{what}을(를) 숫자 배열로 바꿀 수 없습니다: {type(value).__name__} ({exc})") from None
    if arr.shape != tuple(shape):
        raise CheckFailure(f"{what}의 모양(shape)이 다릅니다: 기대 {tuple(shape)}, 실제 {arr.shape}")
    return arr


def compare_arrays(got: Any, expected: Any, *, rtol: float = 1e-5, atol: float = 1e-6,
                   name: str = "반환값") -> None:
    """배열 비교. 다르면 모양, 첫 번째로 틀린 원소, 기댓값과 실제값을 한국어로 알린다."""
    try:
        g = to_numpy(got).astype(np.float64)
    except (TypeError, ValueError) as exc:
        raise CheckFailure(f"{name}을(를) 숫자 배열로 바꿀 수 없습니다: {type(got).__name__} ({exc})") from None
    e = to_numpy(expected).astype(np.float64)
    if g.shape != e.shape:
        raise CheckFailure(f"{name}의 모양(shape)이 다릅니다: 기대 {e.shape}, 실제 {g.shape}")
    if not np.all(np.isfinite(g)):
        idx = tuple(int(i) for i in np.argwhere(~np.isfinite(g))[0])
        raise CheckFailure(f"{name}에 NaN 또는 무한대가 있습니다: 위치 {idx}, 값 {g[idx]}")
    bad = ~np.isclose(g, e, rtol=rtol, atol=atol)
    if bad.any():
        idx = tuple(int(i) for i in np.argwhere(bad)[0])
        where = f" 위치 {idx}" if g.ndim else ""
        raise CheckFailure(
            f"{name}이(가) 다릅니다:{where} 기대 {_fmt(e[idx])}, 실제 {_fmt(g[idx])} "
            f"(틀린 원소 {int(bad.sum())}/{bad.size}개, 허용 오차 rtol={rtol:g}, atol={atol:g})")


def compare_close(got: Any, expected: Any, *, rtol: float = 1e-5, atol: float = 1e-6,
                  name: str = "반환값") -> None:
    """중첩된 dict/list/tuple도 비교한다 (dict는 키별로, 시퀀스는 항목별로)."""
    if isinstance(expected, dict):
        if not isinstance(got, dict):
            raise CheckFailure(f"{name}은(는) dict여야 합니다 (실제: {type(got).__name__})")
        missing = [k for k in expected if k not in got]
        if missing:
            raise CheckFailure(f"{name}에 키 {missing}가 없습니다")
        for k in expected:
            compare_close(got[k], expected[k], rtol=rtol, atol=atol, name=f"{name}[{k!r}]")
        return
    if isinstance(expected, (list, tuple)) and expected and not np.isscalar(expected[0]) \
            and np.ndim(expected[0]) > 0 and len({np.shape(x) for x in expected}) > 1:
        # 길이가 다른 배열들의 목록 (예: 미니배치 목록)
        if not isinstance(got, (list, tuple)):
            raise CheckFailure(f"{name}은(는) 목록이어야 합니다 (실제: {type(got).__name__})")
        if len(got) != len(expected):
            raise CheckFailure(f"{name}의 길이가 다릅니다: 기대 {len(expected)}, 실제 {len(got)}")
        for i, (g, e) in enumerate(zip(got, expected)):
            compare_close(g, e, rtol=rtol, atol=atol, name=f"{name}[{i}]")
        return
    compare_arrays(got, expected, rtol=rtol, atol=atol, name=name)


def forbid_calls(table: dict[str, "Exercise"], bans: dict[str, tuple[str, ...]]) -> None:
    """``bans``의 연습문제(id, 또는 ``id/부분``들의 공통 앞부분)에 부르면 안 되는 것들을 적는다 (dlbook._forbid)."""
    for key, names in bans.items():
        matched = [eid for eid in table if eid == key or eid.startswith(key + "/")]
        if not matched:
            raise KeyError(f"알 수 없는 연습문제 id: {key}")
        for eid in matched:
            table[eid].forbidden = tuple(names)


# --- finding exercises -------------------------------------------------------------------------

def _chapter_of(exercise_id: str) -> str:
    return exercise_id.split("-", 1)[0]


def _hidden_module(chapter: str):
    """solutions/<chapter>/<chapter>_hidden.py 를 찾는다 (강사용; 학생 배포본에는 없다)."""
    name = f"{chapter}_hidden.py"
    candidates = []
    if os.environ.get("DLBOOK_HIDDEN_DIR"):
        candidates.append(Path(os.environ["DLBOOK_HIDDEN_DIR"]) / name)
    here = Path.cwd().resolve()
    for d in (here, *here.parents):
        candidates += [d / name, d / "solutions" / chapter / name]
    for path in candidates:
        if path.is_file():
            spec = importlib.util.spec_from_file_location(f"_dlbook_hidden_{chapter}", path)
            module = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(module)
            return module
    raise CheckFailure(f"숨은 테스트 파일 {name}을(를) 찾을 수 없습니다 (강사용 채점 환경에서만 실행됩니다). "
                       f"/ hidden tests {name} not found: set DLBOOK_HIDDEN_DIR")


def load_exercise(exercise_id: str, hidden: bool = False) -> Exercise:
    chapter = _chapter_of(exercise_id)
    if hidden:
        table = _hidden_module(chapter).HIDDEN
    else:
        table = importlib.import_module(f"dlbook.exercises.{chapter}").VISIBLE
    if exercise_id not in table:
        raise KeyError(f"알 수 없는 연습문제 id: {exercise_id}")
    exercise = table[exercise_id]
    if hidden and not exercise.forbidden:
        table = importlib.import_module(f"dlbook.exercises.{chapter}").VISIBLE
        visible = table.get(exercise_id) or table.get(exercise_id.split("/")[0])
        if visible is not None and visible.forbidden:
            exercise = dataclasses.replace(exercise, forbidden=visible.forbidden)
    return exercise


# --- running -----------------------------------------------------------------------------------

_LIBRARY_DIRS = tuple(str(Path(p).resolve()) for p in {Path(__file__).parent, Path(np.__file__).parent.parent,
                                                          Path(textwrap.__file__).parent})


def _student_line(exc: BaseException) -> str:
    """예외가 난 곳 가운데 라이브러리(dlbook, site-packages, 표준 라이브러리) 밖의 가장 깊은 줄: 보통 학생의 답 셀.
    찾으면 " (답 셀 N번째 줄: 코드)", 못 찾으면 빈 문자열."""
    import traceback

    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if f.filename and not str(Path(f.filename).resolve()).startswith(_LIBRARY_DIRS)]
    if not frames:
        return ""
    frame = frames[-1]
    code = (frame.line or "").strip()
    return f" (답 셀 {frame.lineno}번째 줄" + (f": {code}" if code else "") + ")"


_RUNS: dict = {}
_RUNS_KEPT = 8


def _case_digest(case: Case) -> str | None:
    """사례 입력(args, kwargs)의 지문. 피클할 수 없으면 None (그때는 기억하지 않는다)."""
    import hashlib
    import pickle

    try:
        return hashlib.sha1(pickle.dumps((case.args, case.kwargs), protocol=4)).hexdigest()
    except Exception:  # noqa: BLE001 - 지문을 못 만들면 그냥 매번 실행한다
        return None


def run_once(run: Callable[[Callable, Case], Any], func: Callable, case: Case, forbidden: tuple = ()) -> Any:
    """금지 호출을 살피며(``_forbid.watch``) ``run(func, case)``를 실행하고, 결과를 기억해 둔다. 같은 함수 객체·같은
    입력·같은 ``run``·같은 금지 목록이면 다시 학습시키지 않고 기억한 결과를 돌려준다.

    학습형 연습문제의 ``/pass``와 ``/excellent``는 같은 사례를 두 기준으로 잰다. 예전에는 검사마다 모델을 새로
    학습시켜 채점 시간이 두 배였다. 이제 두 기준이 같은 한 번의 측정을 본다 (시드는 어차피 고정이다). 예외로 끝난
    실행(금지 호출 포함)은 기억하지 않으므로 다음 검사도 같은 이유로 실패한다. 학생이 함수를 다시 정의하면 새
    객체이므로 새로 실행한다.
    """
    from dlbook import _forbid

    digest = _case_digest(case)
    key = (func, run, digest, tuple(forbidden))
    try:
        if digest is not None and key in _RUNS:
            return _RUNS[key]
    except TypeError:  # 해시할 수 없는 함수 객체
        digest = None
    with quiet(), _forbid.watch(tuple(forbidden), func):
        got = run(func, case)
    if digest is not None:
        if len(_RUNS) >= _RUNS_KEPT:
            _RUNS.pop(next(iter(_RUNS)))
        _RUNS[key] = got
    return got


def _describe_case(case: Case, i: int) -> str:
    return f"사례 {i + 1}" + (f" ({case.label})" if case.label else "")


def check(exercise_id: str, func: Callable, *, hidden: bool = False) -> None:
    """학생 함수 ``func``를 연습문제 ``exercise_id``의 사례들로 시험한다.

    통과하면 한 줄을 출력하고, 틀리면 무엇이 다른지 말하는 :class:`CheckFailure`를 올린다.
    """
    exercise = load_exercise(exercise_id, hidden=hidden)
    if not callable(func):
        raise CheckFailure(f"{exercise_id}: 함수가 아니라 {type(func).__name__}이(가) 전달되었습니다")
    with quiet():
        cases = exercise.cases()
    notes = []
    for i, case in enumerate(cases):
        try:
            got = run_once(exercise.run, func, case, exercise.forbidden)
        except NotImplementedError:
            raise CheckFailure(f"{exercise_id}: 아직 구현하지 않았습니다 (NotImplementedError)") from None
        except CheckFailure as exc:
            raise CheckFailure(f"{exercise_id} {_describe_case(case, i)}: {exc}") from None
        except Exception as exc:  # 학생 코드의 어떤 예외든 한국어 메시지로 (어느 줄에서 났는지 함께)
            raise CheckFailure(f"{exercise_id} {_describe_case(case, i)}: 함수 실행 중 오류 "
                               f"{type(exc).__name__}: {exc}{_student_line(exc)}") from None
        with quiet():
            expected = exercise.expected_for(case)
        try:
            exercise.compare_one(got, expected, case)
        except CheckFailure as exc:
            raise CheckFailure(f"{exercise_id} {_describe_case(case, i)}: {exc}") from None
        if exercise.report is not None:
            notes.append(exercise.report(got, expected, case))
    kind = "숨은" if hidden else "공개"
    print(f"통과: {exercise_id} ({kind} 사례 {len(cases)}개)" + "".join(f" — {note}" for note in notes))
