"""한국어 검색 — Sphinx의 검색 언어 `ko` (_config.yml: sphinx.local_extensions: {ko_search: tools/}).

Sphinx에는 한국어 검색 언어가 없어 `language: ko`이면 영어 규칙으로 색인한다. 그러면 조사가 붙은 낱말
("텐서플로는", "역전파를")이 그대로 색인어가 되어, "텐서플로를"로 찾으면 "텐서플로는"만 있는 장을 놓친다.
이 확장은 색인할 때(파이썬)와 브라우저에서 검색할 때(JavaScript) 낱말을 똑같이 정규화한다:

1. 나누기 (`split` / JS `splitQuery`): 한글 음절의 연속과 그 밖의 글자·숫자·밑줄의 연속을 따로 자른다.
   "2차원" → "2", "차원"; "ReLU함수" → "ReLU", "함수". 라틴 글자나 숫자 바로 뒤에 붙은 한글이 통째로
   조사·어미이면 버린다: "Keras의" → "Keras", "GPU를" → "GPU".
2. 정규화 (`stem` / JS `Stemmer.stemWord`):
   - 한글 낱말: 끝의 조사·어미 하나를 뗀다 (ENDINGS, 긴 것부터). 떼려면 세 조건을 모두 채워야 한다.
     (가) 앞 음절의 받침이 그 조사와 맞는다: 을/은/이/과/으로는 받침 뒤, 를/는/가/와는 받침 없는 음절 뒤,
         로는 받침 없거나 ㄹ 받침 뒤. 그래서 "평가", "결과"… 가운데 일부와 "차이", "효과", "경로"는 처음부터
         조사로 보지 않는다.
     (나) 남는 줄기가 MIN_STEM 음절 이상이다. 명사 끝 음절과 잘 겹치는 이/가/의/로/과/만/란과 하다·되다
         어미는 2음절, 나머지(을/를/은/는/에서/으로/까지/처럼/이다…)는 1음절. 그래서 "길이", "깊이", "정의",
         "주의", "회로", "추가"는 그대로 두고, "값을", "층은"은 "값", "층"이 된다 ("값이"는 "값이"로 남는다:
         "길이"를 "길"로 잘못 자르는 것보다 덜 해롭다).
     (다) 자르는 곳이 PROTECTED 명사(끝이 조사처럼 생긴 낱말: "텐서플로", "결과"…)의 가운데가 아니다.
         "텐서플로는" → "텐서플로"("로는"을 떼지 않는다), "학습결과" → 그대로.
     겹친 조사는 두 겹까지 뗀다 ("데이터에만" → "데이터"), 그 뒤 복수 접미사 "들"을 뗀다 ("모델들을" → "모델").
     "도"(…도)는 떼지 않는다: "정확도", "유사도", "속도"처럼 -도로 끝나는 용어가 많다.
   - 책이 영문으로 쓰는 도구 이름의 음차("텐서플로", "케라스"…)는 그 영문 낱말의 색인어가 된다 (ALIASES).
   - 그 밖의 낱말(영어, 코드): 지금까지처럼 Sphinx 영어 검색의 Porter 어간 추출기 ("backpropagation" →
     "backpropag"). 다만 브라우저 쪽도 파이썬과 같은 Snowball Porter를 쓰고(Sphinx 영어 검색의 옛 JS 구현은
     "semilogy"처럼 몇 낱말을 다르게 자른다), 세 글자 미만은 양쪽 모두 그대로 둔다. 불용어도 Sphinx 영어 목록 그대로이고, 한국어는 홀로 쓰인 조사만 불용어로 둔다.

색인에는 정규화된 꼴만 넣는다 (Sphinx의 다른 언어와 같다). 검색어도 똑같이 정규화되므로 "텐서플로는"을
그대로 쳐도 찾는다. 파이썬과 JavaScript는 아래의 같은 표(ENDINGS, PROTECTED, 불용어)를 쓴다: JS 코드는
이 표를 JSON으로 넣어 만든다. tests/test_ko_search.py가 두 구현을 Node로 비교한다.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import snowballstemmer
import sphinx
from sphinx.search import SearchLanguage
from sphinx.search.en import english_stopwords

# 조사·어미, 앞 음절 조건, 남아야 할 줄기의 최소 음절 수.
# 조건: "C" 받침 있는 음절 뒤, "V" 받침 없는 음절 뒤, "VL" 받침 없거나 ㄹ 받침 뒤, "" 아무 음절 뒤.
ENDINGS: tuple[tuple[str, str, int], ...] = (
    # 격조사 (한 음절)
    ("은", "C", 1), ("는", "V", 1), ("을", "C", 1), ("를", "V", 1),
    ("이", "C", 2), ("가", "V", 2), ("의", "", 2), ("에", "", 1),
    ("로", "VL", 2), ("와", "V", 1), ("과", "C", 2), ("만", "", 2), ("란", "V", 2),
    # 격조사·보조사 (두 음절 이상)
    ("에서", "", 1), ("에게", "", 1), ("에게서", "", 1), ("한테", "", 1), ("께서", "", 1),
    ("으로", "C", 1), ("으로는", "C", 1), ("으로도", "C", 1), ("으로서", "C", 1), ("으로써", "C", 1),
    ("으로의", "C", 1), ("로는", "VL", 1), ("로도", "VL", 1), ("로서", "VL", 1), ("로써", "VL", 1),
    ("로의", "VL", 1), ("에서는", "", 1), ("에서도", "", 1), ("에서의", "", 1), ("에서부터", "", 1),
    ("에는", "", 1), ("에도", "", 1), ("에의", "", 1), ("와는", "V", 1), ("와의", "V", 1), ("와도", "V", 1),
    ("과는", "C", 2), ("과의", "C", 2), ("과도", "C", 2), ("까지", "", 1), ("까지는", "", 1),
    ("까지도", "", 1), ("부터", "", 1), ("부터는", "", 1), ("처럼", "", 1), ("보다", "", 1),
    ("보다는", "", 1), ("마다", "", 1), ("만큼", "", 1), ("조차", "", 1), ("밖에", "", 1),
    ("대로", "", 1), ("으로부터", "C", 1), ("로부터", "VL", 1),
    ("만을", "", 2), ("만이", "", 2), ("만의", "", 2), ("만으로", "", 2), ("이나", "C", 1), ("이란", "C", 1),
    # 서술격 조사 '이다'의 꼴
    ("이다", "", 1), ("입니다", "", 1), ("이었다", "C", 1), ("였다", "V", 1), ("이며", "", 1),
    ("이고", "", 1), ("이면", "", 1), ("이므로", "", 1), ("이지만", "", 1), ("이라는", "", 1),
    ("이라고", "", 1), ("이라면", "", 1), ("라는", "V", 1), ("라고", "V", 1),
    # '하다', '되다', '시키다' 동사의 흔한 꼴: "학습한다", "정규화된다" → "학습", "정규화"
    ("한다", "", 2), ("하는", "", 2), ("하고", "", 2), ("하면", "", 2), ("하여", "", 2), ("해서", "", 2),
    ("했다", "", 2), ("하였다", "", 2), ("하기", "", 2), ("하지", "", 2), ("합니다", "", 2),
    ("된다", "", 2), ("되는", "", 2), ("되어", "", 2), ("되고", "", 2), ("되면", "", 2), ("됩니다", "", 2),
    ("되었다", "", 2), ("시킨다", "", 2), ("시키는", "", 2),
)
# 끝이 조사·어미처럼 생긴 명사: 이 낱말의 가운데는 자르지 않는다 (조건 (가)·(나)로 이미 지켜지는 것은 뺐다).
PROTECTED: tuple[str, ...] = (
    "텐서플로", "몬테카를로", "마이크로", "매크로", "제로", "프로", "헬로",
    "결과", "성과", "통과", "학과", "인과",
    "볼츠만", "백만", "천만", "되풀이", "손잡이", "위드로",
)
MAX_LAYERS = 2  # 겹친 조사 "데이터에만", "에포크마다의"는 두 겹까지 뗀다
# 책이 영문으로 쓰는 도구 이름의 한글 음차 → 그 영문 낱말의 색인어. 본문은 "TensorFlow"라고 쓰지만 독자는
# "텐서플로는"으로 찾을 수 있다. 음차뿐인 고유명사만 둔다 (일반 용어 "역전파"를 "backpropagation"과 합치지 않는다).
ALIASES_SOURCE: dict[str, str] = {
    "텐서플로": "tensorflow", "텐서플로우": "tensorflow", "케라스": "keras", "파이토치": "pytorch",
    "넘파이": "numpy", "파이썬": "python", "판다스": "pandas", "주피터": "jupyter", "사이킷런": "scikit",
    "맷플롯립": "matplotlib",
}
PLURAL = "들"
PLURAL_MIN_STEM = 1  # "층들의" → "층" ("들"로 끝나는 명사는 거의 없다: "그들", "이들"은 대명사)
# 홀로 떨어진 조사(예: "`Dense`를"의 "를")는 색인하지 않는다. 내용어(이, 가, 도, 만, 과…)는 넣지 않는다.
KOREAN_STOPWORDS = frozenset({"은", "는", "을", "를", "의", "에", "와", "로", "에서", "으로", "에게", "처럼",
                              "부터", "까지", "이다", "입니다", "에는", "에서는", "으로는"})

_porter = snowballstemmer.stemmer("porter")
ALIASES = {korean: _porter.stemWord(english) for korean, english in ALIASES_SOURCE.items()}
_HANGUL_RUN = re.compile(r"[가-힣]+")
_TOKEN = re.compile(r"[가-힣]+|[^\W가-힣]+")
_ENDING_SET = frozenset(ending for ending, _, _ in ENDINGS)
_ENDINGS_LONGEST_FIRST = sorted(ENDINGS, key=lambda row: -len(row[0]))


def _final_consonant(syllable: str) -> int:
    """한글 음절의 받침 번호 (0: 받침 없음, 8: ㄹ)."""
    return (ord(syllable) - 0xAC00) % 28


def _fits(syllable: str, condition: str) -> bool:
    final = _final_consonant(syllable)
    if condition == "C":
        return final != 0
    if condition == "V":
        return final == 0
    if condition == "VL":
        return final in (0, 8)
    return True


def _cuts_protected(word: str, cut: int) -> bool:
    """word[:cut] / word[cut:]로 자르면 PROTECTED 명사의 가운데를 자르는가."""
    for noun in PROTECTED:
        start = word.find(noun)
        while start != -1:
            if start < cut < start + len(noun):
                return True
            start = word.find(noun, start + 1)
    return False


def _strip_once(word: str) -> str:
    """끝의 조사·어미 하나를 뗀다 (긴 것부터, 조건 (가)–(다)를 모두 채우는 첫 것). 없으면 그대로."""
    for ending, condition, min_stem in _ENDINGS_LONGEST_FIRST:
        if not word.endswith(ending):
            continue
        stem = word[: len(word) - len(ending)]
        if len(stem) >= min_stem and _fits(stem[-1], condition) and not _cuts_protected(word, len(stem)):
            return stem
    return word


def normalize_korean(word: str) -> str:
    """한글 낱말 하나에서 끝의 조사·어미를 (두 겹까지) 떼고 복수 접미사 '들'을 뗀다 (규칙은 모듈 docstring)."""
    for _ in range(MAX_LAYERS):
        stripped = _strip_once(word)
        if stripped == word:
            break
        word = stripped
    if word.endswith(PLURAL) and len(word) - len(PLURAL) >= PLURAL_MIN_STEM \
            and not _cuts_protected(word, len(word) - len(PLURAL)):
        word = word[: len(word) - len(PLURAL)]
    return word


def split(text: str) -> list[str]:
    """글을 낱말로 자른다: 한글의 연속과 그 밖의 글자·숫자·밑줄의 연속. 영문·숫자에 붙은 조사는 버린다."""
    words: list[str] = []
    previous_end, previous_hangul = -1, True
    for match in _TOKEN.finditer(text):
        token = match.group()
        hangul = _HANGUL_RUN.fullmatch(token) is not None
        glued = match.start() == previous_end and not previous_hangul
        previous_end, previous_hangul = match.end(), hangul
        if hangul and glued and token in _ENDING_SET:
            continue  # "Keras의", "GPU를"의 조사
        words.append(token)
    return words


def stem(word: str) -> str:
    """split이 낸 낱말 하나의 색인어: 한글은 조사를 떼고 (도구 이름의 음차는 영문 색인어로), 그 밖은 Sphinx 영어 검색과 같은 Porter 어간."""
    word = word.lower()
    if _HANGUL_RUN.fullmatch(word):
        normalized = normalize_korean(word)
        return ALIASES.get(normalized, normalized)
    if len(word) < 3:
        # Sphinx 영어 검색의 JS Porter는 세 글자 미만을 그대로 두는데 파이썬 쪽(snowball)은 "js" → "j",
        # "ms" → "m"으로 줄여서 영어 검색에서도 "js"를 찾지 못한다. 여기서는 두 쪽 모두 그대로 둔다.
        return word
    return _porter.stemWord(word)


# 브라우저 쪽 구현. Sphinx가 language_data.js에 그대로 넣는다. 여기의 `var splitQuery`는 searchtools.js의 기본
# splitQuery를 대신한다: language_data.js가 먼저 실리면 searchtools.js가 기본값을 만들지 않고, 나중에 실리면
# (pydata 테마의 search.html) 이 정의가 기본값을 덮어쓴다. searchtools.js는 검색할 때에야 splitQuery를 부른다.
_JS_TEMPLATE = """
/* 한국어 검색: tools/ko_search.py가 만든 코드. 파이썬 쪽 split/stem과 같은 규칙이다. */
var KO_ENDINGS = @ENDINGS@;
var KO_PROTECTED = @PROTECTED@;
var KO_MAX_LAYERS = @MAX_LAYERS@;
var KO_PLURAL = @PLURAL@;
var KO_ALIASES = new Map(Object.entries(@ALIASES@));
var KO_PLURAL_MIN_STEM = @PLURAL_MIN_STEM@;
var KO_ENDING_SET = new Set(KO_ENDINGS.map(function (row) { return row[0]; }));
var KO_HANGUL_RUN = /^[\\uAC00-\\uD7A3]+$/;
// 파이썬의 [가-힣]+|[^\\W가-힣]+ 와 같다: 한글의 연속, 또는 한글이 아닌 글자·숫자·밑줄의 연속
var KO_WORD = /[\\uAC00-\\uD7A3]+|(?:(?![\\uAC00-\\uD7A3])[\\p{L}\\p{N}_])+/gu;

