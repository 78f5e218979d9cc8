"""숫자 검사: 본문이 결과로 말하는 숫자가 같은 장의 빌드 출력에 있는가.

책은 "본문의 숫자와 그림은 모두 현재 코드가 실제로 낸 결과다"라고 약속한다. 이 도구가 그 약속을 검사한다.
책 빌드의 실행 캐시(`.jupyter_cache`)에서 목차의 노트북마다 출력을 합쳐 읽고, 본문(마크다운)에서
결과를 말하는 숫자를 모두 뽑아 같은 절(`## N-M.`)의 출력과 맞춘다.

뽑는 숫자 (수식 `$…$`, 코드 `…`, 링크 주소, 제목 줄은 빼고):

- 소수: `0.113`, `1.95`
- 백분율: `99.1%`, `97 %`
- 시간: `2초`, `1.5분`, `40 ms`. 기계마다 다르므로 출력에 찍힌 시간(같은 절)이나 빌드가 잰 장 전체의 실행 시간
  ("처음부터 끝까지", "장 전체")과 견준다: 어림은 절반~두 배, "…안쪽/이내/미만"은 상한, "…넘게/이상"은 하한.
  장 전체의 실행 시간이 어긋나면 **알리기만** 한다(kind "runtime"): 그 시간은 기계와 부하에 따라 두세 배 달라지므로
  시간 문턱을 테스트에 넣지 않는다. 조용한 기계에서 잰 장별 실행 시간은 `make bench`의 몫이다.
- 배수: `12배`, `3.5×` (`28×28` 같은 모양은 빼고)
- 백분율 포인트: `5.7%p` (출력의 두 값의 차이와 맞춘다)
- 개수 비율: `8개 중 7개`, `8개 모드 중 7개`, 그리고 출력이 같은 분모로 세는 곳("덮은 모드 8/8")의 `7/8`

판 번호("TensorFlow 2.21")는 결과가 아니므로 뽑지 않는다. `1500배`처럼 0으로 끝나는 세 자리 이상의 배수는 0이 아닌
마지막 자리까지 반올림한 값으로 본다 (1491.5와 맞는다). 백분율은 그대로다: `100%`는 100%다.

한 숫자는 다음 가운데 하나여야 한다.

- **출력과 같다**: 같은 절의 코드 셀 출력(텍스트, 표)에 본문의 자릿수로 반올림해 같은 값이 있다. 문장이 다른 절을
  가리키면("5-8절의 표") 그 절의 출력도, 다른 장을 가리키면("6장의 합성곱 신경망은 98.6%") 그 장의 출력도 본다.
  장 머리와 요약은 장 전체를 되짚으므로 장 전체의 출력을 본다.
  `0.12`는 `0.1204`와 맞고 `0.113`과는 맞지 않는다. 백분율은 `0.973`과 `97.3%`를 같은 값으로 본다.
- **설정이다**: 장의 코드 셀이나 공개 테스트 사례(`dlbook/exercises/chNN.py`)에 같은 숫자가 그대로 적혀 있다
  (`learning_rate=0.02` → 본문 "학습률 0.02", 연습문제의 보기).
- **출처를 밝혔다**: 같은 문장(표라면 같은 행)이 출처를 말한다: "강의 자료", "논문", "출처:", 참고 문헌
  링크(`references.md`), "(Mnih 외, 2015)" 같은 인용, 재는 명령 `make bench`. 본문을 읽는 사람도 어디서 온
  숫자인지 안다.

수학에서 나온 값(시그모이드 도함수의 최댓값 0.25)은 결과가 아니므로 수식(`$0.25$`)으로 쓴다: 수식은 검사하지 않는다.

"노트북 밖에서 잰", "이 노트북을 만들 때 … 했더니" 같은 숫자는 학생이 재현할 수 없으므로 따로 잡는다
(`make bench` 명령을 보인 문장은 빼고).

사용법 / usage::

    python tools/factcheck.py check [--executed DIR] [chNN ...]   # 문제를 출력하고, 있으면 1로 끝난다
    python tools/factcheck.py report [--executed DIR] [chNN ...]  # 장마다 검사한/맞은/밝힌/어긋난 수
"""
from __future__ import annotations

