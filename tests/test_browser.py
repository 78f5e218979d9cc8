"""빌드한 책을 진짜 브라우저(헤드리스 Chromium)로 열어 본다: 독자가 보는 그대로의 검사.

test_book.py는 HTML 파일을 읽어 검사한다. 여기서는 Debian의 chromium을 Playwright로 움직여
페이지를 실제로 열고, 스크립트가 돌고 난 뒤의 상태를 본다:

1. 목차의 모든 페이지와 search.html, genindex.html을 로컬 서버(127.0.0.1)로 연다: 콘솔 오류,
   페이지 오류, 실패한 요청이 없고, 로컬 서버 밖으로 나가는 요청이 하나도 없다. MathJax가 수식을
   모두 조판했고(날 TeX `\\(`…`\\)`가 보이지 않는다), 한글 웹 글꼴(DLBook Hangul Gothic)이 실제로 받아졌다.
2. 책을 zip으로 묶었다 푼 사본을 디스크에서(file://) 열어도 같다.
3. 1장의 정적 옵티마이저 탐색기: 학습률 슬라이더를 마우스로 옮기면 그려진 경로가 바뀐다.
4. 한국어 검색: 조사가 붙은 검색어(역전파를, 텐서플로는, 합성곱을)로도 그 말을 다루는 장이 나온다.
5. 첫 페이지와 1장의 화면을 _build/screenshots/에 저장한다 (사람이 눈으로 보라고).

브라우저는 Debian 패키지 chromium(/usr/bin/chromium)을 쓴다: `make setup`이 설치한다. Playwright가
브라우저를 받게 하지 않는다(`playwright install`은 쓰지 않는다). 다른 chromium을 쓰려면
DLBOOK_CHROMIUM=경로. 모든 페이지를 한 브라우저, 한 컨텍스트, 한 탭에서 차례로 연다 (비용을 작게).
"""
from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import zipfile
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from helpers import toc_files
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "_build" / "screenshots"  # git-ignored (_build/)
CHROMIUM = Path(os.environ.get("DLBOOK_CHROMIUM", "/usr/bin/chromium"))
# 루트로 돌리는 컨테이너에서는 샌드박스를 쓸 수 없다. 백그라운드 네트워킹(업데이트, 동기화, 구성 요소)을
# 끄지 않으면 Chromium이 구글 서버에 접속하려 한다: 책이 낸 요청과 섞이지 않게 모두 끈다.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
FONT_FAMILY = "DLBook Hangul Gothic"  # tools/book.py의 FONT_FAMILY
CHAPTER1 = "chapters/ch01/ch01_tensorflow_basics"
TIMEOUT_MS = 120_000  # 한 페이지를 기다리는 한도 (2코어 기계를 여럿이 쓸 때도 넉넉하게: 평소에는 몇 초)

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("book")]

# 페이지의 상태를 한 번에 읽는 스크립트: MathJax와 글꼴을 기다린 뒤
#   math: 수식 요소(.math) 수, typeset: 그중 MathJax가 조판한 수, raw: 본문(코드 밖)에 남은 날 TeX 조각,
#   font: 책 글꼴(FONT_FAMILY)의 FontFace 상태들.
PAGE_STATE_JS = """async (family) => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  await document.fonts.ready;
  const math = [...document.querySelectorAll('.math')];
  const raw = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest('pre, code, script, style, textarea, mjx-assistive-mml')
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const m = n.data.match(/\\\\\\(|\\\\\\[|\\\\begin\\{/);
    if (m) raw.push(n.data.slice(Math.max(0, m.index - 30), m.index + 50));
  }
  const font = [...document.fonts].filter((f) => f.family.replace(/["']/g, '') === family)
    .map((f) => f.weight + ':' + f.status);
  return {math: math.length, typeset: math.filter((e) => e.querySelector('mjx-container')).length,
          raw: raw.slice(0, 5), font};
}"""


# ---------------------------------------------------------------------------------------------
# 브라우저, 서버, 기록
# ---------------------------------------------------------------------------------------------
class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # 요청마다 stderr에 쓰지 않는다
        pass


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):  # 브라우저가 끊은 연결(BrokenPipe)은 오류가 아니다
        pass


