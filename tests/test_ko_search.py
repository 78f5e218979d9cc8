"""한국어 검색(tools/ko_search.py) 검사.

1. 파이썬 정규화: 책에 나오는 낱말에서 조사를 떼고, 조사처럼 끝나는 명사는 두고, 영어는 Sphinx 영어 검색 그대로.
2. 브라우저 쪽 JavaScript(splitQuery, Stemmer)가 책의 실제 글에서 파이썬과 똑같이 자르고 정규화하는가 (Node).
3. 빌드한 책: 책이 싣는 searchtools.js, language_data.js, searchindex.js를 search.html과 같은 순서로 Node에서
   실행해, 조사가 붙은 검색어가 그 낱말을 다루는 장을 찾는가.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from sphinx.search.en import SearchEnglish

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import ko_search  # noqa: E402

CHAPTER = {
    "ch01": "chapters/ch01/ch01_tensorflow_basics",
    "ch04": "chapters/ch04/ch04_neural_networks",
    "ch06": "chapters/ch06/ch06_cnn",
    "ch07": "chapters/ch07/ch07_autoencoder",
    "ch08": "chapters/ch08/ch08_gan",
    "ch09": "chapters/ch09/ch09_rbm",
}


def _node() -> str:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node가 없다: Node.js를 설치하라 (책 빌드도 npm을 쓴다) / node not found: install Node.js")
    return node


def _normalize(text: str) -> list[str]:
    return [ko_search.stem(word) for word in ko_search.split(text)]


# ---------------------------------------------------------------------------------------------
# 1. 파이썬 정규화
# ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("word", "expected"), [
    pytest.param("역전파를", "역전파", id="reul"),
    pytest.param("합성곱을", "합성곱", id="eul"),
    pytest.param("오토인코더의", "오토인코더", id="ui"),
    pytest.param("판별자가", "판별자", id="ga"),
    pytest.param("은닉층은", "은닉층", id="eun"),
    pytest.param("생성자와", "생성자", id="wa"),
    pytest.param("입력과", "입력", id="gwa"),
    pytest.param("데이터로", "데이터", id="ro"),
    pytest.param("행렬으로", "행렬", id="euro"),  # 규범은 "행렬로"지만 같은 줄기가 된다
    pytest.param("신경망에서", "신경망", id="eseo"),
    pytest.param("에이전트에게", "에이전트", id="ege"),
    pytest.param("가중치까지", "가중치", id="kkaji"),
    pytest.param("함수이다", "함수", id="ida"),
    pytest.param("텐서입니다", "텐서", id="imnida"),
    pytest.param("층을", "층", id="one-syllable-noun"),
    pytest.param("값은", "값", id="one-syllable-noun-2"),
    pytest.param("데이터에서는", "데이터", id="eseoneun-longest-first"),
    pytest.param("데이터에만", "데이터", id="two-layers"),
    pytest.param("에포크마다의", "에포크", id="two-layers-2"),
    pytest.param("모델들을", "모델", id="plural"),
    pytest.param("층들의", "층", id="plural-one-syllable"),
    pytest.param("정규화한다", "정규화", id="hada-verb"),
    pytest.param("텐서플로는", "텐서플로", id="protected-not-roneun"),
    pytest.param("몬테카를로를", "몬테카를로", id="protected-not-ro"),
    pytest.param("결과는", "결과", id="protected-not-gwaneun"),
])
def test_particle_is_stripped(word, expected):
    assert ko_search.normalize_korean(word) == expected


@pytest.mark.parametrize("word", [
    pytest.param("파이썬", id="sseon"),
    pytest.param("가중치", id="chi"),
    pytest.param("텐서플로", id="ro-protected"),
    pytest.param("몬테카를로", id="reullo-protected"),
    pytest.param("볼츠만", id="man-protected"),
    pytest.param("학습결과", id="gwa-compound-protected"),
    pytest.param("길이", id="i-stem-too-short"),
    pytest.param("깊이", id="i-stem-too-short-2"),
    pytest.param("정의", id="ui-stem-too-short"),
    pytest.param("주의", id="ui-stem-too-short-2"),
    pytest.param("회로", id="ro-stem-too-short"),
    pytest.param("추가", id="ga-stem-too-short"),
    pytest.param("재평가", id="ga-after-batchim"),  # 받침 조건: 줄기가 두 음절이어도 떼지 않는다
    pytest.param("넘파이", id="i-after-vowel"),
    pytest.param("역효과", id="gwa-after-vowel"),
    pytest.param("최단경로", id="ro-after-ieung"),
    pytest.param("정확도", id="do-never-stripped"),
    pytest.param("유사도", id="do-never-stripped-2"),
    pytest.param("값이", id="i-after-one-syllable-kept"),
])
def test_word_that_only_looks_like_it_ends_in_a_particle_is_kept(word):
    assert ko_search.normalize_korean(word) == word


def _with_particle(noun: str, after_consonant: str, after_vowel: str) -> str:
    has_final = (ord(noun[-1]) - 0xAC00) % 28 != 0
    return noun + (after_consonant if has_final else after_vowel)


NOUNS = ["역전파", "합성곱", "오토인코더", "가중치", "텐서플로", "몬테카를로", "볼츠만", "판별자", "은닉층",
         "길이", "정의", "결과", "정확도", "차이", "평가", "활성화", "학습결과", "에이전트"]
PARTICLES = [("은", "는"), ("을", "를"), ("이", "가"), ("의", "의"), ("에서", "에서"), ("으로", "로"),
             ("과", "와"), ("까지", "까지"), ("처럼", "처럼"), ("에서는", "에서는"), ("이다", "이다"), ("들을", "들을")]


@pytest.mark.parametrize("noun", NOUNS)
def test_noun_and_noun_with_particle_meet(noun):
    """명사 그대로와 조사가 붙은 꼴이 같은 색인어가 된다: 그래야 어느 꼴로 찾아도 같은 페이지가 나온다."""
    bare = ko_search.normalize_korean(noun)
    forms = {_with_particle(noun, c, v): ko_search.normalize_korean(_with_particle(noun, c, v)) for c, v in PARTICLES}
    assert {form: stem for form, stem in forms.items() if stem != bare} == {}, f"'{noun}' → '{bare}'"


@pytest.mark.parametrize(("text", "words"), [
    pytest.param("Keras의 GPU를", ["Keras", "GPU"], id="particle-glued-to-latin"),
    pytest.param("tf.keras에서는", ["tf", "keras"], id="longer-ending-glued"),
    pytest.param("2차원 점", ["2", "차원", "점"], id="digit-hangul"),
    pytest.param("ReLU함수", ["ReLU", "함수"], id="latin-hangul-noun-kept"),
    pytest.param("Conv2D 층", ["Conv2D", "층"], id="latin-digit-together"),
    pytest.param("learning_rate=0.01", ["learning_rate", "0", "01"], id="underscore"),
])
def test_split(text, words):
    assert ko_search.split(text) == words


@pytest.mark.parametrize("word", ["backpropagation", "Keras", "TensorFlow", "convolutional", "layers", "Adam", "GPU"])
def test_english_words_are_stemmed_as_before(word):
    """영어 낱말은 지금까지(Sphinx 영어 검색)와 같은 색인어가 된다."""
    assert ko_search.stem(word) == SearchEnglish({}).stem(word)


@pytest.mark.parametrize("word", ["js", "ms", "s"])
def test_short_english_words_are_kept_like_sphinx_javascript_does(word):
    """Sphinx 영어 검색의 파이썬 쪽은 "js"를 "j"로 색인하지만 브라우저 쪽은 "js"로 찾는다. 여기서는 둘이 같다."""
    assert ko_search.stem(word) == word


def test_korean_transliterations_meet_english_names():
    assert _normalize("텐서플로는 TensorFlow") == ["tensorflow", "tensorflow"]
    assert _normalize("케라스로 Keras를") == ["kera", "kera"]


def test_stopwords_keep_english_list_and_no_korean_content_words():
    language = ko_search.SearchKorean({})
    assert SearchEnglish.stopwords <= language.stopwords
    for word in ("역전파", "층", "값", "이", "가", "도", "만", "수"):
        assert language.word_filter(word), word
    assert not language.word_filter("를")


# ---------------------------------------------------------------------------------------------
# 2. JavaScript가 파이썬과 같은가
# ---------------------------------------------------------------------------------------------
JS_DRIVER = """
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const stemmer = new Stemmer();
console.log(JSON.stringify(input.map((text) => {
  const words = splitQuery(text);
  return [words, words.map((word) => stemmer.stemWord(word.toLowerCase()))];
})));
"""


def _book_lines() -> list[str]:
    """책의 원고(장 노트북의 셀, book/의 md)의 한글이 든 줄."""
    lines: list[str] = []
    for path in sorted(ROOT.glob("chapters/*/*.ipynb")) + sorted(ROOT.glob("book/*.ipynb")):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
            lines += source.splitlines()
    for path in sorted(ROOT.glob("book/*.md")):
        lines += path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if re.search("[가-힣]", line)]


def test_javascript_splits_and_normalizes_like_python():
    lines = _book_lines() + list(ko_search.ALIASES) + ["Keras의 GPU를 2차원 tf.keras에서는 층들의 naïve Ｆｕｌｌ"]
    assert len(lines) > 1000, "책 원고에서 한글 줄을 찾지 못했다"
    result = subprocess.run([_node(), "-e", ko_search.js_code() + JS_DRIVER], input=json.dumps(lines),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    from_js = json.loads(result.stdout)
    from_python = [[ko_search.split(line), _normalize(line)] for line in lines]
    stripped = sum(word != stem for words, stems in from_python for word, stem in zip(words, stems))
    assert stripped > 1000, "정규화가 거의 아무것도 바꾸지 않는다: 비교가 의미 없다"
    different = [(line, py, js) for line, py, js in zip(lines, from_python, from_js) if py != js]
    assert not different, f"{len(different)}줄에서 JS와 파이썬이 다르다. 처음 셋: {different[:3]}"


# ---------------------------------------------------------------------------------------------
# 3. 작은 Sphinx 프로젝트: 확장이 색인에 쓰이는가 (몇 초)
# ---------------------------------------------------------------------------------------------
def _index_terms(tmp_path: Path, extensions: list[str]) -> dict:
    """작은 Sphinx 프로젝트(language = ko)를 빌드해 검색 색인의 낱말을 돌려준다."""
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        f"import sys\nsys.path.insert(0, {str(ROOT / 'tools')!r})\n"
        f"language = 'ko'\nextensions = {extensions!r}\n", encoding="utf-8")
    (source / "index.rst").write_text(
        "역전파\n======\n\n오류 역전파를 손으로 계산한다. 텐서플로는 기울기를 구해 준다. Keras의 층들을 쌓는다.\n",
        encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", str(source), str(tmp_path / "out")],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    text = (tmp_path / "out" / "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[len("Search.setIndex("):-1])
    return {**index["terms"], **index["titleterms"]}  # 제목의 낱말은 titleterms에만 들어간다


def test_sphinx_indexes_stems_with_the_extension(tmp_path):
    terms = _index_terms(tmp_path, ["ko_search"])
    assert {"역전파", "tensorflow", "kera", "층", "계산"} <= set(terms), sorted(terms)
    assert not {"역전파를", "텐서플로는", "층들을", "의"} & set(terms), sorted(terms)
    language_data = (tmp_path / "out" / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "var splitQuery" in language_data and "koNormalize" in language_data


def test_changed_rules_make_sphinx_reread_every_page():
    """규칙(이 파일)이 바뀌면 모든 페이지를 다시 읽는다: 그러지 않으면 바뀌지 않은 페이지는 옛 색인어로 남는다."""
    from types import SimpleNamespace

    env = SimpleNamespace(found_docs={"a", "b", "c"}, ko_search_rules="옛 규칙")
    assert ko_search._reread_if_rules_changed(None, env, {"a"}, set(), set()) == ["b", "c"]
    assert env.ko_search_rules == ko_search.RULES_FINGERPRINT
    assert ko_search._reread_if_rules_changed(None, env, set(), set(), set()) == []


# ---------------------------------------------------------------------------------------------
# 4. 빌드한 책의 검색
# ---------------------------------------------------------------------------------------------
SEARCH_DRIVER = """
const fs = require("fs"), vm = require("vm");
const [scripts, queries] = JSON.parse(fs.readFileSync(0, "utf8"));
// 검색 결과를 계산하는 데 필요한 만큼만 브라우저를 흉내 낸다 (결과를 화면에 그리지는 않는다).
globalThis.window = globalThis;
globalThis.document = {
  readyState: "loading", addEventListener: () => {}, getElementById: () => null,
  querySelectorAll: () => [], documentElement: { dataset: {} },
};
globalThis._ready = () => {};
globalThis.SPHINX_HIGHLIGHT_ENABLED = false;
globalThis.DOCUMENTATION_OPTIONS = {};
for (const path of scripts) vm.runInThisContext(fs.readFileSync(path, "utf8"), { filename: path });
const out = queries.map((query) => {
  const [q, searchTerms, excludedTerms, highlightTerms, objectTerms] = Search._parseQuery(query);
  const results = Search._performSearch(q, searchTerms, excludedTerms, highlightTerms, objectTerms);
  return { terms: [...searchTerms], docs: [...new Set(results.map((r) => r[0]))] };
});
console.log(JSON.stringify(out));
"""
SEARCH_SCRIPTS = ("searchtools.js", "language_data.js", "searchindex.js")


class _Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag, attrs):
        src = dict(attrs).get("src")
        if tag == "script" and src:
            self.sources.append(src.split("?")[0])


def _search(html: Path, queries: list[str]) -> list[dict]:
    """search.html이 싣는 검색 스크립트를 같은 순서로 Node에서 실행해 각 검색어의 결과(페이지 이름)를 얻는다."""
    parser = _Scripts()
    parser.feed((html / "search.html").read_text(encoding="utf-8"))
    scripts = [html / src for src in parser.sources if src.rsplit("/", 1)[-1] in SEARCH_SCRIPTS]
    assert sorted(p.name for p in scripts) == sorted(SEARCH_SCRIPTS), f"search.html의 스크립트: {parser.sources}"
    result = subprocess.run([_node(), "-e", SEARCH_DRIVER], input=json.dumps([[str(p) for p in scripts], queries]),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


# 검색어, 조사를 뗀 꼴, 그 낱말을 다루는 장
BOOK_QUERIES = [
    pytest.param("텐서플로는", "텐서플로", "ch01", id="tensorflow-neun"),
    pytest.param("역전파를", "역전파", "ch04", id="backprop-reul"),
    pytest.param("합성곱을", "합성곱", "ch06", id="conv-eul"),
    pytest.param("오토인코더의", "오토인코더", "ch07", id="autoencoder-ui"),
    pytest.param("판별자와", "판별자", "ch08", id="discriminator-wa"),
    pytest.param("볼츠만 머신을", "볼츠만 머신", "ch09", id="boltzmann-machine-eul"),
]


@pytest.mark.slow
@pytest.mark.xdist_group("book")
@pytest.mark.parametrize(("query", "bare", "chapter"), BOOK_QUERIES)
def test_book_search_finds_chapter_whatever_particle_follows(built, query, bare, chapter):
    with_particle, without = _search(built, [query, bare])
    assert CHAPTER[chapter] in with_particle["docs"], (
        f"'{query}'(색인어 {with_particle['terms']})로 {chapter}를 찾지 못했다: {with_particle['docs']}")
    assert sorted(with_particle["docs"]) == sorted(without["docs"]), (
        f"'{query}'와 '{bare}'의 결과가 다르다:\n{with_particle}\n{without}")


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_book_search_nonsense_finds_nothing(built):
    for found in _search(built, ["뷁궯쀍을", "qzxvkwj"]):
        assert found["docs"] == [], found


@pytest.mark.slow
@pytest.mark.xdist_group("book")
def test_book_index_has_stems_not_particle_forms(built):
    """색인(searchindex.js)에서 조사를 뗀 꼴은 페이지를 가리키고, 조사가 붙은 꼴은 어느 페이지도 가리키지 않는다.

    Sphinx는 다시 빌드할 때 이전 색인의 낱말을 빈 목록([])으로 남겨 두므로 "없다" 대신 "가리키는 페이지가 없다"를 본다.
    """
    text = (built / "searchindex.js").read_text(encoding="utf-8")
    terms = json.loads(text[len("Search.setIndex("):-1])["terms"]
    for stem in ("역전파", "합성곱", "오토인코더", "판별자", "tensorflow", "backpropag"):
        assert terms.get(stem) not in (None, []), stem
    for form in ("역전파를", "합성곱을", "오토인코더의", "판별자와"):
        assert terms.get(form) in (None, []), f"{form} → {terms[form]}"
