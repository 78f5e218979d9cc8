"""책(Jupyter Book) 빌드 검사: 페이지가 다 있고, 오프라인으로 보이며, 장 본문이 깨끗한가.

책을 한 번 빌드해(`python tools/book.py build`) 결과 HTML을 검사한다 (fixture `built`는 tests/conftest.py).
이미 빌드했다면 `DLBOOK_BOOK_BUILT=1`로 `_build/html`을 그대로 쓴다.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from helpers import copy_book_config
from helpers import toc_files as _toc_files

ROOT = Path(__file__).resolve().parent.parent

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("book")]

# 장 HTML에 나오면 안 되는 라이브러리 잡음과 오류 흔적
NOISE = ["absl::InitializeLog", "oneDNN custom operations", "WARNING:tensorflow", "Traceback"]  # 로그 줄 (1장 본문은 oneDNN을 설명한다)
# 어떤 HTML에도 나오면 안 되는 CDN 호스트 (인라인 스크립트 안의 문자열까지)
CDN_HOSTS = ["cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "cdn.plot.ly",
             "fonts.googleapis.com", "fonts.gstatic.com", "polyfill.io", "mathjax.org"]
HANGUL = re.compile(r"[\uac00-\ud7a3]")


class _Assets(HTMLParser):
    """페이지가 불러오는 자원(<script src>, <link href>, <img src>, <iframe src>)과 h1–h3 제목, 본문 글자."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.assets: list[tuple[str, str]] = []
        self.headings: list[str] = []
        self.text: list[str] = []
        self._heading_depth = 0
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.assets.append((tag, attrs["src"]))
        elif tag == "link" and attrs.get("href"):
            # rel=next/prev/index/search는 책 안의 다른 페이지다: 역시 로컬이어야 하므로 함께 검사한다
            self.assets.append((tag, attrs["href"]))
        elif tag in ("img", "iframe", "source", "video", "audio", "embed") and attrs.get("src"):
            self.assets.append((tag, attrs["src"]))
        if tag in ("h1", "h2", "h3"):
            self._heading_depth += 1
            self.headings.append("")
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3") and self._heading_depth:
            self._heading_depth -= 1
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if self._heading_depth:
            self.headings[-1] += data
        if not self._skip:
            self.text.append(data)


def _parse(path: Path) -> _Assets:
    parser = _Assets()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def _chapter_notebooks() -> list[str]:
    return [f for f in _toc_files() if f.startswith("chapters/")]