@pytest.fixture(scope="module")
def server(built):
    """_build/html을 127.0.0.1의 빈 포트에서 내보내는 서버 (스레드 하나). 주소 "http://127.0.0.1:포트"."""
    httpd = _QuietServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(built)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class Recorder:
    """한 탭의 콘솔 오류, 페이지 오류, 실패한 요청, 그리고 모든 요청을 기록한다.

    허용한 출처(로컬 서버 또는 file://) 밖으로 가는 요청은 기록하고 막는다: 기계가 오프라인이어도
    온라인이어도 같은 결과가 나오게.
    """

    def __init__(self, page, allowed):
        self.allowed = allowed  # url -> bool
        self.reset()
        page.on("console", self._console)
        page.on("pageerror", lambda exc: self.page_errors.append(str(exc)))
        page.on("request", self._request)
        page.on("requestfailed", self._failed)
        page.on("response", self._response)
        page.route("**/*", self._route)

    def reset(self):
        self.console_errors: list[str] = []
        self.page_errors: list[str] = []
        self.failed: list[str] = []
        self.outside: list[str] = []
        self.requests: list[str] = []
        self.page_url = ""  # 지금 검사하는 페이지 (_open이 정한다)
        self._document: dict[int, str] = {}  # 요청 → 그 요청을 낸 문서의 주소

    def _request(self, req):
        self._document[id(req)] = req.frame.url
        self.requests.append(req.url)

    def _console(self, msg):
        if msg.type == "error":
            self.console_errors.append(f"{msg.text} ({msg.location.get('url', '')})")

    def _failed(self, req):
        if not self.allowed(req.url):  # 밖으로 가는 요청은 우리가 막았다: outside에 이미 있다
            return
        # Chromium은 파비콘을 늦게(다음 페이지로 넘어가는 순간에도) 요청한다. 앞 페이지의 요청이 넘어가면서
        # 끊긴 것(ERR_ABORTED)은 이 페이지 탓이 아니다
        if req.failure == "net::ERR_ABORTED" and self._document.get(id(req)) != self.page_url:
            return
        self.failed.append(f"{req.url}: {req.failure}")

    def _response(self, resp):
        if resp.status >= 400:
            self.failed.append(f"{resp.url}: HTTP {resp.status}")

    def _route(self, route):
        url = route.request.url
        if self.allowed(url):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort("blockedbyclient")

    def problems(self) -> list[str]:
        return ([f"콘솔 오류: {m}" for m in self.console_errors]
                + [f"페이지 오류: {m}" for m in self.page_errors]
                + [f"실패한 요청: {m}" for m in self.failed]
                + [f"밖으로 나간 요청: {m}" for m in self.outside])


def _local_http(origin):
    def allowed(url):
        parts = urlsplit(url)
        return parts.scheme in ("data", "blob", "about") or f"{parts.scheme}://{parts.netloc}" == origin
    return allowed


def _local_file(url):
    return urlsplit(url).scheme in ("file", "data", "blob", "about")


@pytest.fixture(scope="module")
def browser():
    """헤드리스 Chromium 하나 (이 파일의 모든 테스트가 함께 쓴다)."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM}가 없다: `make setup`이 Debian 패키지 chromium을 설치한다 "
                    f"(또는 DLBOOK_CHROMIUM=경로) / chromium not found: run `make setup`")
    with sync_playwright() as playwright:
        # Playwright는 실행할 때마다 새 임시 프로필(user-data-dir)을 만들고 끝나면 지운다.
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def tab(browser, server):
    """로컬 서버용 탭 하나 (컨텍스트 하나): 모든 페이지를 이 탭에서 차례로 연다. (page, Recorder)."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    recorder = Recorder(page, _local_http(server))
    yield page, recorder
    context.close()


def _open(page, recorder, url, lands_on=None) -> dict:
    """url을 열고 MathJax·글꼴을 기다린 뒤 페이지 상태(PAGE_STATE_JS)를 돌려준다.

    lands_on: url이 다른 페이지로 넘겨주는 경우(index.html → book/intro.html) 도착할 주소의 끝.
    """
    recorder.reset()
    recorder.page_url = url
    page.goto(url, wait_until="load")
    if lands_on:
        page.wait_for_url(f"**/{lands_on}")
        recorder.page_url = page.url
        page.wait_for_load_state("load")
    state = page.evaluate(PAGE_STATE_JS, FONT_FAMILY)
    page.wait_for_load_state("networkidle")  # 늦게 나가는 요청(파비콘, 글꼴, MathJax 구성 요소)도 이 페이지에서 끝나게
    return state


