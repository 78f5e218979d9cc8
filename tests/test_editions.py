"""책의 두 판(학생용/강사용)과 장 페이지의 부품: 연습문제 블록, 풀이, 실행·내려받기 버튼, 복사 버튼, 어두운 모드.

학생용 판(`built`, _build/html)에는 풀이가 하나도 없고, 강사용 판(`built_instructor`, _build/instructor/html)에는
모든 풀이가 접힌 블록(<details>) 안에 있으며, 숨은 테스트는 어느 판에도 없다. 풀이와 숨은 테스트의 기준은
solutions/의 강사용 노트북이다 (nbgrader grade_id로 맞춘다).
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import book  # noqa: E402  (tools/book.py: 빌드 도구이자 Sphinx 확장)

sys.path.pop(0)



def book_test(test):
    """책 빌드 결과를 쓰는 테스트: 느림 표시, 그리고 책 빌드가 한 작업자에서만 돌게 같은 xdist 묶음."""
    return pytest.mark.slow(pytest.mark.xdist_group("book")(test))

LAB_URL = "http://localhost:8888/lab/tree/"
HIDDEN = re.compile(r"### BEGIN HIDDEN TESTS(.*?)### END HIDDEN TESTS", re.S)
SOLUTION = re.compile(r"### BEGIN SOLUTION[^\n]*\n(.*?)### END SOLUTION", re.S)


def _chapters() -> list[str]:
    """_toc.yml의 장 노트북 (확장자 없이): chapters/ch01/ch01_tensorflow_basics, …"""
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    return [c["file"] for part in toc["parts"] for c in part["chapters"] if c["file"].startswith("chapters/")]


def _cells(path: Path) -> list[dict]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for cell in cells:
        if isinstance(cell["source"], list):
            cell["source"] = "".join(cell["source"])
    return cells


def _meta(cell) -> dict:
    return cell["metadata"].get("nbgrader", {})


def _answer_cells(path: Path) -> list[dict]:
    return [c for c in _cells(path) if c["cell_type"] == "code" and _meta(c).get("solution") and not _meta(c).get("grade")]


def _solution_notebook(name: str) -> Path:
    return ROOT / "solutions" / Path(name).relative_to("chapters").with_suffix(".ipynb")


def _telling_lines(block: str, student_source: str) -> list[str]:
    """블록의 줄 중 학생용 노트북 어디에도 없는, 길이 있는 줄 (있으면 그 블록이 새어 나간 것이다)."""
    lines = [line.strip() for line in block.splitlines()]
    return [line for line in lines if len(line) >= 8 and line not in student_source]


def _secrets(name: str) -> tuple[dict[str, list[str]], list[str]]:
    """장 하나의 (grade_id → 풀이의 특징 줄들, 숨은 테스트의 특징 줄들)."""
    student_source = "\n".join(c["source"] for c in _cells(ROOT / f"{name}.ipynb"))
    solution_nb = _solution_notebook(name)
    solutions = {}
    for cell in _answer_cells(solution_nb):
        parts = SOLUTION.findall(cell["source"])
        solutions[_meta(cell)["grade_id"]] = _telling_lines("\n".join(parts), student_source)
    hidden = []
    for cell in _cells(solution_nb):
        for part in HIDDEN.findall(cell["source"]):
            hidden += _telling_lines(part, student_source)
    return solutions, hidden


class _Page(HTMLParser):
    """본문 글자, <details class="dlbook-solution">마다의 글자, 연습문제 절, id, 링크."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.details: dict[str, list[str]] = {}   # grade_id → 글자
        self.summary_links: dict[str, str] = {}   # grade_id → summary 안 링크의 href
        self.ids: set[str] = set()
        self.links: list[tuple[str, str]] = []    # (class, href)
        self.order: list[tuple[str, str]] = []    # ("answer", "") / ("solution", grade_id) / ("exercise", id) 순서
        self.prompts = 0
        self._stack: list[tuple[str, str | None]] = []  # (태그, 이 태그가 연 details의 grade_id)
        self._skip = 0
        self._open_details: list[str] = []
        self._in_summary = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        grade_id = None
        if tag == "details" and "dlbook-solution" in classes:
            grade_id = attrs.get("data-grade-id", "")
            self.details[grade_id] = []
            self._open_details.append(grade_id)
            self.order.append(("solution", grade_id))
        if tag == "section" and "dlbook-exercise" in classes:
            self.order.append(("exercise", attrs.get("id", "")))
        if "dlbook-answer-cell" in classes:
            self.order.append(("answer", ""))
        if "dlbook-exercise-prompt" in classes:
            self.prompts += 1
        if tag == "summary" and self._open_details:
            self._in_summary = True
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs.get("class") or "", attrs["href"]))
            if self._in_summary:
                self.summary_links[self._open_details[-1]] = attrs["href"]
        if tag in ("script", "style"):
            self._skip += 1
        if tag not in ("br", "img", "input", "link", "meta", "hr", "source", "wbr"):
            self._stack.append((tag, grade_id))

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag == "summary":
            self._in_summary = False
        while self._stack:
            open_tag, grade_id = self._stack.pop()
            if grade_id is not None and self._open_details:
                self._open_details.pop()
            if open_tag == tag:
                break

    def handle_data(self, data):
        if self._skip:
            return
        self.text.append(data)
        for grade_id in self._open_details:
            self.details[grade_id].append(data)


