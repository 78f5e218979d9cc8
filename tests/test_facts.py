"""책이 제 숫자를 증명한다: 숫자 검사(tools/factcheck.py), 상호 참조 검사(tools/xref.py), 소개 쪽의 차례.

각 검사는 심어 둔 오류를 잡아야 한다 (아래 planted 테스트). 책 전체에 대한 검사는 빌드한 책(`built` fixture가 만든
실행 캐시 .jupyter_cache)에서 돌고, 아직 고치지 않은 문제는 tools/known_findings.py에 담당 이슈와 함께 적혀 있어야 한다.
그 목록에 없는 새 문제도, 이미 고쳐져 목록에만 남은 문제도 실패다: 목록은 줄어들기만 한다.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclass가 자기 모듈을 찾을 수 있게
    spec.loader.exec_module(module)
    return module


factcheck = _load("factcheck_tool", ROOT / "tools" / "factcheck.py")
xref = _load("xref_tool", ROOT / "tools" / "xref.py")
known = _load("known_findings", ROOT / "tools" / "known_findings.py")


def _executed(tmp_path: Path, cells: list[tuple[str, str, str]], name: str = "ch99_demo.ipynb") -> Path:
    """(종류, 소스, 출력 글) 목록으로 실행된 노트북 하나를 만든다."""
    nb_cells = []
    for kind, source, output in cells:
        if kind == "markdown":
            nb_cells.append({"cell_type": "markdown", "metadata": {}, "source": source})
        else:
            outputs = [{"output_type": "stream", "name": "stdout", "text": output}] if output else []
            nb_cells.append({"cell_type": "code", "metadata": {}, "source": source, "outputs": outputs,
                             "execution_count": 1})
    folder = tmp_path / "jupyter_execute" / "chapters" / "ch99"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps({"cells": nb_cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}),
                    encoding="utf-8")
    return path


DEMO = [
    ("markdown", "# 99장. 시험\n\n## 99-1. 학습\n\n아래 셀은 학습률 0.02로 학습한다.", ""),
    ("code", "history = train(learning_rate=0.02)\nprint(f'시험 MSE {mse:.4f}, 정확도 {acc:.1%}')",
     "시험 MSE 0.0496, 정확도 97.3%\n모드 8/8 덮음\n"),
    ("markdown", "시험 MSE는 0.0496이고 정확도는 97.3%다. 여덟 모드 가운데 8개 중 8개를 덮었다. "
                 "강의 자료는 같은 실험에서 0.0512를 얻었다. 시그모이드 도함수의 최댓값은 $0.25$ 다.", ""),
]


def _check(tmp_path, cells):
    path = _executed(tmp_path, cells)
    return factcheck.check_notebook(path, "ch99")


def test_clean_chapter_passes_and_is_counted(tmp_path):
    findings, tally = _check(tmp_path, DEMO)
    assert findings == []
    # 0.02는 설정, 0.0496·97.3%·8개 중 8개는 출력, 0.0512는 출처(강의 자료)를 밝힌 숫자, $0.25$는 수식이라 보지 않는다
    assert (tally.checked, tally.matched, tally.settings, tally.declared) == (5, 3, 1, 1)


@pytest.mark.parametrize("prose, expected", [
    pytest.param("시험 MSE는 0.0537이다.", ("0.0537", "0.0496"), id="decimal-from-another-run"),
    pytest.param("시험 MSE는 0.05이다.", None, id="coarser-precision-still-matches"),
    pytest.param("정확도는 99.3%다.", ("99.3%", "97.3%"), id="percent"),
    pytest.param("정확도는 80%대다.", ("80%", None), id="percent-decade"),
    pytest.param("정확도는 90%대다.", None, id="percent-decade-holds"),
    pytest.param("정확도는 100%다.", ("100%", "97.3%"), id="hundred-percent-is-exact"),
    pytest.param("여덟 모드 가운데 8개 중 7개를 덮었다.", ("8개 중 7개", "-"), id="count"),
    pytest.param("1,500 단계에서는 덮은 모드를 7/8로 셌다.", ("7/8", "-"), id="count-as-fraction"),
    pytest.param("레이블은 0/1이고 문턱값은 1/6이다.", None, id="fractions-that-are-not-counts"),
    pytest.param("한 번 학습하는 데 13초 걸린다.", ("13초", None), id="time"),
    pytest.param("GPU가 12배 빠르다.", ("12배", None), id="speedup"),
])
def test_planted_mismatch_is_reported_with_section_and_both_values(tmp_path, prose, expected):
    cells = DEMO[:2] + [("markdown", prose, "")]
    findings, _ = _check(tmp_path, cells)
    if expected is None:
        assert findings == []
        return
    assert len(findings) == 1, findings
    finding = findings[0]
    assert (finding.chapter, finding.section, finding.kind, finding.prose) == ("ch99", "99-1", "mismatch", expected[0])
    if expected[1]:
        assert finding.output == expected[1]
    assert "ch99 99-1" in str(finding) and expected[0] in str(finding)


@pytest.mark.parametrize("prose, runtime, ok", [
    pytest.param("이 장은 처음부터 끝까지 1분 안쪽으로 걸린다.", 20.0, True, id="upper-bound-holds"),
    pytest.param("이 장은 처음부터 끝까지 1분 안쪽으로 걸린다.", 75.0, False, id="upper-bound-broken"),
    pytest.param("이 장은 처음부터 끝까지 1분 안팎 걸린다.", 20.0, False, id="stale-estimate"),
    pytest.param("이 장은 처음부터 끝까지 30초 안팎 걸린다.", 20.0, True, id="estimate-within-a-factor-of-two"),
    pytest.param("이 장은 처음부터 끝까지 1분이 넘게 걸린다.", 20.0, False, id="lower-bound-after-a-particle"),
])
def test_run_time_claims_are_checked_against_the_measured_run_time(tmp_path, prose, runtime, ok):
    path = _executed(tmp_path, DEMO[:2] + [("markdown", "## 99-2. 정리\n\n" + prose, "")])
    nb = json.loads(path.read_text(encoding="utf-8"))
    nb["metadata"]["dlbook_execution_seconds"] = runtime  # 빌드가 잰 장 전체의 실행 시간
    findings, tally = factcheck.check_notebook(nb, "ch99")
    assert (findings == []) is ok, findings
    assert all(f.kind == "runtime" for f in findings)      # 알림으로만: CLI와 책 검사는 이것으로 실패하지 않는다
    assert tally.runtime == len(findings) and tally.mismatched == 0


def test_time_in_a_section_is_checked_against_printed_times_not_any_number(tmp_path):
    cells = [("markdown", "# 99장. 시험\n\n## 99-1. 학습", ""), ("code", "fit()", "학습 4.4초, 손실 30.0\n"),
             ("markdown", "학습은 30초쯤 걸린다.", "")]
    findings, _ = _check(tmp_path, cells)
    assert [f.prose for f in findings] == ["30초"]  # 손실 30.0은 시간이 아니다
    cells[-1] = ("markdown", "학습은 4초 남짓 걸린다.", "")
    assert _check(tmp_path, cells)[0] == []


def test_figure_is_checked_against_its_own_section_not_the_whole_chapter(tmp_path):
    cells = DEMO[:2] + [("markdown", "## 99-2. 다른 절\n\n여기서 시험 MSE는 0.0496이다.", "")]
    findings, _ = _check(tmp_path, cells)
    assert [(f.section, f.prose) for f in findings] == [("99-2", "0.0496")]
    # 다른 절을 가리키면 그 절의 출력도 본다
    cells[-1] = ("markdown", "## 99-2. 다른 절\n\n99-1절의 시험 MSE는 0.0496이었다.", "")
    assert _check(tmp_path, cells)[0] == []
    # 요약은 장 전체를 되짚는다
    cells[-1] = ("markdown", "## 요약\n\n- 시험 MSE는 0.0496이었다.", "")
    assert _check(tmp_path, cells)[0] == []


def test_source_declaration_must_be_in_the_same_sentence(tmp_path):
    cells = DEMO[:2] + [("markdown", "강의 자료와 비교하자. 이 실험의 MSE는 0.0512였다.", "")]
    findings, _ = _check(tmp_path, cells)
    assert [f.prose for f in findings] == ["0.0512"]
    cells[-1] = ("markdown", "이 실험의 MSE는 0.0512였다 (Kingma & Ba, 2015).", "")
    assert _check(tmp_path, cells)[0] == []


def test_figure_measured_outside_the_notebook_is_flagged_unless_bench_shows_it(tmp_path):
    cells = DEMO[:2] + [("markdown", "30 에포크로 학습하면(이 노트북 밖에서 잰 값이다) 정확도가 높아진다.", "")]
    findings, _ = _check(tmp_path, cells)
    assert [f.kind for f in findings] == ["outside"]
    cells[-1] = ("markdown", "30 에포크의 정확도는 이 노트북 밖에서 `make bench`로 잰다.", "")
    assert _check(tmp_path, cells)[0] == []


def test_cli_reports_and_fails_on_findings(tmp_path, capsys):
    _executed(tmp_path, DEMO[:2] + [("markdown", "MSE는 0.0537이다.", "")])
    assert factcheck.main(["check", "--executed", str(tmp_path / "jupyter_execute")]) == 1
    out = capsys.readouterr().out
    assert "본문 0.0537 ≠ 출력 0.0496" in out and "문제 1개" in out
    assert factcheck.main(["check", "--executed", str(tmp_path / "nothing")]) == 2


def _diff(found: list[str], expected: dict[str, str], what: str) -> str:
    new = sorted(set(found) - set(expected))
    stale = sorted(set(expected) - set(found))
    lines = []
    if new:
        lines.append(f"{what}: 새 문제 {len(new)}개 (고치거나, 담당 이슈와 함께 tools/known_findings.py에 적는다) / new findings:")
        lines += [f"  {item}" for item in new]
    if stale:
        lines.append(f"{what}: 고쳐졌는데 tools/known_findings.py에 남은 항목 {len(stale)}개 (지운다) / fixed, remove:")
        lines += [f"  {item}" for item in stale]
    return "\n".join(lines)


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_book_figures_equal_their_outputs(built):
    """빌드한 책의 모든 장: 본문의 숫자 = 같은 절의 출력 (또는 설정, 또는 출처를 밝힌 숫자)."""
    findings, tallies = factcheck.check_book()  # 책 빌드의 실행 캐시에서 출력을 읽는다
    assert set(tallies) >= {f"ch{n:02d}" for n in range(1, 12)}, f"검사한 장이 모자란다: {sorted(tallies)}"
    assert sum(t.checked for t in tallies.values()) > 300  # 숫자를 실제로 뽑았다
    # 장 전체의 실행 시간은 기계와 부하에 따라 달라서 알리기만 한다 (시간 문턱은 테스트에 넣지 않는다)
    for note in (f for f in findings if f.kind == "runtime"):
        print("알림 / note:", note)
    by_key = {f.key: f for f in findings if f.kind != "runtime"}
    message = _diff(list(by_key), known.FACTS, "숫자 검사 / fact check")
    details = "\n".join(str(by_key[k]) for k in sorted(set(by_key) - set(known.FACTS)))
    assert not message, message + "\n" + details


def test_book_cross_references_point_where_the_topic_is():
    findings = xref.check()
    keys = [f"{f.where.split(' 셀')[0]} {f.mention}" for f in findings]
    message = _diff(keys, known.XREFS, "상호 참조 / cross-references")
    assert not message, message + "\n" + "\n".join(map(str, findings))


@pytest.mark.parametrize("prose, ok", [
    pytest.param("합성곱 층(6장)은 이웃 화소를 함께 본다.", True, id="right-chapter"),
    pytest.param("합성곱 층(5장)은 이웃 화소를 함께 본다.", False, id="wrong-chapter"),
    pytest.param("5장에서 본 합성곱을 쓴다.", False, id="wrong-chapter-after"),
    pytest.param("교차 엔트로피(3장)를 손실로 쓴다.", False, id="mentioned-but-introduced-elsewhere"),
    pytest.param("교차 엔트로피(2장)를 손실로 쓴다.", True, id="introduced-there"),
    pytest.param("손실은 3장에서 본 교차 엔트로피다.", False, id="two-word-topic-after"),
    pytest.param("손실은 2장에서 본 교차 엔트로피다.", True, id="two-word-topic-after-right"),
    pytest.param("손실은 계속 작아지지 않으므로(6-2절) 멈춘다.", True, id="no-topic-only-existence"),
    pytest.param("자세한 것은 6-99절에 있다.", False, id="no-such-section"),
    pytest.param("자세한 것은 12장에 있다.", False, id="no-such-chapter"),
])
def test_planted_cross_reference_is_caught(prose, ok):
    chapters = xref.load_chapters(ROOT)
    findings = xref.check_text("demo", prose, chapters, own=7)
    assert (findings == []) is ok, findings


def intro_problems(intro: str) -> list[str]:
    """book/intro.md의 차례 표가 _toc.yml의 장과 같은 순서, 같은 파일이고 장 제목이 노트북의 제목과 같은가."""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    chapters = [entry["file"] for part in toc["parts"] if part["caption"] == "본문" for entry in part["chapters"]]
    rows = re.findall(r"^\|\s*(\d+)\s*\|\s*\[([^\]]+)\]\(\.\./(chapters/[^)]+)\.ipynb\)", intro, flags=re.M)
    problems = []
    if [path for _, _, path in rows] != chapters:
        problems.append(f"차례 {[p for _, _, p in rows]} ≠ _toc.yml {chapters}")
    for number, title, path in rows:
        notebook = ROOT / (path + ".ipynb")
        if not notebook.exists():
            continue
        heading = "".join(json.loads(notebook.read_text(encoding="utf-8"))["cells"][0]["source"]).splitlines()[0]
        if heading != f"# {number}장. {title}":
            problems.append(f"{number}장 제목 '{title}' ≠ 노트북 '{heading}'")
    for stale in ("준비 중", "minimize()"):
        if stale in intro:
            problems.append(f"낡은 말 '{stale}'")
    return problems


def test_intro_chapter_list_equals_the_toc():
    problems = intro_problems((ROOT / "book" / "intro.md").read_text(encoding="utf-8"))
    assert not problems, "book/intro.md가 목차와 다르다:\n" + "\n".join(problems)


@pytest.mark.parametrize("plant", [
    pytest.param(lambda t: re.sub(r"^\| 11 \|.*\n", "", t, flags=re.M), id="chapter-missing"),
    pytest.param(lambda t: t.replace("| 5 | [순환 신경망 (RNN)]", "| 5 | [순환 신경망]"), id="title-differs"),
    pytest.param(lambda t: t.replace("모든 장을 읽고", "1장을 읽고, 나머지는 준비 중이다. 모든 장을 읽고"), id="stale-text"),
])
def test_intro_check_catches_a_planted_error(plant):
    intro = (ROOT / "book" / "intro.md").read_text(encoding="utf-8")
    assert intro_problems(plant(intro))


def test_known_list_must_match_exactly():
    """알려진 문제 목록: 새 문제도, 고쳐졌는데 남은 항목도 실패 메시지에 나온다."""
    message = _diff(["ch05 5-6 mismatch 0.12"], {"ch07 7-3 mismatch 0.022": "#15"}, "숫자 검사")
    assert "새 문제 1개" in message and "ch05 5-6 mismatch 0.12" in message
    assert "남은 항목 1개" in message and "ch07 7-3 mismatch 0.022" in message
    assert _diff(["a"], {"a": "#15"}, "x") == ""