var koFits = function (syllable, condition) {
  var final = (syllable.charCodeAt(0) - 0xAC00) % 28;
  if (condition === "C") return final !== 0;
  if (condition === "V") return final === 0;
  if (condition === "VL") return final === 0 || final === 8;
  return true;
};

var koCutsProtected = function (word, cut) {
  return KO_PROTECTED.some(function (noun) {
    var start = word.indexOf(noun);
    while (start !== -1) {
      if (start < cut && cut < start + noun.length) return true;
      start = word.indexOf(noun, start + 1);
    }
    return false;
  });
};

var koStripOnce = function (word) {
  for (var i = 0; i < KO_ENDINGS.length; i++) {
    var ending = KO_ENDINGS[i][0], condition = KO_ENDINGS[i][1], minStem = KO_ENDINGS[i][2];
    if (!word.endsWith(ending)) continue;
    var stem = word.slice(0, word.length - ending.length);
    if (stem.length >= minStem && koFits(stem[stem.length - 1], condition) && !koCutsProtected(word, stem.length)) {
      return stem;
    }
  }
  return word;
};

var koNormalize = function (word) {
  for (var layer = 0; layer < KO_MAX_LAYERS; layer++) {
    var stripped = koStripOnce(word);
    if (stripped === word) break;
    word = stripped;
  }
  if (word.endsWith(KO_PLURAL) && word.length - KO_PLURAL.length >= KO_PLURAL_MIN_STEM &&
      !koCutsProtected(word, word.length - KO_PLURAL.length)) {
    word = word.slice(0, word.length - KO_PLURAL.length);
  }
  return word;
};