def _page(html: Path, name: str) -> _Page:
    parser = _Page()
    parser.feed((html / f"{name}.html").read_text(encoding="utf-8"))
    return parser


def _text(parsed: _Page) -> str:
    return "".join(parsed.text)


# ---------------------------------------------------------------------------------------------
# 풀이와 숨은 테스트
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", _chapters())
def test_every_exercise_has_telling_solution_lines(name):
    """아래 검사들이 헛돌지 않게: 답안 셀마다 학생용 노트북에 없는 풀이 줄이 있고, 숨은 테스트 줄도 있다."""
    solutions, hidden = _secrets(name)
    assert solutions, f"{name}: 강사용 노트북에 답안 셀이 없다"
    empty = [grade_id for grade_id, lines in solutions.items() if not lines]
    assert not empty, f"{name}: 학생용 노트북과 구별되는 풀이 줄이 없는 답안 셀: {empty}"
    assert hidden, f"{name}: 숨은 테스트 줄이 없다"


@book_test
@pytest.mark.parametrize("name", _chapters())
def test_student_edition_has_no_solutions(built, name):
    page = _page(built, name)
    text = _text(page)
    solutions, _ = _secrets(name)
    leaked = {gid: [line for line in lines if line in text] for gid, lines in solutions.items()}
    leaked = {gid: lines for gid, lines in leaked.items() if lines}
    assert not leaked, f"{name}: 학생용 판에 풀이가 보인다: {leaked}"
    assert not page.details, f"{name}: 학생용 판에 풀이 블록이 있다: {list(page.details)}"


@book_test
@pytest.mark.parametrize("name", _chapters())
def test_instructor_edition_shows_every_solution_collapsed(built_instructor, name):
    page = _page(built_instructor, name)
    solutions, _ = _secrets(name)
    assert set(page.details) == set(solutions), (
        f"{name}: 풀이 블록의 grade_id가 강사용 노트북의 답안 셀과 다르다: "
        f"블록 {sorted(page.details)} / 답안 셀 {sorted(solutions)}")
    for grade_id, lines in solutions.items():
        inside = "".join(page.details[grade_id])
        missing = [line for line in lines if line not in inside]
        assert not missing, f"{name}: {grade_id}의 풀이 블록에 없는 풀이 줄: {missing}"
        href = page.summary_links.get(grade_id, "")
        assert href.startswith("#") and href[1:] in page.ids, f"{name}: {grade_id} 풀이가 연습문제로 이어지지 않는다: {href!r}"
    # 풀이는 자기 답안 셀 바로 뒤에 온다: 연습문제, 답안 셀, 풀이, 다음 연습문제, …
    kinds = [kind for kind, _ in page.order]
    assert kinds == ["exercise", "answer", "solution"] * len(solutions), f"{name}: 블록 순서가 어긋났다: {kinds}"


