"""채점 한 번의 강사용 보고서: ``report.html``(그림이 든 한 파일, 오프라인)과 ``report.json``.

- 연습문제마다 점수 분포 (막대그래프), 평균, 만점·0점 비율
- 가장 흔한 실패 메시지 (숫자를 지워 같은 종류끼리 묶는다: "기대 (3,), 실제 (4,)" → "기대 (#,), 실제 (#,)")
- 가장 오래 걸린 제출물과 status별 학생 수, 문제가 있는 제출물 목록

grades.csv와 영수증(receipts/)이 정본이고, 보고서는 그것을 읽기 쉽게 요약할 뿐이다.
"""
from __future__ import annotations

import base64
import html
import io
import json
import re
import statistics
from collections import Counter, defaultdict
from pathlib import Path

TOP_FAILURES = 10
TOP_SLOWEST = 5
# 이름 속 숫자(ch01, ex1)는 두고 값만 지운다
_NUMBER = re.compile(r"(?<![\w.])[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?(?![A-Za-z_])")
# "ch01-ex1 사례 3 (설명, 괄호가 들어 있을 수도 있다): 메시지" → "ch01-ex1: 메시지" (사례가 달라도 같은 실패끼리 묶는다)
_CASE = re.compile(r"^(\S+) 사례 \d+(?: \(.*?\))?: ")


def normalize_message(message: str) -> str:
    """같은 종류의 실패를 묶는 열쇠: 사례 번호와 숫자를 지우고 첫 줄만 (160자까지)."""
    first = (message or "").strip().splitlines()[0] if (message or "").strip() else ""
    first = _CASE.sub(r"\1: ", first)
    return _NUMBER.sub("#", first)[:160]


def status_code(status: str) -> str:
    """'ok', 'ok+notes', 또는 문제 코드 ('not-json', 'timeout' …)."""
    if status == "ok":
        return "ok"
    if status.startswith("ok; "):
        return "ok+notes"
    return status.split(":", 1)[0]


def summarize(chapter: str, rows: list[dict], exercises: dict[str, float], details: dict[str, dict]) -> dict:
    """보고서의 내용 (report.json). ``details``: 학생 → {"seconds": 초|None, "messages": {테스트 → 메시지}}."""
    per_exercise = {}
    for ex, max_points in exercises.items():
        scores = [float(r.get(ex, 0)) for r in rows]
        per_exercise[ex] = {
            "max": max_points,
            "mean": round(statistics.fmean(scores), 3) if scores else 0.0,
            "full": sum(s >= max_points for s in scores),
            "zero": sum(s == 0 for s in scores),
            "histogram": {f"{k:g}": v for k, v in sorted(Counter(scores).items())},
        }
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        for test, message in (details.get(row["student_id"], {}).get("messages") or {}).items():
            groups[(test, normalize_message(message))].append(row["student_id"])
    failures = [{"test": test, "message": message, "count": len(ids), "students": ids}
                for (test, message), ids in groups.items()]
    failures.sort(key=lambda f: (-f["count"], f["test"], f["message"]))
    timed = [(details.get(r["student_id"], {}).get("seconds"), r) for r in rows]
    slowest = sorted(((s, r) for s, r in timed if isinstance(s, (int, float))), key=lambda t: -t[0])
    totals = [float(r["total"]) for r in rows]
    return {
        "chapter": chapter,
        "students": len(rows),
        "max_total": float(rows[0]["max_total"]) if rows else float(sum(exercises.values())),
        "mean_total": round(statistics.fmean(totals), 3) if totals else 0.0,
        "median_total": statistics.median(totals) if totals else 0.0,
        "statuses": dict(sorted(Counter(status_code(r["status"]) for r in rows).items())),
        "exercises": per_exercise,
        "failures": failures[:TOP_FAILURES],
        "slowest": [{"student_id": r["student_id"], "seconds": s, "status": status_code(r["status"])}
                    for s, r in slowest[:TOP_SLOWEST]],
        "problems": [{"student_id": r["student_id"], "status": r["status"]}
                     for r in rows if status_code(r["status"]) not in ("ok", "ok+notes")],
    }


