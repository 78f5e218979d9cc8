"""PDF(xelatex) 빌드 검사: 한글이 진짜 글자로 조판되고, 글꼴에 없어 빠진 글자가 없는가.

책 전체의 PDF(`make pdf`)는 이 기계에서 몇 분이 걸리므로, 여기서는 같은 설정(_config.yml)으로
안내 페이지(book/*.md)와 두 장(CHAPTERS)만 담은 작은 책을 임시 폴더에 만들어 PDF로 빌드한다
(tools/pdf.py의 make_subbook). 실행 캐시는 저장소의 .jupyter_cache를 함께 쓰므로, 같은 세션에서
test_book.py가 HTML을 빌드한 뒤라면 노트북은 다시 실행되지 않는다 (같은 xdist 그룹 "book").
PDF의 글자는 Debian poppler-utils의 pdftotext로 읽는다 (`make test`가 `make tex`로 설치한다).
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import pdf  # noqa: E402  (tools/pdf.py)

CHAPTERS = ["ch01", "ch11"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


def _squash(text: str) -> str:
    """빈칸을 모두 뺀 글자: pdftotext가 한글과 라틴 글자 사이에 넣거나 빼는 빈칸에 흔들리지 않게."""
    return re.sub(r"\s+", "", text)


def _notebook(chapter: str) -> dict:
    (path,) = sorted((ROOT / "chapters" / chapter).glob(f"{chapter}_*.ipynb"))
    return json.loads(path.read_text(encoding="utf-8"))


def _chapter_title(chapter: str) -> str:
    """노트북 첫 '# ' 제목 (예: '1장. TensorFlow 기초')."""
    for cell in _notebook(chapter)["cells"]:
        if cell["cell_type"] == "markdown":
            for line in "".join(cell["source"]).splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    raise AssertionError(f"{chapter}에 '# ' 제목이 없다")


def _hangul_code_comment(chapter: str) -> str:
    """코드 셀 안의 짧은 한글 주석 한 줄 (코드 블록의 한글도 글꼴이 있어야 보인다)."""
    for cell in _notebook(chapter)["cells"]:
        if cell["cell_type"] != "code" or "remove-input" in cell.get("metadata", {}).get("tags", []):
            continue
        for line in "".join(cell["source"]).splitlines():
            comment = line.strip()
            if comment.startswith("# ") and HANGUL.search(comment) and 8 <= len(comment) <= 50:
                return comment
    raise AssertionError(f"{chapter}의 코드 셀에 한글 주석이 없다")


def _pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext가 없다: `make tex`(Debian poppler-utils)를 실행하라 / run `make tex`")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout


def test_missing_character_lines_are_found():
    """XeTeX 로그의 'Missing character' 줄을 읽는 정규식이 실제 형식과 맞는다 (빠진 글자가 있으면 빌드 실패)."""
    # 실제 로그에서 옮긴 줄: TeX가 79자에서 줄을 바꾸면 글꼴 이름 뒤가 다음 줄로 넘어간다
    log = ("Missing character: There is no ␣ (U+2423) in font NanumGothicCoding/OT:language\n"
           "=dflt;script=latn;!\n"
           "Missing character: There is no − (U+2212) in font NanumMyeongjo/OT:script=latn;\n"
           "Missing character: There is no − (U+2212) in font NanumMyeongjo/OT:script=latn;\n"
           "Missing character: There is no 한 (U+D55C) in font [lmroman10-regular]:mapping=tex-text;!\n")
    assert pdf.missing_characters(log) == [
        "␣ (U+2423) in font NanumGothicCoding",
        "− (U+2212) in font NanumMyeongjo",
        "한 (U+D55C) in font [lmroman10-regular]",
    ]
    assert pdf.missing_characters("Output written on book.pdf (3 pages).\n") == []



@pytest.fixture(scope="session")
def subbook_pdf(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("pdf") / "book"
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "pdf.py"), "build", "--chapters", ",".join(CHAPTERS), "--dest", str(dest)],
        cwd=ROOT, capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, (
        f"PDF 빌드가 실패했다 (종료 코드 {result.returncode}):\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return pdf.pdf_path(dest)


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_hangul_headings_are_text(subbook_pdf):
    """책 제목과 두 장의 한글 제목이 PDF 안에 글자로 있다 (글꼴이 없으면 한글이 빠지고 이 검사가 실패한다)."""
    text = _squash(_pdftotext(subbook_pdf))
    title = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]
    expected = [title] + [_chapter_title(c) for c in CHAPTERS]
    missing = [t for t in expected if _squash(t) not in text]
    assert not missing, f"PDF 글자에 없는 제목: {missing}"


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_hangul_code_comments_are_text(subbook_pdf):
    """코드 블록 안의 한글 주석도 글자로 나온다 (고정폭 글꼴의 한글)."""
    text = _squash(_pdftotext(subbook_pdf))
    missing = [c for c in (_hangul_code_comment(ch) for ch in CHAPTERS) if _squash(c) not in text]
    assert not missing, f"PDF 글자에 없는 코드 주석: {missing}"


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_no_missing_characters_in_log(subbook_pdf):
    """xelatex 로그에 글꼴에 없어 빠진 글자가 없다 (tools/pdf.py도 이것으로 빌드를 실패시킨다)."""
    log = subbook_pdf.with_suffix(".log")
    assert log.exists(), f"{log}가 없다"
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Output written on" in text, "xelatex 로그가 끝까지 쓰이지 않았다"
    lost = pdf.missing_characters(text)
    assert not lost, f"글꼴에 없어 빠진 글자 (글자·글꼴 {len(lost)}쌍): {lost[:10]}"


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_plotly_figures_become_a_note(subbook_pdf):
    """plotly 그림(1장의 옵티마이저 그림들)은 PDF에서 빈자리가 아니라 한국어 안내가 된다."""
    text = _pdftotext(subbook_pdf)
    assert pdf.PLOTLY_NOTE_MARK in text, "plotly 그림 자리에 안내가 없다"
    assert "dlbook-plotly" not in text and "Plotly.newPlot" not in text, "plotly HTML/JS가 PDF 글자로 새어 나왔다"
