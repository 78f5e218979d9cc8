"""상자 안의 커널에서 학생 함수를 사례들에 실행하고 결과를 **자료로** 적는다 (비교하지 않는다).

채점 노트북의 테스트 셀 자리에는 ``harvest(…)`` 한 줄이 들어간다. 사례(입력)와 ``run`` 함수는
채점기가 상자 밖에서 만든 ``/work/plan.pkl``에 있고, 기댓값은 거기에 없다. 비교는 상자 밖의 채점기가
이 결과 파일을 읽어서 한다. 그래서 학생 코드가 이 모듈이나 NumPy, 검사기를 고쳐도 점수를 올릴 수 없다:
바꿀 수 있는 것은 자기 답의 출력뿐이다.
"""
from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

from grader._wire import WireError, encode

MAX_RESULT_BYTES = 64 * 1024 * 1024


def _plan() -> dict:
    with open(os.environ.get("DLBOOK_PLAN", "/work/plan.pkl"), "rb") as f:
        return pickle.load(f)


def _error_text(exc: BaseException) -> str:
    from dlbook.checker import CheckFailure
    if isinstance(exc, NotImplementedError):
        return "아직 구현하지 않았습니다 (NotImplementedError)"
    if isinstance(exc, CheckFailure):
        return str(exc)
    return f"함수 실행 중 오류 {type(exc).__name__}: {exc}"


def harvest(index: int, calls: list) -> None:
    """테스트 셀 ``index``의 ``calls``: [(연습문제 id, hidden, 함수를 돌려주는 lambda), …]."""
    from dlbook.checker import run_once  # /pass와 /excellent처럼 같은 사례는 한 번만 학습시킨다
    plan = _plan()
    record = []
    for exercise_id, hidden, get_func in calls:
        entry = plan[(exercise_id, hidden)]
        outputs = []
        try:
            func = get_func()
        except NameError as exc:
            record.append({"exercise": exercise_id, "hidden": hidden, "outputs": [],
                           "error": f"함수가 정의되지 않았습니다 ({exc})"})
            continue
        error = None
        if not callable(func):
            error = f"함수가 아니라 {type(func).__name__}이(가) 전달되었습니다"
        else:
            for case in entry["cases"]:
                try:
                    got = run_once(entry["run"], func, case, tuple(entry.get("forbidden", ())))
                    outputs.append(encode(got))
                except WireError as exc:
                    error = f"반환값을 채점기로 보낼 수 없습니다: {exc}"
                except BaseException as exc:  # noqa: BLE001 - 학생 코드의 어떤 예외든 그 사례의 실패로 적는다
                    if isinstance(exc, KeyboardInterrupt):
                        raise
                    error = _error_text(exc)
                if error:
                    break
        record.append({"exercise": exercise_id, "hidden": hidden, "outputs": outputs, "error": error})
    text = json.dumps(record, ensure_ascii=False)
    if len(text) > MAX_RESULT_BYTES:
        text = json.dumps([{"exercise": c[0], "hidden": c[1], "outputs": [],
                            "error": "결과가 너무 큽니다 / result too large"} for c in calls])
    out = Path(os.environ.get("DLBOOK_OUT", "out"))
    out.mkdir(parents=True, exist_ok=True)
    tmp = out / f".test-{index}.json"
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out / f"test-{index}.json")
    print("결과를 기록했습니다 (채점은 상자 밖에서 합니다) / outputs recorded")