def _section_headings(notebook: Path) -> list[str]:
    """노트북의 `## 1-N. 제목` 마크다운 제목들 → ["1-1", "1-2", …]."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "markdown":
            continue
        source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        found += re.findall(r"^##\s+(\d+-\d+)\.", source, flags=re.MULTILINE)
    return found


def _html_pages(html: Path) -> list[Path]:
    return sorted(p for p in html.rglob("*.html") if "_static" not in p.parts)


def test_every_toc_page_is_built(built):
    missing = [f for f in _toc_files() if not (built / f"{f}.html").exists()]
    assert not missing, f"목차에 있는데 빌드되지 않은 페이지: {missing}"
    assert _chapter_notebooks(), "_toc.yml에 장(chapters/...)이 하나도 없다"


def test_no_remote_assets(built):
    """어떤 페이지도 스크립트·스타일·글꼴·그림을 원격에서 받지 않는다 (본문의 <a href> 링크는 괜찮다)."""
    problems = []
    for page in _html_pages(built):
        raw = page.read_text(encoding="utf-8")
        for tag, url in _parse(page).assets:
            if urlsplit(url).scheme in ("http", "https") or url.startswith("//"):
                problems.append(f"{page.relative_to(built)}: <{tag}> {url}")
        for host in CDN_HOSTS:
            if host in raw:
                problems.append(f"{page.relative_to(built)}: '{host}'가 HTML 안에 있다")
    assert not problems, "원격 자원:\n" + "\n".join(problems[:30])


def test_no_remote_urls_in_css(built):
    """CSS의 url(...)/@import도 로컬이어야 한다 (웹 글꼴을 원격에서 받지 않는다)."""
    problems = []
    for css in (built / "_static").rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for match in re.finditer(r"(?:url\(\s*['\"]?|@import\s+['\"])((?:https?:)?//[^'\")\s]+)", text):
            problems.append(f"{css.relative_to(built)}: {match.group(1)}")
    assert not problems, "CSS의 원격 자원:\n" + "\n".join(problems)


def test_local_assets_resolve(built):
    """페이지가 부르는 로컬 스크립트·스타일 파일이 실제로 있다."""
    missing = set()
    for page in _html_pages(built):
        for tag, url in _parse(page).assets:
            if tag not in ("script", "link") or urlsplit(url).scheme or url.startswith("#"):
                continue
            target = (page.parent / urlsplit(url).path).resolve()
            if not target.exists():
                missing.add(f"{page.relative_to(built)}: {url}")
    assert not missing, "없는 파일을 부른다:\n" + "\n".join(sorted(missing)[:30])


def test_mathjax_is_local(built):
    for name in _chapter_notebooks():
        page = built / f"{name}.html"
        scripts = [url for tag, url in _parse(page).assets if tag == "script" and "mathjax" in url.lower()]
        assert len(scripts) == 1, f"{name}: MathJax 스크립트가 정확히 하나여야 한다: {scripts}"
        url = scripts[0]
        assert not urlsplit(url).scheme, f"MathJax를 원격에서 받는다: {url}"
        assert "_static/vendor/mathjax/" in url
        assert (page.parent / urlsplit(url).path).resolve().is_file()


def test_vendored_files_exist(built):
    vendor = built / "_static" / "vendor"
    plotly = vendor / "plotly.min.js"
    assert plotly.is_file() and plotly.stat().st_size > 1_000_000, "plotly.min.js가 없거나 너무 작다"
    for name in ("NanumGothic.woff", "NanumGothicBold.woff"):
        font = vendor / name
        assert font.is_file() and font.read_bytes()[:4] == b"wOFF", f"{name}가 없거나 WOFF가 아니다"
        # Chrome의 OTS는 길이 0인 TSI3 표가 있는 글꼴을 거부한다 (koreanize-matplotlib의 원본 TTF가 그렇다)
        from fontTools.ttLib import TTFont
        assert "TSI3" not in TTFont(font), f"{name}에 TSI3 표가 남아 있어 브라우저가 거부한다"
    css = (vendor / "nanumgothic.css").read_text(encoding="utf-8")
    assert css.count("@font-face") >= 2 and 'url("NanumGothic.woff")' in css
    family = re.search(r'font-family:\s*"([^"]+)"', css).group(1)
    book_css = (built / "_static" / "book.css").read_text(encoding="utf-8")
    assert f'--pst-font-family-base: "{family}"' in book_css, "본문 글꼴이 웹 글꼴이 아니다"
    assert "--pst-font-family-monospace" in book_css


def test_plotly_loaded_synchronously(built):
    """dlbook의 plotly HTML은 인라인 스크립트에서 window.Plotly를 부르므로 defer/async로 실으면 안 된다."""
    page = built / f"{_chapter_notebooks()[0]}.html"
    tags = re.findall(r"<script[^>]*vendor/plotly\.min\.js[^>]*>", page.read_text(encoding="utf-8"))
    assert len(tags) == 1, tags
    assert "defer" not in tags[0] and "async" not in tags[0], tags[0]


@pytest.mark.parametrize("name", _chapter_notebooks())
def test_chapter_page_is_clean_korean(built, name):
    page = built / f"{name}.html"
    raw = page.read_text(encoding="utf-8")
    parsed = _parse(page)
    noise = [word for word in NOISE if word in raw]
    assert not noise, f"{name}: 장 HTML에 잡음/오류가 있다: {noise}"
    assert len(HANGUL.findall("".join(parsed.text))) > 50, f"{name}: 한글 본문이 거의 없다"

    sections = _section_headings(ROOT / f"{name}.ipynb")
    assert sections, f"{name}.ipynb에 '## 1-N.' 절 제목이 없다"
    headings = [h.replace("\xb6", "").replace("#", "").strip() for h in parsed.headings]
    missing = [s for s in sections if not any(h.startswith(f"{s}.") for h in headings)]
    assert not missing, f"{name}: HTML에 없는 절 제목: {missing}\n제목들: {headings}"


def test_failing_demo_cell_fails_the_build(tmp_path):
    """raises-exception 태그가 없는 셀이 실패하면 책의 설정(_config.yml)으로는 빌드가 실패해야 한다.

    작은 책을 임시 폴더에 만들어 같은 _config.yml과 Sphinx 확장으로 빌드한다 (TensorFlow 없이 몇 초).
    """
    import nbformat

    copy_book_config(tmp_path)
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: demo\n",
                                       encoding="utf-8")
    (tmp_path / "book").mkdir()  # _config.yml은 루트의 *.md를 빼므로 책처럼 book/ 아래에 둔다
    (tmp_path / "book" / "intro.md").write_text("# 시험용 책\n\n시험용 페이지다.\n", encoding="utf-8")

    def write_demo(last_cell: str) -> None:
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        nb.cells = [
            nbformat.v4.new_markdown_cell("# 시험 노트북\n\n## 1-1. 절"),
            nbformat.v4.new_code_cell("raise ValueError('연습문제 미완성')",
                                      metadata={"tags": ["raises-exception"]}),
            nbformat.v4.new_code_cell(last_cell),
        ]
        nbformat.write(nb, tmp_path / "demo.ipynb")

    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import book
    finally:
        sys.path.pop(0)
    cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
           "build", str(tmp_path), "--warningiserror", "--keep-going"]

    write_demo("print('데모')")
    ok = subprocess.run(cmd, cwd=tmp_path, env=book.build_env(), capture_output=True, text=True, timeout=600)
    assert ok.returncode == 0, f"raises-exception 셀만 실패하는 책은 빌드되어야 한다:\n{ok.stdout[-3000:]}\n{ok.stderr[-3000:]}"
    demo_html = (tmp_path / "_build" / "html" / "demo.html").read_text(encoding="utf-8")
    assert "Traceback" not in demo_html and "dlbook-exercise-note" in demo_html

    write_demo("1 / 0")
    bad = subprocess.run(cmd, cwd=tmp_path, env=book.build_env(), capture_output=True, text=True, timeout=600)
    assert bad.returncode != 0, "데모 셀이 실패했는데 빌드가 성공했다"
    assert "ZeroDivisionError" in bad.stdout + bad.stderr

    # 경고·로그·진행 막대처럼 stderr에 쓰는 데모 셀도 빌드를 실패시킨다 (책과 채점 모두 잡음이 없어야 한다)
    write_demo("import warnings\nwarnings.warn('잡음')")
    noisy = subprocess.run(cmd, cwd=tmp_path, env=book.build_env(), capture_output=True, text=True, timeout=600)
    assert noisy.returncode != 0, "stderr를 쓰는 셀이 있는데 빌드가 성공했다"
    assert "stderr was found" in noisy.stdout + noisy.stderr