var splitQuery = function (query) {
  var words = [];
  var previousEnd = -1, previousHangul = true;
  for (var match of query.matchAll(KO_WORD)) {
    var token = match[0];
    var hangul = KO_HANGUL_RUN.test(token);
    var glued = match.index === previousEnd && !previousHangul;
    previousEnd = match.index + token.length;
    previousHangul = hangul;
    if (hangul && glued && KO_ENDING_SET.has(token)) continue;
    words.push(token);
  }
  return words;
};

@PORTER@

var Stemmer = function () {
  var porter = new PorterStemmer();
  this.stemWord = function (word) {
    word = word.toLowerCase();
    if (!KO_HANGUL_RUN.test(word)) return word.length < 3 ? word : porter.stemWord(word);
    var normalized = koNormalize(word);
    return KO_ALIASES.has(normalized) ? KO_ALIASES.get(normalized) : normalized;
  };
};
"""


def js_code() -> str:
    """language_data.js에 들어갈 splitQuery와 Stemmer (표는 파이썬의 것을 JSON으로 넣는다)."""
    # 파이썬 쪽 snowballstemmer("porter")와 같은 알고리즘의 JS (Sphinx가 함께 싣고 있는 Snowball 생성 코드).
    # Sphinx 영어 검색이 브라우저에 보내는 옛 Porter 구현은 파이썬 쪽과 몇 낱말에서 다르다 ("semilogy").
    snowball = Path(sphinx.package_dir) / "search" / "minified-js"
    porter = "\n".join((snowball / name).read_text(encoding="utf-8")
                       for name in ("base-stemmer.js", "porter-stemmer.js"))
    replacements = {
        "@ENDINGS@": json.dumps([list(row) for row in _ENDINGS_LONGEST_FIRST], ensure_ascii=False),
        "@PROTECTED@": json.dumps(list(PROTECTED), ensure_ascii=False),
        "@MAX_LAYERS@": str(MAX_LAYERS),
        "@PLURAL@": json.dumps(PLURAL, ensure_ascii=False),
        "@PLURAL_MIN_STEM@": str(PLURAL_MIN_STEM),
        "@ALIASES@": json.dumps(ALIASES, ensure_ascii=False),
        "@PORTER@": porter,
    }
    code = _JS_TEMPLATE
    for key, value in replacements.items():
        code = code.replace(key, value)
    return code


class SearchKorean(SearchLanguage):
    lang = "ko"
    language_name = "Korean"
    stopwords = set(english_stopwords) | KOREAN_STOPWORDS
    js_stemmer_code = js_code()  # splitQuery도 여기 넣는다: js_splitter_code는 템플릿에서 |safe 없이 들어간다

    def split(self, input: str) -> list[str]:  # noqa: A002 (Sphinx의 인자 이름)
        return split(input)

    def stem(self, word: str) -> str:
        return stem(word)

    def word_filter(self, word: str) -> bool:
        return len(word) > 0 and word not in self.stopwords


# 이 파일(규칙과 두 구현)의 지문. 바뀌면 모든 페이지를 다시 읽어 색인을 새로 만든다: Sphinx는 확장의 코드가
# 바뀐 것을 모르고, 바뀌지 않은 페이지의 색인어는 이전 searchindex.js에서 그대로 가져오기 때문이다.
RULES_FINGERPRINT = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()


def _reread_if_rules_changed(app, env, added, changed, removed) -> list[str]:
    if getattr(env, "ko_search_rules", None) == RULES_FINGERPRINT:
        return []
    env.ko_search_rules = RULES_FINGERPRINT
    return sorted(env.found_docs - added - changed - removed)


def setup(app):
    app.add_search_language(SearchKorean)
    app.connect("env-get-outdated", _reread_if_rules_changed)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
