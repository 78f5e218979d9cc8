"""상호 참조 검사: 본문이 "6장", "2-3절"이라고 가리키는 곳에 그 주제가 정말 있는가.

장 번호와 절 번호를 손으로 쓰면, 장 순서가 바뀌거나 글을 옮겨 적을 때 틀린 번호가 남는다 (7장이 CNN을 "5장"이라
부른 일). 이 도구는 장 노트북(solutions/chNN)과 책의 쪽(book/*.md, book/*.ipynb)의 본문에서 다음을 찾는다.

- 없는 곳: "12장", "4-11절"처럼 책에 없는 장이나 절.
- 주제가 없는 곳: "합성곱 층(5장)", "5장에서 본 합성곱", "2-3절의 로지스틱 회귀"처럼 번호 곁에 주제를 쓴 경우,
  그 낱말(조사를 뗀 것)이 가리킨 곳에 없으면 잡는다. 장을 가리키면 그 장의 제목들과 장 끝 "이 장의 용어" 표
  (그 장이 소개하는 것)에서, 절을 가리키면 그 절의 글 전체에서 찾는다. 다른 장에서 지나가며 말한 것만으로는
  맞다고 보지 않는다: "교차 엔트로피(3장)"는 3장이 그 말을 다시 쓰더라도, 소개한 곳이 2장이면 잡힌다.
- 제 장 번호: 장 안에서 자기 장을 "5장"이라 부르는 것은 괜찮다.

실제 링크(`[6장](../ch06/ch06_cnn.ipynb)`)는 Sphinx 빌드가 경고를 오류로 하여 검사한다 (링크가 가리키는 파일이 없으면
빌드가 실패한다). 이 도구는 그 링크의 글("6장")도 주제와 맞는지 본다.

사용법 / usage::

    python tools/xref.py check     # 문제가 있으면 목록을 출력하고 1로 끝난다
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PARTICLES = ("으로서", "에서는", "에서의", "에서", "으로", "에게", "까지", "부터", "처럼", "과는", "와는", "에는",
             "이나", "이다", "을", "를", "이", "가", "은", "는", "의", "에", "와", "과", "로", "도", "만", "나")
# 주제로 보지 않는 낱말: 번호 곁에 흔히 오지만 주제를 말하지 않는다
NOT_TOPIC = {"앞", "뒤", "다음", "이", "그", "저", "이번", "같은", "본", "보았듯이", "보듯이", "다룬", "나온", "설명한", "한",
             "소개한", "배운", "쓴", "만든", "참고", "참조", "자세한", "내용", "예", "예시", "마지막", "처음", "또는", "및",
             "절", "장", "여러", "두", "세", "각", "모든", "부분", "곳", "것", "뒤의", "앞의", "뒤에서", "앞에서"}
# "5장", "5장에서", "4-6절의": 뒤에 조사는 와도 되지만 "장점", "장면" 같은 낱말은 아니다.
# 숫자 앞이 숫자나 쉼표면("3,000장") 장은 종이를 세는 말이므로 보지 않는다.
MENTION = re.compile(r"(?<![\d.,\-])(\d{1,2})(?:-(\d{1,2})절|장(?!점|면|치|르|기|소|난|벽|애|부|비|식|거|례|려|수|단|갑))(?!\d)")


COUNTER = re.compile(r"(이미지|사진|그림|숫자|카드|표본|샘플|장\s*중|가운데)\s*$")


@dataclass(frozen=True)
class Finding:
    where: str
    mention: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: '{self.mention}' — {self.message}"


@dataclass
class Chapter:
    number: int
    title: str
    topics: str                     # 장이 다루는 것: 제목들과 "이 장의 용어" 표
    sections: dict[int, str]        # 절 번호 → 그 절의 글
    path: Path


def _cells(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def load_chapters(root: Path = ROOT) -> dict[int, Chapter]:
    chapters = {}
    for path in sorted(root.glob("solutions/ch[0-9][0-9]/ch[0-9][0-9]_*.ipynb")):
        number = int(path.name[2:4])
        title, sections, current, parts = "", {}, None, []
        for cell in _cells(path):
            source = _source(cell)
            parts.append(source)
            for line in source.splitlines():
                if cell["cell_type"] == "markdown":
                    m = re.match(r"^#\s+(.+)", line)
                    if m and not title:
                        title = m.group(1).strip()
                    m = re.match(rf"^##\s+{number}-(\d+)\b", line)
                    if m:
                        current = int(m.group(1))
                        sections.setdefault(current, "")
                    elif re.match(r"^##\s", line):
                        current = None
                if current is not None:
                    sections[current] += line + "\n"
        text = "\n".join(parts)
        headings = "\n".join(line for line in text.splitlines() if re.match(r"^#{1,4}\s", line))
        terms = re.search(r"^##\s+(?:이 장의 )?용어\s*$(.*?)(?=^##\s|\Z)", text, flags=re.M | re.S)
        topics = headings + "\n" + (terms.group(1) if terms else "")
        chapters[number] = Chapter(number, title, topics, sections, path)
    return chapters


def _strip(text: str) -> str:
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    text = re.sub(r"\$\$.*?\$\$", " ", text, flags=re.S)
    text = re.sub(r"(?<!\\)\$[^$\n]+?(?<!\\)\$", " ", text)
    text = re.sub(r"`([^`\n]*)`", r"\1", text)  # 코드의 이름(`fit`)도 주제일 수 있다
    text = re.sub(r"\]\([^)]*\)", "]", text)
    return text


def _stem(word: str) -> str:
    word = word.strip("*_[]\"'“”‘’.,:;!?·")
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) > len(particle):
            return word[: -len(particle)]
    return word


GENERIC = {"층", "망", "모델", "함수", "방법", "방식", "알고리즘", "규칙", "손실", "학습", "예시", "데이터", "문제", "구조",
           "식", "현상", "결과", "값", "과정", "경우"}
VERB_ENDING = re.compile(r"(다|므로|므|고|며|면|서|니|게|지|어|아|여|져|워|해|쳐|든|듯|도록|려고|는데|인데|었는|았는|하는|되는|"
                         r"이는|오는|가는|내는|는|한|된|진|운|른|던|거나|이나)$")


def topic_of(text: str, start: int, end: int) -> str | None:
    """번호 곁의 주제 낱말: "합성곱 층(5장)"이면 "합성곱 층", "5장에서 본 합성곱"이면 "합성곱".

    괄호 앞이 명사가 아니고 용언(…않으므로, …길쭉하다)이면 주제를 말하지 않은 것으로 본다.
    """
    before = text[:start]
    after = text[end:]
    m = re.search(r"(?:([가-힣A-Za-z][가-힣A-Za-z0-9\-]*)\s+)?([가-힣A-Za-z][가-힣A-Za-z0-9\-]*)\s*\((?:[^()]*,\s*)?$", before)
    if m and re.match(r"\s*(?:,[^()]*)?\)", after):  # "X(5장)", "X(4-2, 4-6절)": 괄호 안이 번호뿐일 때
        last = m.group(2)
        if VERB_ENDING.search(last) or _stem(last) in NOT_TOPIC:
            return None  # 괄호 바로 앞이 용언(…않으므로)이면 주제를 말하지 않은 것이다
        words = [_stem(last)]
        first = m.group(1)
        if (first and first == _stem(first) and not VERB_ENDING.search(first) and not re.search(r"[은인]$", first)
                and first not in NOT_TOPIC):
            words.insert(0, first)  # 조사 없는 앞 낱말은 같은 명사구다: "합성곱 층", "교차 엔트로피"
        words = [w for w in words if w not in GENERIC]
        return " ".join(words) or None
    if m:
        return None
    # "5장에서 본 합성곱", "2-3절에서 다룬 로지스틱 회귀": 어디서 무엇을 배웠다고 말하는 경우만 본다.
    # 첫 낱말에 조사가 없으면 다음 낱말까지 한 명사구다 ("교차 엔트로피다" → "교차 엔트로피").
    m = re.match(r"(?:에서|의|에)\s*(?:본|보았던|다룬|나온|배운|소개한|만든|설명한|유도한)\s+"
                 r"([가-힣A-Za-z][가-힣A-Za-z0-9\-]*)(?:\s+([가-힣A-Za-z][가-힣A-Za-z0-9\-]*))?", after)
    if m:
        word = _stem(m.group(1))
        if word in NOT_TOPIC or len(word) < 2 or VERB_ENDING.search(word):
            return None
        words = [word]
        second = _stem(re.sub(r"(이다|다)$", "", m.group(2) or ""))  # "엔트로피다" → "엔트로피"
        if second and m.group(1) == word and not VERB_ENDING.search(second) and second not in NOT_TOPIC:
            words.append(second)
        return " ".join(words)
    return None


def _found(topic: str, text: str) -> bool:
    """주제가 가리킨 곳의 글에 있으면 맞다고 본다: 이어 쓴 그대로, 아니면 낱말마다 모두.
    합성어는 끝 글자를 뗀 것도 본다 ("잡음 제거기" → "잡음", "제거")."""
    lowered = text.lower()
    if topic.lower() in lowered:
        return True
    for word in topic.split():
        candidates = {word} | ({word[:-1]} if len(word) >= 3 and re.match(r"[가-힣]", word) else set())
        if not any(len(c) >= 2 and c.lower() in lowered for c in candidates):
            return False
    return True


def check_text(where: str, text: str, chapters: dict[int, Chapter], own: int | None) -> list[Finding]:
    findings = []
    prose = _strip(text)
    for m in MENTION.finditer(prose):
        if not m.group(2) and COUNTER.search(prose[max(0, m.start() - 12):m.start()]):
            continue  # "이미지 16장", "10,000장 중 23장": 장은 종이를 세는 말이다
        chapter_no = int(m.group(1))
        section_no = int(m.group(2)) if m.group(2) else None
        mention = m.group(0)
        chapter = chapters.get(chapter_no)
        if chapter is None:
            findings.append(Finding(where, mention, f"{chapter_no}장은 이 책에 없다 / no chapter {chapter_no}"))
            continue
        if section_no is not None and section_no not in chapter.sections:
            findings.append(Finding(where, mention, f"{chapter_no}장에 {chapter_no}-{section_no}절이 없다 "
                                                    f"/ no section {chapter_no}-{section_no}"))
            continue
        # "합성곱과 전치 합성곱(5, 7장)": 괄호 안의 앞 번호들도 같은 주제를 가리킨다
        listed = re.search(r"\(((?:\d{1,2}\s*,\s*)+)$", prose[:m.start()])
        start = listed.start() + 1 if listed else m.start()
        topic = topic_of(prose, start, m.end())
        if topic is None or (own == chapter_no and section_no is None):
            continue
        # 장을 가리키면 그 장의 제목들과 용어 표에서, 절을 가리키면 그 절의 글 전체에서 찾는다
        target = chapter.sections[section_no] if section_no is not None else chapter.topics
        if listed and section_no is None:
            others = [chapters.get(int(n)) for n in re.findall(r"\d+", listed.group(1))]
            target += "\n".join(c.topics for c in others if c)  # 주제는 나열한 장 가운데 어딘가에 있으면 된다
        if not _found(topic, target):
            place = f"{chapter_no}-{section_no}절" if section_no is not None else f"{chapter_no}장({chapter.title})"
            findings.append(Finding(where, mention, f"'{topic}'이(가) {place}에 없다 — 번호가 맞는지 본다 "
                                                    f"/ topic '{topic}' not found in {place}"))
    return findings


def check(root: Path = ROOT) -> list[Finding]:
    chapters = load_chapters(root)
    findings = []
    for number, chapter in chapters.items():
        for index, cell in enumerate(_cells(chapter.path)):
            if cell["cell_type"] == "markdown":
                findings += check_text(f"{chapter.path.name} 셀 {index}", _source(cell), chapters, number)
    for page in sorted((root / "book").glob("*.md")) + sorted((root / "book").glob("*.ipynb")):
        if page.suffix == ".ipynb":
            for index, cell in enumerate(_cells(page)):
                if cell["cell_type"] == "markdown":
                    findings += check_text(f"{page.name} 셀 {index}", _source(cell), chapters, None)
        else:
            findings += check_text(page.name, page.read_text(encoding="utf-8"), chapters, None)
    return findings


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "check":
        print(__doc__)
        return 2
    findings = check()
    for finding in findings:
        print(finding)
    print(f"상호 참조 검사: 문제 {len(findings)}개 / cross-reference check: {len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
