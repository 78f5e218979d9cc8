"""학생마다 한국어 피드백 HTML 한 장."""
from __future__ import annotations

import html
from pathlib import Path

from grader import _cells

STYLE = """
body{font-family:'NanumGothic','Noto Sans KR','Malgun Gothic',sans-serif;max-width:880px;margin:2em auto;
line-height:1.6;color:#222;padding:0 1em}
table{border-collapse:collapse;width:100%;margin:1em 0}td,th{border:1px solid #ccc;padding:.4em .6em;text-align:left}
th{background:#f4f4f4}td:nth-child(2),th:nth-child(2){white-space:nowrap}.pass{color:#1a7f37}.fail{color:#c62828}pre{white-space:pre-wrap;background:#f8f8f8;
padding:.6em;border-radius:4px;margin:0}.status{padding:.6em;background:#fff8e1;border-left:4px solid #f9a825}
"""


def render(row: dict, exercises: dict[str, float], tests: dict[str, tuple[float, float]],
           messages: dict[str, str]) -> str:
    e = html.escape
    parts = [
        "<!doctype html><html lang='ko'><head><meta charset='utf-8'>",
        f"<title>{e(row['chapter'])} 채점 결과 — {e(row['student_id'])}</title><style>{STYLE}</style></head><body>",
        f"<h1>{e(row['chapter'])} 채점 결과</h1>",
        f"<p>학생: <b>{e(row['student_id'])}</b> · 총점 <b>{row['total']:g} / {row['max_total']:g}</b></p>",
    ]
    if row["status"] != "ok":
        parts.append(f"<p class='status'>상태 (status): {e(row['status'])}</p>")
    parts.append("<h2>연습문제별 점수</h2><table><tr><th>연습문제</th><th>점수</th><th>만점</th></tr>")
    for ex, max_points in exercises.items():
        parts.append(f"<tr><td>{e(ex)}</td><td>{row.get(ex, 0):g}</td><td>{max_points:g}</td></tr>")
    parts.append("</table>")
    if tests:
        parts.append("<h2>테스트 셀별 결과</h2><table><tr><th>테스트</th><th>점수</th><th>결과</th></tr>")
        for gid, (score, max_score) in tests.items():
            ok = score >= max_score
            verdict = "<span class='pass'>통과</span>" if ok else "<span class='fail'>실패</span>"
            msg = messages.get(gid)
            detail = f"<pre>{e(msg)}</pre>" if msg and not ok else ""
            parts.append(f"<tr><td>{e(gid)}</td><td>{score:g} / {max_score:g}</td><td>{verdict}{detail}</td></tr>")
        parts.append("</table>")
    parts.append("<p>실패한 테스트는 메시지가 말하는 곳(모양, 첫 번째로 틀린 원소, 기댓값과 실제값)부터 확인하세요. "
                 "공개 테스트는 노트북에서 직접 실행해 볼 수 있고, 숨은 테스트는 같은 함수를 무작위 입력으로 "
                 "기준 구현과 비교합니다.</p></body></html>")
    return "".join(parts)


def write(out_dir: Path, row: dict, exercises, tests, messages) -> Path:
    path = out_dir / "feedback" / f"{row['student_id']}.html"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(row, exercises, tests, messages), encoding="utf-8")
    return path


def exercise_scores(tests: dict[str, tuple[float, float]], exercises: dict[str, float]) -> dict[str, float]:
    scores = {ex: 0.0 for ex in exercises}
    for gid, (score, _max) in tests.items():
        ex = _cells.exercise_of(gid)
        if ex in scores:
            scores[ex] += score
    return scores