def _histogram_png(summary: dict) -> str:
    """연습문제마다 점수 분포 막대그래프 하나씩 (한 그림). base64 PNG: 보고서가 파일 하나로 오프라인에서 열린다."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from dlbook.plotting import use_korean_font

    use_korean_font()
    items = list(summary["exercises"].items())
    fig, axes = plt.subplots(1, max(1, len(items)), figsize=(3.2 * max(1, len(items)), 2.6), squeeze=False)
    for ax, (ex, info) in zip(axes[0], items):
        xs = [float(k) for k in info["histogram"]]
        ys = list(info["histogram"].values())
        ax.bar(xs, ys, width=max(info["max"], 1) / 12, color="#3b6ea8")
        ax.set_xlim(-0.1 * max(info["max"], 1), 1.1 * max(info["max"], 1))
        ax.set_title(ex, fontsize=9)
        ax.set_xlabel("점수")
        ax.set_ylabel("학생 수")
        ax.yaxis.get_major_locator().set_params(integer=True)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=90)
    plt.close(fig)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def render(summary: dict) -> str:
    e = html.escape
    parts = [
        "<!doctype html><html lang='ko'><head><meta charset='utf-8'>",
        f"<title>{e(summary['chapter'])} 채점 보고서</title><style>",
        "body{font-family:'NanumGothic','Noto Sans KR',sans-serif;max-width:1000px;margin:2em auto;padding:0 1em;"
        "line-height:1.55}table{border-collapse:collapse;margin:.6em 0 1.4em}td,th{border:1px solid #ccc;"
        "padding:.3em .6em;text-align:left;vertical-align:top}th{background:#f4f4f4}img{max-width:100%}",
        "</style></head><body>",
        f"<h1>{e(summary['chapter'])} 채점 보고서 <small>(grading report)</small></h1>",
        f"<p>학생 {summary['students']}명 · 평균 {summary['mean_total']:g} / {summary['max_total']:g} · "
        f"중앙값 {summary['median_total']:g}</p>",
        "<h2>상태별 학생 수 (statuses)</h2><table><tr><th>상태</th><th>학생 수</th></tr>",
        *(f"<tr><td>{e(k)}</td><td>{v}</td></tr>" for k, v in summary["statuses"].items()),
        "</table><h2>연습문제별 점수 분포 (score distribution)</h2>",
    ]
    if summary["exercises"]:
        parts.append(f"<img alt='연습문제별 점수 분포' src='data:image/png;base64,{_histogram_png(summary)}'>")
    parts.append("<table><tr><th>연습문제</th><th>만점</th><th>평균</th><th>만점 받은 학생</th><th>0점</th></tr>")
    for ex, info in summary["exercises"].items():
        parts.append(f"<tr><td>{e(ex)}</td><td>{info['max']:g}</td><td>{info['mean']:g}</td>"
                     f"<td>{info['full']}</td><td>{info['zero']}</td></tr>")
    parts.append("</table><h2>가장 흔한 실패 메시지 (most common failures)</h2>")
    if summary["failures"]:
        parts.append("<table><tr><th>학생 수</th><th>테스트</th><th>메시지 (숫자는 #)</th><th>학생</th></tr>")
        for f in summary["failures"]:
            who = ", ".join(f["students"][:8]) + (" …" if len(f["students"]) > 8 else "")
            parts.append(f"<tr><td>{f['count']}</td><td>{e(f['test'])}</td><td>{e(f['message'])}</td>"
                         f"<td>{e(who)}</td></tr>")
        parts.append("</table>")
    else:
        parts.append("<p>실패한 테스트가 없다.</p>")
    parts.append("<h2>가장 오래 걸린 제출물 (slowest submissions)</h2>")
    if summary["slowest"]:
        parts.append("<table><tr><th>학생</th><th>초</th><th>상태</th></tr>")
        parts += [f"<tr><td>{e(s['student_id'])}</td><td>{s['seconds']:.1f}</td><td>{e(s['status'])}</td></tr>"
                  for s in summary["slowest"]]
        parts.append("</table>")
    if summary["problems"]:
        parts.append("<h2>채점하지 못했거나 멈춘 제출물 (problems)</h2><table><tr><th>학생</th><th>상태</th></tr>")
        parts += [f"<tr><td>{e(p['student_id'])}</td><td>{e(p['status'])}</td></tr>" for p in summary["problems"]]
        parts.append("</table>")
    parts.append("<p>정본은 grades.csv와 receipts/의 영수증이다. 학생별 자세한 결과는 feedback/에 있다.</p>"
                 "</body></html>")
    return "".join(parts)


def write(out_dir: Path, chapter: str, rows: list[dict], exercises: dict[str, float],
          details: dict[str, dict]) -> Path:
    summary = summarize(chapter, rows, exercises, details)
    (out_dir / "report.json").write_text(json.dumps(summary, ensure_ascii=False, indent=1), encoding="utf-8")
    path = out_dir / "report.html"
    path.write_text(render(summary), encoding="utf-8")
    return path