import argparse
import html
import json
import math
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".jupyter_cache"  # 책 빌드의 실행 캐시 (_config.yml의 execute.cache)

# ---------------------------------------------------------------------------------------------
# 본문에서 숫자 뽑기
# ---------------------------------------------------------------------------------------------
NUM = r"\d+(?:\.\d+)?"
PATTERNS = [
    # (종류, 정규식): 정규식의 첫 묶음이 숫자
    ("count", re.compile(r"(?<![\d.])(\d+)\s*개(?:의)?(?:\s*[가-힣A-Za-z]{1,6})?\s*(?:가운데|중)\s*(\d+)\s*개?")),
    # "7/8로 셌다": 분수로 쓴 개수 (수식 밖). 분수 값 자체는 수식으로 쓴다 ("$1/8$", "8분의 1").
    ("fraction", re.compile(r"(?<![\d.,/])(\d+)\s*/\s*(\d+)(?![\d/])")),
    ("points", re.compile(rf"(?<![\d.,])({NUM})\s*%p")),
    ("percent", re.compile(rf"(?<![\d.,])({NUM})\s*(?:%(?!p)|퍼센트)")),
    ("time", re.compile(rf"(?<![\d.,])({NUM})\s*(초(?!기|과|점|록|반|보|당)|분(?![포류산할석의리야자기모명])|ms\b|밀리초)"
                        r"(?:\s*(?:가|이)?\s*(안쪽|이내|미만|안에|아래|이하|넘게|이상))?")),  # "1초가 넘게"도 하한
    ("speedup", re.compile(rf"(?<![\d.,])({NUM})\s*(?:배(?![치열경포우])|×(?!\s*\d)|x\b(?!\s*\d))")),
    ("decimal", re.compile(r"(?<![\w.,])(\d+\.\d+)(?![\w.]*\d)(?!\.\d)")),
]
# 판 번호는 결과가 아니다: "TensorFlow 2.21", "파이썬 3.10"
VERSION = re.compile(r"(?:TensorFlow|Keras|Python|파이썬|PyTorch|CUDA|cuDNN|NumPy|Gymnasium|scikit-learn|판|버전|v)\s*$", re.I)
# 같은 문장이 출처를 밝혔다고 보는 말
SOURCE = re.compile(
    r"강의 자료|강의의? (?:결과|출력|숫자|값)|논문|출처|references(?:\.md)?|참고 문헌|발표|공개한 표|공식 문서|문서의 표|"
    r"make bench|"
    r"[A-Z][^\W\d_]+(?:[ \-][A-Z]?[^\W\d_]+)?(?: 외| et al\.| & [A-Z][^\W\d_]+)?,? \d{4}\)"
)
# 학생이 재현할 수 없는 곳에서 잰 숫자를 알리는 말: "노트북 밖에서 잰", "이 노트북을 만들 때 … 했더니"
OUTSIDE = re.compile(r"노트북 밖에서|이 (?:노트북|장|부록)을 (?:만들|쓸) 때|이 (?:노트북|장|부록)을 (?:만드는|쓰는) 동안")
BENCH = re.compile(r"make bench")


@dataclass(frozen=True)
class Figure:
    kind: str        # decimal | percent | points | time | speedup | count
    text: str        # 본문에 쓰인 그대로
    value: float
    decimals: int
    extra: int | None = None  # count: "N개 중 M개"의 N
    sentence: str = ""
    seconds: float | None = None  # time: 초로 바꾼 값
    bound: str = ""               # time: "upper"(…안쪽, 이내, 미만) | "lower"(…넘게, 이상) | ""(어림)


@dataclass
class Section:
    chapter: str
    title: str                          # "5-6. LSTM 학습 예시 …" 또는 "(장 머리)"
    units: list[tuple[int, str]] = field(default_factory=list)   # (셀 번호, 문장 또는 표의 행)
    outputs: list[str] = field(default_factory=list)             # 출력 글
    code: list[str] = field(default_factory=list)                # 코드 셀 소스

    @property
    def label(self) -> str:
        m = re.match(r"(\d+-\d+)", self.title)
        return m.group(1) if m else self.title