def _check_state(name, state):
    problems = []
    if state["raw"]:
        problems.append(f"조판되지 않은 TeX가 보인다: {state['raw']}")
    if state["typeset"] != state["math"]:
        problems.append(f"수식 {state['math']}개 중 {state['typeset']}개만 MathJax가 조판했다")
    if "400:loaded" not in state["font"]:
        problems.append(f"한글 웹 글꼴 '{FONT_FAMILY}'(400)이 받아지지 않았다: {state['font']}")
    return [f"{name}: {p}" for p in problems]


# ---------------------------------------------------------------------------------------------
# 1. 모든 페이지를 로컬 서버로
# ---------------------------------------------------------------------------------------------
PAGES = [f"{f}.html" for f in toc_files()] + ["search.html", "genindex.html"]


@pytest.mark.parametrize("path", PAGES)
def test_page_is_clean_in_browser(tab, server, path):
    page, recorder = tab
    state = _open(page, recorder, f"{server}/{path}")
    problems = recorder.problems() + _check_state(path, state)
    assert not problems, f"{path}:\n" + "\n".join(problems)
    assert any(url.startswith(server) for url in recorder.requests), "요청이 기록되지 않았다 (기록기가 고장?)"
    if path == f"{CHAPTER1}.html":  # 수식이 많은 장: MathJax가 실제로 돌아 수식이 모두 SVG가 되었다
        assert state["math"] > 10, f"1장에 수식이 {state['math']}개뿐이다: 페이지가 바뀌었나?"
        svg = page.locator(".math mjx-container svg").count()
        assert svg >= state["math"], f"수식 {state['math']}개 중 {svg}개만 SVG로 그려졌다"


# ---------------------------------------------------------------------------------------------
# 2. zip으로 묶었다 푼 책을 디스크에서
# ---------------------------------------------------------------------------------------------
def test_book_opens_from_disk(browser, built, tmp_path):
    """`make book`의 결과를 zip으로 주고받아 풀어서 file://로 열어도 깨끗하다."""
    archive = shutil.make_archive(str(tmp_path / "book"), "zip", root_dir=built)
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(archive) as zf:
        zf.extractall(unpacked)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ko-KR")
    context.set_default_timeout(TIMEOUT_MS)
    try:
        page = context.new_page()
        recorder = Recorder(page, _local_file)
        problems = []
        # index.html은 첫 장(book/intro.html)으로 넘겨준다: 그 넘김도 디스크에서 되어야 한다
        state = _open(page, recorder, (unpacked / "index.html").as_uri(), lands_on="book/intro.html")
        problems += recorder.problems() + _check_state("index.html", state)
        state = _open(page, recorder, (unpacked / f"{CHAPTER1}.html").as_uri())
        problems += recorder.problems() + _check_state(CHAPTER1, state)
        if not page.locator(".js-plotly-plot").count():
            problems.append(f"{CHAPTER1}: plotly 그림이 그려지지 않았다")
        assert not problems, "디스크에서 연 책:\n" + "\n".join(problems)
    finally:
        context.close()


# ---------------------------------------------------------------------------------------------
# 3. 정적 옵티마이저 탐색기의 슬라이더
# ---------------------------------------------------------------------------------------------
# 탐색기 그림의 상태: 슬라이더가 가리키는 단계와 글자, 그려진 자료(_fullData의 x, y: plotly가 풀어 놓은
# 숫자 배열), 프레임마다 (바꿀 trace 번호, 그 x, y: plotly.py가 보낸 base64 {dtype, bdata}를 풀어서),
# 화면의 선(SVG path d).
EXPLORER_STATE_JS = """(gd) => {
  const types = {f4: Float32Array, f8: Float64Array, i1: Int8Array, u1: Uint8Array, i2: Int16Array,
                 u2: Uint16Array, i4: Int32Array, u4: Uint32Array};
  const dec = (a) => {
    if (!a) return [];
    if (a.bdata === undefined) return Array.from(a);
    const bin = atob(a.bdata), bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return Array.from(new types[a.dtype](bytes.buffer));
  };
  return {
    active: gd._fullLayout.sliders[0].active,
    value: gd.querySelector('.slider-container text.slider-label').textContent,
    plotted: gd._fullData.map((t) => [Array.from(t.x || []), Array.from(t.y || [])]),
    frames: gd._transitionData._frames.map((f) => f.traces.map((k, j) => [k, [dec(f.data[j].x), dec(f.data[j].y)]])),
    paths: [...gd.querySelectorAll('.scatterlayer .trace path.js-line')].map((p) => p.getAttribute('d')),
  };
}"""