@book_test
@pytest.mark.parametrize("name", _chapters())
def test_no_hidden_tests_in_either_edition(built, built_instructor, name):
    _, hidden = _secrets(name)
    for html in (built, built_instructor):
        text = _text(_page(html, name))
        shown = [line for line in hidden if line in text]
        assert not shown, f"{html}/{name}: 숨은 테스트가 보인다: {shown}"


@book_test
def test_editions_do_not_share_output(built, built_instructor):
    """두 판은 서로 다른 폴더에 빌드되고, 학생용 판 안에 강사용 판이 들어가지 않는다 (make serve는 학생용 판)."""
    assert built_instructor.resolve().is_relative_to((ROOT / "_build" / "instructor").resolve())
    assert not built_instructor.resolve().is_relative_to(built.resolve())
    leaked = [p for p in built.rglob("*.html") if "dlbook-solution" in p.read_text(encoding="utf-8")]
    assert not leaked, f"학생용 판에 풀이 블록이 있는 페이지: {leaked[:5]}"


# ---------------------------------------------------------------------------------------------
# 연습문제 블록
# ---------------------------------------------------------------------------------------------
@book_test
@pytest.mark.parametrize("name", _chapters())
def test_exercise_prompts_are_blocks(built, name):
    """학생용 노트북의 답안 셀마다 연습문제 블록(제목 + 문제 글 상자) 하나, 그 뒤에 답안 셀."""
    answers = _answer_cells(ROOT / f"{name}.ipynb")
    page = _page(built, name)
    kinds = [kind for kind, _ in page.order]
    assert kinds == ["exercise", "answer"] * len(answers), f"{name}: {kinds}"
    assert page.prompts == len(answers), f"{name}: 문제 글 상자 {page.prompts}개, 답안 셀 {len(answers)}개"
    raw = (built / f"{name}.html").read_text(encoding="utf-8")
    titles = re.findall(r'<section[^>]*class="[^"]*dlbook-exercise[^"]*"[^>]*>\s*<h3>(.*?)</h3>', raw, flags=re.S)
    assert len(titles) == len(answers) and all("연습문제" in t for t in titles), titles


# ---------------------------------------------------------------------------------------------
# 실행·내려받기 버튼
# ---------------------------------------------------------------------------------------------
def test_launch_links_without_repository():
    links = book.launch_links("chapters/ch01/ch01_tensorflow_basics.ipynb")
    assert [link["text"] for link in links] == ["JupyterLab (내 컴퓨터)"]
    assert links[0]["url"] == LAB_URL + "chapters/ch01/ch01_tensorflow_basics.ipynb"
    assert book.launch_links("chapters/a.ipynb", lab_url="") == []


def test_launch_links_with_repository():
    links = {link["text"]: link["url"] for link in book.launch_links(
        "chapters/ch02/ch02_regression.ipynb", repository_url="https://github.com/dl-course/dlbook.git",
        branch="spring", path_to_book="book-root/")}
    assert links["Colab"] == ("https://colab.research.google.com/github/dl-course/dlbook/blob/spring/"
                              "book-root/chapters/ch02/ch02_regression.ipynb")
    assert links["Binder"] == ("https://mybinder.org/v2/gh/dl-course/dlbook/spring"
                               "?urlpath=lab%2Ftree%2Fbook-root%2Fchapters%2Fch02%2Fch02_regression.ipynb")
    with pytest.raises(book.BookError):
        book.launch_links("chapters/a.ipynb", repository_url="https://gitlab.com/o/r")


def _button_hrefs(page: _Page) -> dict[str, str]:
    found = {}
    for classes, href in page.links:
        for label in ("download-source-button", "launch-lab-button", "launch-colab-button", "launch-binder-button"):
            if f"btn-{label}" in classes.split():
                found[label] = href
    return found


@book_test
@pytest.mark.parametrize("name", _chapters())
def test_chapter_download_and_launch_buttons(built, name):
    page_path = built / f"{name}.html"
    buttons = _button_hrefs(_page(built, name))
    assert buttons.get("launch-lab-button") == f"{LAB_URL}{name}.ipynb", buttons
    # _config.yml의 repository.url이 비어 있으므로 Colab/Binder 버튼은 없다 (가짜 주소를 만들지 않는다)
    assert "launch-colab-button" not in buttons and "launch-binder-button" not in buttons, buttons
    assert "colab.research.google.com" not in page_path.read_text(encoding="utf-8")
    download = buttons.get("download-source-button", "")
    assert download.endswith(".ipynb"), buttons
    target = (page_path.parent / download).resolve()
    assert target.read_bytes() == (ROOT / f"{name}.ipynb").read_bytes(), "내려받는 노트북이 학생용 노트북과 다르다"