@dataclass(frozen=True)
class Finding:
    chapter: str
    section: str
    cell: int
    kind: str        # mismatch | outside | runtime (장 전체의 실행 시간: 알리기만 하고 검사를 실패시키지 않는다)
    prose: str       # 본문의 값
    output: str      # 가장 가까운 출력 값 (없으면 "-")
    sentence: str

    @property
    def key(self) -> str:
        """알려진 문제 목록(tools/known_findings.py)에서 쓰는 안정된 이름: 셀 번호가 바뀌어도 그대로다."""
        return f"{self.chapter} {self.section} {self.kind} {self.prose}"

    def __str__(self) -> str:
        if self.kind == "outside":
            what = "노트북 밖에서 잰 숫자: 셀이나 `make bench`로 재현하거나 뺀다 / figure measured outside the notebook"
        elif self.kind == "runtime":
            what = (f"장 전체의 실행 시간: 본문 {self.prose}, 이 빌드 {self.output} (기계와 부하에 따라 다르다) "
                    f"/ chapter run time: prose says {self.prose}, this build took {self.output}")
        else:
            what = (f"본문 {self.prose} ≠ 출력 {self.output} (같은 절 출력에서 가장 가까운 값) "
                    f"/ prose says {self.prose}, nearest output in this section is {self.output}")
        return f"{self.chapter} {self.section} (셀 {self.cell}): {what}\n    「{self.sentence[:160]}」"