def test_optimizer_explorer_slider_moves_the_paths(tab, server):
    page, recorder = tab
    _open(page, recorder, f"{server}/{CHAPTER1}.html")
    explorers = page.locator(".js-plotly-plot").filter(has=page.locator(".slider-container"))
    assert explorers.count() >= 1, "1장에 슬라이더가 달린 탐색기 그림이 없다 (DLBOOK_STATIC=1로 빌드했나?)"
    gd = explorers.first
    before = gd.evaluate(EXPLORER_STATE_JS)
    target = 0 if before["active"] != 0 else len(before["frames"]) - 1  # 지금과 다른 끝 단계

    # 사용자처럼 마우스로: 목표 단계의 눈금 글자 바로 위, 슬라이더 레일을 누른다
    rail = gd.locator(".slider-rail-rect")
    rail.scroll_into_view_if_needed()
    rail_box = rail.bounding_box()
    label_box = gd.locator(".slider-label-group").nth(target).bounding_box()
    page.mouse.click(label_box["x"] + label_box["width"] / 2, rail_box["y"] + rail_box["height"] / 2)
    try:  # 누르면 곧바로 움직인다. 움직이지 않았으면 아래 assert가 무엇이 안 되었는지 말한다
        page.wait_for_function("([gd, k]) => gd._fullLayout.sliders[0].active === k",
                               arg=[gd.element_handle(), target], timeout=15_000)
    except PlaywrightTimeoutError:
        pass
    after = gd.evaluate(EXPLORER_STATE_JS)
    for _ in range(50):  # 단계 번호가 먼저 바뀌고 그려진 자료는 프레임 전환이 끝난 뒤에 바뀐다: 잠시 기다린다
        if after["plotted"] != before["plotted"]:
            break
        page.wait_for_timeout(200)
        after = gd.evaluate(EXPLORER_STATE_JS)

    assert after["active"] == target, (
        f"슬라이더의 {target}번 단계를 눌렀는데 단계가 {before['active']} → {after['active']}이다 "
        f"({before['value']} → {after['value']})")
    assert after["value"] != before["value"], f"슬라이더 글자가 그대로다: {before['value']}"
    data_changed = after["plotted"] != before["plotted"]  # (값을 통째로 비교: 실패 메시지가 길지 않게)
    assert data_changed, "슬라이더를 옮겼는데 그려진 경로 자료(gd._fullData)가 그대로다"
    lines_changed = after["paths"] != before["paths"]
    assert lines_changed, "슬라이더를 옮겼는데 화면의 선(SVG path d)이 그대로다"
    # 그려진 경로는 바로 그 단계의 프레임이다
    frame = after["frames"][target]
    assert frame, "프레임에 바꿀 경로가 없다"
    wrong = [k for k, xy in frame if after["plotted"][k] != xy]
    assert not wrong, f"trace {wrong}의 경로가 슬라이더가 가리키는 프레임의 것과 다르다"
    assert not recorder.problems(), "\n".join(recorder.problems())