@book_test
def test_instructor_download_is_the_student_notebook(built_instructor):
    """강사용 판에서도 내려받는 .ipynb는 학생용 노트북이다 (풀이가 든 노트북을 웹에 올리지 않는다)."""
    for name in _chapters():
        source = built_instructor / "_sources" / f"{name}.ipynb"
        assert source.read_bytes() == (ROOT / f"{name}.ipynb").read_bytes(), name
    assert not list(built_instructor.rglob("*solutions*")), "강사용 판에 solutions/ 파일이 복사되었다"


@book_test
def test_book_pages_without_notebook_have_no_launch_buttons(built):
    assert "launch-lab-button" not in (built / "book" / "intro.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_repository_url_adds_colab_and_binder(tmp_path):
    """_config.yml에 repository.url을 넣으면 같은 확장이 Colab·Binder 버튼을 만든다 (작은 책으로, 커널 없이)."""
    import nbformat

    from helpers import copy_book_config

    copy_book_config(tmp_path)
    config = (tmp_path / "_config.yml").read_text(encoding="utf-8")
    assert '  url: ""' in config, "_config.yml의 repository.url 설정을 찾지 못했다"
    (tmp_path / "_config.yml").write_text(
        config.replace('  url: ""', "  url: https://github.com/dl-course/dlbook"), encoding="utf-8")
    (tmp_path / "_toc.yml").write_text("format: jb-book\nroot: book/intro\nchapters:\n  - file: chapters/ch99/demo\n",
                                       encoding="utf-8")
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "intro.md").write_text("# 시험용 책\n\n시험용 페이지다.\n", encoding="utf-8")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.cells = [nbformat.v4.new_markdown_cell("# 시험 노트북\n\n코드 셀이 없어 커널을 띄우지 않는다.")]
    (tmp_path / "chapters" / "ch99").mkdir(parents=True)
    nbformat.write(nb, tmp_path / "chapters" / "ch99" / "demo.ipynb")
    cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
           "build", str(tmp_path), "--warningiserror", "--keep-going"]
    result = subprocess.run(cmd, cwd=tmp_path, env=book.build_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    page = _Page()
    page.feed((tmp_path / "_build" / "html" / "chapters" / "ch99" / "demo.html").read_text(encoding="utf-8"))
    buttons = _button_hrefs(page)
    assert buttons.get("launch-colab-button") == \
        "https://colab.research.google.com/github/dl-course/dlbook/blob/main/chapters/ch99/demo.ipynb", buttons
    assert buttons.get("launch-binder-button") == \
        "https://mybinder.org/v2/gh/dl-course/dlbook/main?urlpath=lab%2Ftree%2Fchapters%2Fch99%2Fdemo.ipynb", buttons
    assert buttons.get("launch-lab-button") == f"{LAB_URL}chapters/ch99/demo.ipynb", buttons


# ---------------------------------------------------------------------------------------------
# 복사 버튼과 어두운 모드
# ---------------------------------------------------------------------------------------------
class _Pres(HTMLParser):
    """<pre>마다 (조상 div들의 class 목록) — 복사 버튼 선택자가 무엇에 맞는지 보려고."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, list[str]]] = []
        self.pres: list[list[list[str]]] = []

    def handle_starttag(self, tag, attrs):
        if tag == "pre":
            self.pres.append([classes for t, classes in self.stack if t == "div"])
        if tag not in ("br", "img", "input", "link", "meta", "hr", "source", "wbr"):
            self.stack.append((tag, (dict(attrs).get("class") or "").split()))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break


@book_test
def test_copy_buttons_on_code_not_outputs(built):
    """sphinx-copybutton의 JS/CSS가 로컬에 있고, 선택자는 입력 코드에만 맞으며, 프롬프트와 출력 줄은 복사하지 않는다."""
    name = _chapters()[0]
    raw = (built / f"{name}.html").read_text(encoding="utf-8")
    for asset in ("copybutton.js", "copybutton.css"):
        match = re.search(rf'(?:src|href)="([^"]*_static/{asset}[^"]*)"', raw)
        assert match and not match.group(1).startswith(("http", "//")), f"{asset}를 로컬에서 싣지 않는다"
        assert (built / "_static" / asset).is_file()
    script = (built / "_static" / "copybutton.js").read_text(encoding="utf-8")
    selector = re.search(r"const COPYBUTTON_SELECTOR = '([^']*)'", script).group(1)
    assert selector == "div:not(.output) > div.highlight > pre", selector
    assert r">>> |\\.\\.\\. |\\$ |In \\[\\d*\\]: " in script and ".go" in script, "프롬프트/출력 제외 설정이 없다"

    pres = _Pres()
    pres.feed(raw)
    inputs = outputs = 0
    for ancestors in pres.pres:
        if len(ancestors) < 2 or "highlight" not in ancestors[-1]:
            continue
        matched = "output" not in ancestors[-2]   # 선택자 div:not(.output) > div.highlight > pre
        in_output = any("cell_output" in classes for classes in ancestors)
        assert matched != in_output, f"복사 버튼 선택자가 {'출력' if in_output else '입력'} 블록에서 어긋난다: {ancestors[-3:]}"
        inputs += matched
        outputs += in_output
    assert inputs > 10 and outputs > 5, (inputs, outputs)


COLOR_PROPERTIES = re.compile(r"^\s*(color|background(?:-color)?|border(?:-[a-z]+)?(?:-color)?)\s*:\s*([^;]+);", re.M)


@book_test
def test_book_css_follows_the_theme_in_dark_mode(built):
    """책 CSS의 색은 모두 테마 변수(--pst-color-…)다: 테마가 data-theme="dark"에서 그 값을 바꾸므로
    연습문제·풀이 블록과 안내 글이 어두운 모드에서도 읽힌다. 고정된 색(#fff, white, rgb(…))은 실패다."""
    css = (built / "_static" / "book.css").read_text(encoding="utf-8")
    for selector in ("section.dlbook-exercise > h3", ".dlbook-exercise-prompt", "details.dlbook-solution"):
        assert selector in css, f"book.css에 {selector} 규칙이 없다"
    fixed = []
    for prop, value in COLOR_PROPERTIES.findall(css):
        for word in re.findall(r"#[0-9a-fA-F]{3,8}\b|rgba?\(|hsla?\(|\b(?:white|black|gray|grey)\b", value):
            fixed.append(f"{prop}: {value}")
    assert not fixed, "테마 변수가 아닌 고정 색:\n" + "\n".join(fixed)
    theme_css = "".join(p.read_text(encoding="utf-8") for p in (built / "_static" / "styles").glob("*.css"))
    for variable in ("--pst-color-success-bg", "--pst-color-info-bg", "--pst-color-surface", "--pst-color-text-base"):
        assert re.search(rf'html\[data-theme=["]?dark["]?\][^{{]*{{[^}}]*{variable}\s*:', theme_css), \
            f"테마의 어두운 모드가 {variable}을 정하지 않는다"


@book_test
def test_instructor_edition_is_offline_too(built_instructor):
    """강사용 판도 학생용 판처럼 아무것도 밖에서 받지 않는다 (스크립트, 스타일, 그림은 모두 로컬)."""
    problems = []
    for page in sorted(built_instructor.rglob("*.html")):
        if "_static" in page.parts:
            continue
        raw = page.read_text(encoding="utf-8")
        for tag, attr, url in re.findall(r"<(script|link|img|iframe)\b[^>]*?\b(src|href)=\"([^\"]+)\"", raw):
            if url.startswith(("http:", "https:", "//")):
                problems.append(f"{page.relative_to(built_instructor)}: <{tag}> {url}")
        for host in ("cdn.jsdelivr.net", "unpkg.com", "cdnjs.cloudflare.com", "cdn.plot.ly", "fonts.googleapis.com"):
            if host in raw:
                problems.append(f"{page.relative_to(built_instructor)}: {host}")
    assert not problems, "원격 자원:\n" + "\n".join(problems[:20])