def _source(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _strip_markdown(text: str) -> str:
    """숫자를 뽑기 전에 수식, 코드, 링크 주소, HTML 주석, MyST 지시문의 옵션 줄을 지운다."""
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"\\\[.*?\\\]", " ", text, flags=re.S)
    text = re.sub(r"(?<!\\)\$[^$\n]+?(?<!\\)\$", " ⟨수식⟩ ", text)
    text = re.sub(r"`[^`\n]*`", " ⟨코드⟩ ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    text = re.sub(r"^\s*:[\w-]+:.*$", " ", text, flags=re.M)
    return text


def units_of(markdown: str) -> list[str]:
    """마크다운 셀을 문장, 표의 행, 목록의 항목으로 나눈다 (제목 줄은 뺀다). 원문 그대로(출처 링크 포함)."""
    units: list[str] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            joined = " ".join(paragraph)
            units.extend(s for s in re.split(r"(?<=[.?!])\s+(?=[^\s\d])", joined) if s.strip())
            paragraph.clear()

    in_fence = False
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            in_fence = not in_fence
            flush()
            continue
        if in_fence:
            continue
        if not stripped or stripped.startswith("#"):
            flush()
            continue
        if stripped.startswith("|"):
            flush()
            units.append(stripped)
            continue
        if re.match(r"([-*+]|\d+\.)\s", stripped):
            flush()
        paragraph.append(stripped)
    flush()
    return units


def figures_of(unit: str) -> list[Figure]:
    text = _strip_markdown(unit)
    found: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if kind == "decimal" and VERSION.search(text[max(0, m.start() - 14):m.start()]):
                taken.append((m.start(), m.end()))
                continue
            if kind in ("count", "fraction"):
                total, part = (int(m.group(1)), int(m.group(2))) if kind == "count" else (int(m.group(2)), int(m.group(1)))
                if part > total:
                    continue
                found.append(Figure("count", m.group(0).strip(), float(part), 0, total, unit))
            else:
                number = m.group(1).replace(",", "")
                seconds, bound = None, ""
                if kind == "time":
                    time_unit = m.group(2)
                    seconds = float(number) * {"초": 1, "분": 60, "ms": 1e-3, "밀리초": 1e-3}[time_unit]
                    bound = {"안쪽": "upper", "이내": "upper", "미만": "upper", "안에": "upper", "아래": "upper",
                             "이하": "upper", "넘게": "lower", "이상": "lower"}.get(m.group(3) or "", "")
                decimals = len(number.split(".")[1]) if "." in number else 0
                if kind == "speedup" and len(number) >= 3 and number.endswith("0") and number.strip("0"):
                    decimals = -(len(number) - len(number.rstrip("0")))  # "약 1500배"는 백의 자리까지 반올림한 값이다
                value = float(number)
                if kind == "percent" and text[m.end():m.end() + 1] == "대" and value % 10 == 0:
                    value, decimals = value + 5, -1  # "70%대": 70 이상 80 미만
                found.append(Figure(kind, m.group(0).strip(), value, decimals, None, unit, seconds, bound))
            taken.append((m.start(), m.end()))
    return found


# ---------------------------------------------------------------------------------------------
# 출력에서 숫자 뽑기
# ---------------------------------------------------------------------------------------------
OUT_NUM = re.compile(r"(?<![\w.])-?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:[eE]([-+]?\d+))?(\s*%)?")


def output_text(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "stream":
            parts.append(_source({"source": out.get("text", "")}))
        data = out.get("data", {})
        for mime in ("text/plain", "text/markdown", "text/latex"):
            if mime in data:
                parts.append(_source({"source": data[mime]}))
        if "text/html" in data:
            raw = _source({"source": data["text/html"]})
            raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.S)
            parts.append(html.unescape(re.sub(r"<[^>]+>", " ", raw)))
    return "\n".join(parts)


def output_numbers(text: str) -> list[tuple[float, str]]:
    """(값, 쓰인 그대로). 백분율은 비율 값도 함께 넣는다."""
    numbers = []
    for m in OUT_NUM.finditer(text):
        literal = m.group(0).strip()
        try:
            value = float(m.group(1).replace(",", "") + (m.group(2) or "") + (f"e{m.group(3)}" if m.group(3) else ""))
        except ValueError:
            continue
        numbers.append((abs(value), literal))
        if m.group(4):
            numbers.append((abs(value) / 100, literal))
    return numbers


OUT_TIME = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s*(초|s\b|sec\b|ms\b|분)")
RUNTIME = re.compile(r"처음부터 끝까지|장 전체|노트북 전체|전체 실행|전체가|전체는")


def output_times(text: str) -> list[float]:
    """출력에 찍힌 시간(초): "학습 4.4초", "12.3 s", "350 ms"."""
    scale = {"초": 1, "s": 1, "sec": 1, "ms": 1e-3, "분": 60}
    return [float(m.group(1)) * scale[m.group(2)] for m in OUT_TIME.finditer(text)]


def time_matches(figure: Figure, times: list[float]) -> bool:
    """시간은 기계마다 다르다. 어림("1분 안팎")은 잰 시간의 절반에서 두 배 사이면, 상한("1분 안쪽")은 잰 시간이
    그 아래면, 하한("1초 넘게")은 그 위면 맞다고 본다. 잰 시간은 같은 절 출력의 시간, 장 전체의 시간은 빌드가
    잰 노트북 실행 시간이다."""
    for t in times:
        if figure.bound == "upper" and t <= figure.seconds:
            return True
        if figure.bound == "lower" and t >= figure.seconds:
            return True
        if not figure.bound and figure.seconds / 2 <= t <= figure.seconds * 2:
            return True
    return False


def _close(prose: float, decimals: int, value: float) -> bool:
    return abs(value - prose) <= 0.5 * 10 ** (-decimals) * (1 + 1e-9) + 1e-12


def matches(figure: Figure, text: str, numbers: list[tuple[float, str]]) -> bool:
    if figure.kind == "count":
        part, total = int(figure.value), figure.extra
        return bool(re.search(rf"(?<!\d){part}\s*/\s*{total}(?!\d)|(?<!\d){total}\s*개?\s*(?:가운데|중)\s*{part}(?!\d)",
                              text))
    if figure.kind == "points":  # "5.7%p": 출력 두 값의 차이 (백분율 포인트)
        values = sorted({v for v, _ in numbers if v <= 100})
        for target, decimals in ((figure.value, figure.decimals), (figure.value / 100, figure.decimals + 2)):
            for i, a in enumerate(values):
                for b in values[i + 1:]:
                    if _close(target, decimals, b - a):
                        return True
        return False
    candidates = [figure.value]
    if figure.kind == "percent":
        candidates.append(figure.value / 100)
    for value, _ in numbers:
        for prose in candidates:
            decimals = figure.decimals + (2 if prose is not candidates[0] else 0)
            if _close(prose, decimals, value):
                return True
    return False


def nearest(figure: Figure, numbers: list[tuple[float, str]]) -> str:
    if figure.kind == "count" or not numbers:
        return "-"
    target = figure.value / 100 if figure.kind == "percent" and figure.value > 1 else figure.value

    def distance(item):
        value = item[0]
        alt = abs(value * 100 - figure.value) / max(figure.value, 1e-9) if figure.kind == "percent" else math.inf
        return min(abs(value - target) / max(abs(target), 1e-9), abs(value - figure.value) / max(abs(figure.value), 1e-9), alt)

    return min(numbers, key=distance)[1]


def in_code(figure: Figure, code: str) -> bool:
    """설정: 코드에 같은 숫자가 그대로 있다 (학습률, 문턱값, 목표 정확도; 개수 비율은 결과이므로 보지 않는다).
    백분율은 비율로 쓴 것도 본다: 본문 "96%" ↔ 코드 `0.96`."""
    if figure.kind in ("count", "time"):  # 시간은 결과다: 코드의 30은 "30초"의 근거가 아니다
        return False
    number = re.search(NUM, figure.text).group(0)
    literals = [number]
    if figure.kind == "percent":
        literals.append(f"{figure.value / 100:.{figure.decimals + 2}f}".rstrip("0").rstrip("."))
    if any(re.search(rf"(?<![\w.]){re.escape(lit)}(?![\d])", code) for lit in literals):
        return True
    # 지수 표기로 쓴 설정: 본문 "학습률 0.0002" ↔ 코드 `2e-4`
    targets = [figure.value] + ([figure.value / 100] if figure.kind == "percent" else [])
    for m in re.finditer(r"(?<![\w.])\d+(?:\.\d+)?[eE]-?\d+", code):
        if any(math.isclose(float(m.group(0)), t, rel_tol=1e-9) for t in targets):
            return True
    # 공개 테스트의 기댓값을 줄여 쓴 보기: 본문 "→ 1.203973" ↔ `expected=1.203972804325936`.
    # 소수 셋째 자리 이상으로 쓴 값만 (0.12 같은 짧은 값이 우연히 맞지 않게)
    if figure.kind == "decimal" and figure.decimals >= 3:
        for m in re.finditer(r"(?<![\w.])\d+\.\d{4,}", code):
            if _close(figure.value, figure.decimals, float(m.group(0))):
                return True
    return False


# ---------------------------------------------------------------------------------------------
# 장 읽기와 검사
# ---------------------------------------------------------------------------------------------
def sections_of(nb: dict, chapter: str) -> list[Section]:
    """노트북을 `## ` 제목마다 절로 나눈다. 한 마크다운 셀 안에서 절이 바뀌어도 문장마다 제 절에 넣는다."""
    sections = [Section(chapter, "(장 머리)")]
    for index, cell in enumerate(nb["cells"]):
        source = _source(cell)
        if cell["cell_type"] == "markdown":
            buffer: list[str] = []
            for line in source.splitlines():
                heading = re.match(r"^##\s+(.+?)\s*$", line)
                if heading:
                    sections[-1].units += [(index, u) for u in units_of("\n".join(buffer))]
                    buffer = []
                    sections.append(Section(chapter, heading.group(1).strip()))
                else:
                    buffer.append(line)
            sections[-1].units += [(index, u) for u in units_of("\n".join(buffer))]
        elif cell["cell_type"] == "code":
            sections[-1].code.append(source)
            sections[-1].outputs.append(output_text(cell))
    return sections


@dataclass
class Tally:
    checked: int = 0
    matched: int = 0
    settings: int = 0
    declared: int = 0
    mismatched: int = 0
    outside: int = 0
    runtime: int = 0     # 장 전체의 실행 시간이 본문과 맞지 않은 수 (알림만: 시간 문턱은 테스트에 넣지 않는다)


RECAP = re.compile(r"요약|정리|마치며|\(장 머리\)")


def scope_of(section: Section, unit: str, sections: list[Section], others: dict[int, str] | None = None) -> str:
    """숫자를 찾을 출력: 그 절의 출력, 문장이 가리킨 절("5-8절의 표")의 출력, 문장이 가리킨 다른 장("6장의 CNN")의
    출력 전체. 장 머리와 요약은 장 전체를 되짚으므로 장 전체의 출력."""
    parts = []
    own = int(section.chapter[2:]) if re.fullmatch(r"ch\d\d", section.chapter) else None
    for m in re.finditer(r"(?<![\d.,\-])(\d{1,2})(?:장|-\d{1,2}\s*절)", unit):
        number = int(m.group(1))
        if others and number != own and number in others:
            parts.append(others[number])
    if RECAP.search(section.title):
        return "\n".join(parts + [o for s in sections for o in s.outputs])
    parts += list(section.outputs)
    for m in re.finditer(r"(?<![\d.\-])(\d{1,2})-(\d{1,2})(?=[\s,~]*(?:\d{1,2}-\d{1,2}[\s,~]*)*절)", unit):
        label = f"{m.group(1)}-{m.group(2)}"
        parts += [o for s in sections if s.label == label for o in s.outputs]
    return "\n".join(parts)


def check_notebook(notebook: Path | dict, chapter: str,
                   others: dict[int, str] | None = None) -> tuple[list[Finding], Tally]:
    """한 장(실행된 노트북 파일이나 그 내용)을 검사한다.
    others: 다른 장 번호 → 그 장의 출력 전체 (본문이 "6장의 …"처럼 다른 장의 숫자를 말할 때)."""
    nb = notebook if isinstance(notebook, dict) else json.loads(Path(notebook).read_text(encoding="utf-8"))
    runtime = nb.get("metadata", {}).get("dlbook_execution_seconds")  # 빌드가 잰 장 전체의 실행 시간
    sections = sections_of(nb, chapter)
    all_code = "\n".join(c for s in sections for c in s.code)
    exercises = ROOT / "dlbook" / "exercises" / f"{chapter}.py"
    if exercises.exists():  # 연습문제의 보기("→ 0.693147")는 공개 테스트 사례에 같은 값으로 있다
        all_code += "\n" + exercises.read_text(encoding="utf-8")
    tally = Tally()
    findings: list[Finding] = []
    for section in sections:
        for cell, unit in section.units:
            text = scope_of(section, unit, sections, others)
            numbers = output_numbers(text)
            if OUTSIDE.search(unit) and not BENCH.search(unit):
                tally.outside += 1
                findings.append(Finding(chapter, section.label, cell, "outside", "-", "-", unit))
            for figure in figures_of(unit):
                if (figure.kind == "count" and "/" in figure.text
                        and not re.search(rf"(?<![\d.])\d+\s*/\s*{figure.extra}(?!\d)", text)):
                    continue  # "0/1 레이블", "문턱값 1/6": 출력이 같은 분모로 세지 않으면 개수가 아니라 분수다
                tally.checked += 1
                whole_chapter = figure.kind == "time" and RUNTIME.search(unit) and runtime is not None
                if whole_chapter:
                    # 장 전체의 시간("처음부터 끝까지 2분 안쪽")은 빌드가 잰 실행 시간과 견주되, 그 시간은 기계와
                    # 부하(CI는 테스트와 빌드를 함께 돌린다)에 따라 두세 배 달라진다. 그래서 어긋나도 알리기만 한다:
                    # 시간 문턱은 테스트에 넣지 않는다. 조용한 기계의 장별 시간은 `make bench`가 잰다.
                    tally.matched += 1
                    if not time_matches(figure, [runtime]):
                        tally.runtime += 1
                        findings.append(Finding(chapter, section.label, cell, "runtime", figure.text,
                                                f"{runtime:.1f}초", unit))
                    continue
                if figure.kind == "time":
                    times = output_times(text)
                    ok = time_matches(figure, times)
                else:
                    ok = matches(figure, text, numbers)
                if ok:
                    tally.matched += 1
                elif SOURCE.search(unit):
                    tally.declared += 1
                elif in_code(figure, all_code):
                    tally.settings += 1
                else:
                    tally.mismatched += 1
                    near = nearest(figure, numbers) if figure.kind != "time" else (
                        "/".join(f"{t:.1f}초" for t in sorted(set(times))[:4]) or "-")
                    findings.append(Finding(chapter, section.label, cell, "mismatch", figure.text, near, unit))
    return findings, tally


def _name(path: Path) -> str:
    m = re.match(r"(ch\d\d)_", path.name)
    return m.group(1) if m else path.stem


def executed_notebooks(executed: Path | None = None, chapters: list[str] | None = None) -> dict[str, dict]:
    """장 이름(ch01 …, 부록은 노트북 이름) → 빌드가 실행한 노트북(출력 포함).

    기본은 책 빌드의 실행 캐시(.jupyter_cache)에서 목차(_toc.yml)의 노트북마다 출력을 합쳐 읽는다.
    `_build/jupyter_execute/`의 사본은 캐시를 그대로 쓴 페이지에서 출력 없이 쓰이므로(myst-nb) 믿지 않는다.
    executed를 주면 그 폴더의 실행된 노트북 파일을 읽는다 (테스트용).
    """
    found: dict[str, dict] = {}
    if executed is not None:
        for path in sorted(Path(executed).rglob("*.ipynb")):
            if ".ipynb_checkpoints" not in path.parts and (not chapters or _name(path) in chapters):
                found[_name(path)] = json.loads(path.read_text(encoding="utf-8"))
        return found
    import nbformat
    import yaml
    from jupyter_cache import get_cache

    if not CACHE.exists():
        return found
    cache = get_cache(str(CACHE))
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [entry["file"] for part in toc.get("parts", []) for entry in part.get("chapters", [])]
    for file in files:
        path = ROOT / f"{file}.ipynb"
        if not path.exists() or (chapters and _name(path) not in chapters):
            continue
        try:
            pk, merged = cache.merge_match_into_notebook(nbformat.read(path, as_version=4))
        except KeyError as exc:
            raise FileNotFoundError(f"{path.relative_to(ROOT)}의 실행 결과가 캐시에 없다 (노트북이 바뀌었다): "
                                    f"`make book`을 다시 실행하라 / notebook changed since the build") from exc
        nb = json.loads(nbformat.writes(merged))
        seconds = (cache.get_cache_record(pk).data or {}).get("execution_seconds")
        if seconds is not None:
            nb.setdefault("metadata", {})["dlbook_execution_seconds"] = float(seconds)
        found[_name(path)] = nb
    return found


def check_book(executed: Path | None = None, chapters: list[str] | None = None) -> tuple[list[Finding], dict[str, Tally]]:
    notebooks = executed_notebooks(executed, chapters)
    if not notebooks:
        where = executed or CACHE
        raise FileNotFoundError(f"실행된 노트북이 없다: {where} — `make book`을 먼저 실행하라 / run `make book` first")
    findings, tallies = [], {}
    every = notebooks if not chapters else executed_notebooks(executed)
    others = {int(name[2:]): "\n".join(o for s in sections_of(nb, name) for o in s.outputs)
              for name, nb in every.items() if re.fullmatch(r"ch\d\d", name)}
    for name, nb in notebooks.items():
        chapter_findings, tally = check_notebook(nb, name, others)
        findings += chapter_findings
        tallies[name] = tally
    return findings, tallies


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/factcheck.py", description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["check", "report"])
    parser.add_argument("chapters", nargs="*")
    parser.add_argument("--executed", type=Path, default=None,
                        help="실행된 노트북 폴더 (기본: 책 빌드의 실행 캐시 .jupyter_cache)")
    args = parser.parse_intermixed_args(argv)
    try:
        findings, tallies = check_book(args.executed, args.chapters or None)
    except FileNotFoundError as exc:
        print(f"오류 / error: {exc}", file=sys.stderr)
        return 2
    if args.command == "report":
        print("장      검사  출력과 같음  설정  출처 밝힘  어긋남  밖에서 잰  실행 시간(알림)")
        for name, t in tallies.items():
            print(f"{name:<16}{t.checked:>5}{t.matched:>8}{t.settings:>8}{t.declared:>8}{t.mismatched:>8}{t.outside:>8}"
                  f"{t.runtime:>10}")
    notes = [f for f in findings if f.kind == "runtime"]
    findings = [f for f in findings if f.kind != "runtime"]
    for finding in notes:
        print("알림 / note:", finding)
    for finding in findings:
        print(finding)
    print(f"숫자 검사: 문제 {len(findings)}개 / fact check: {len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