# ---------------------------------------------------------------------------------------------
# 4. 한국어 검색
# ---------------------------------------------------------------------------------------------
# 검색어 → 그 말을 다루는 페이지. 장 노트북과 용어집에서 센 것 (조사가 붙은 꼴 포함):
#   역전파: 4장 36번, 용어집 13번, 5장 9번, 6장 8번 (6장에는 "역전파를"이라는 꼴이 없다)
#   합성곱: 6장 77번, 용어집 19번, 8장 16번, 7장 14번 (용어집에는 "합성곱을"이라는 꼴이 없다)
#   텐서플로: 장들은 "TensorFlow"로 적는다. 한글로 적은 곳은 용어집의 "텐서플로우" 하나뿐이다.
SEARCH_EXPECTED = {
    "역전파": ["chapters/ch04/ch04_neural_networks", "chapters/ch05/ch05_rnn", "chapters/ch06/ch06_cnn",
               "book/glossary"],
    "텐서플로": ["book/glossary"],
    "합성곱": ["chapters/ch06/ch06_cnn", "chapters/ch07/ch07_autoencoder", "chapters/ch08/ch08_gan",
               "book/glossary"],
}
# 조사가 붙은 꼴: 한국어 검색이라면 이것도 같은 페이지를 찾아야 한다.
# 맨 명사는 대조군이다: 이것이 통과하면 검사 장치(서버, 검색 페이지 읽기)는 제대로 도는 것이다.
SEARCH_CASES = [("역전파를", "역전파"), ("텐서플로는", "텐서플로"), ("합성곱을", "합성곱"),
                ("역전파", "역전파"), ("텐서플로", "텐서플로"), ("합성곱", "합성곱")]


@pytest.mark.parametrize("query, noun", SEARCH_CASES,
                         ids=["backprop+reul", "tensorflow+neun", "conv+eul", "backprop", "tensorflow", "conv"])
def test_korean_search(tab, server, built, query, noun):
    page, recorder = tab
    stale = [doc for doc in SEARCH_EXPECTED[noun] if noun not in (built / f"{doc}.html").read_text(encoding="utf-8")]
    assert not stale, f"{stale}에 '{noun}'이 더는 없다: 본문이 바뀌었으면 SEARCH_EXPECTED를 고쳐라"
    recorder.reset()
    recorder.page_url = f"{server}/search.html?q={quote(query)}"
    page.goto(recorder.page_url, wait_until="load")
    # Sphinx의 searchtools.js는 검색이 끝나면 p.search-summary에 결과 수를 쓴다
    page.wait_for_function("() => { const s = document.querySelector('#search-results p.search-summary');"
                           " return s && s.textContent.trim().length > 0; }")
    hrefs = page.eval_on_selector_all("#search-results ul.search li > a",
                                      "(links) => links.map((a) => a.getAttribute('href'))")
    found = {href.split("?")[0].split("#")[0].removesuffix(".html") for href in hrefs}
    missing = [doc for doc in SEARCH_EXPECTED[noun] if doc not in found]
    assert not missing, (f"'{query}' 검색 결과에 {missing}이 없다 (찾은 페이지: {sorted(found)}). "
                         f"'{noun}'+조사를 한 낱말로 색인하면 이렇게 된다")
    assert not recorder.problems(), "\n".join(recorder.problems())


# ---------------------------------------------------------------------------------------------
# 5. 화면 사진
# ---------------------------------------------------------------------------------------------
def test_screenshots(tab, server):
    """첫 페이지와 1장(맨 위, 첫 수식 블록, 탐색기 그림)을 _build/screenshots/에 PNG로 저장한다."""
    page, recorder = tab
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    saved = []

    _open(page, recorder, f"{server}/index.html", lands_on="book/intro.html")
    page.screenshot(path=SCREENSHOTS / "home.png")
    saved.append(SCREENSHOTS / "home.png")

    _open(page, recorder, f"{server}/{CHAPTER1}.html")
    page.screenshot(path=SCREENSHOTS / "ch01-top.png")
    saved.append(SCREENSHOTS / "ch01-top.png")
    formula = page.locator("div.math").first
    formula.scroll_into_view_if_needed()
    page.screenshot(path=SCREENSHOTS / "ch01-formula.png")
    saved.append(SCREENSHOTS / "ch01-formula.png")
    explorer = page.locator(".js-plotly-plot").filter(has=page.locator(".slider-container")).first
    explorer.screenshot(path=SCREENSHOTS / "ch01-explorer.png")
    saved.append(SCREENSHOTS / "ch01-explorer.png")

    print("\n화면 사진 / screenshots:\n" + "\n".join(f"  {p}" for p in saved))
    for path in saved:
        assert path.stat().st_size > 10_000, f"{path}가 너무 작다: 빈 화면?"
    assert not recorder.problems(), "\n".join(recorder.problems())
