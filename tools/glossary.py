"""용어 검사: 장들이 용어집(book/glossary.md)의 말을 쓰는가.

용어집이 책의 유일한 한-영 용어 목록이다. 이 도구는 장(solutions/chNN의 노트북)마다 다음을 찾는다.

- 쓰지 않는 말: 용어집의 "쓰지 않는 말" 표에 있는 잘못된 번역이나 흔들리는 표기 (예: "자동 차별화" → "자동 미분",
  "씨드" → "시드"); 본문(마크다운)과 코드 셀의 주석·문자열 어디든, 장이 아닌 쪽(book/*.md, 부록 노트북, README)도.
  낱말 중간은 보지 않는다 ("하이퍼파라미터" 안의 "파라미터"는 잡지 않는다). "기울기"처럼 한 말이 두 개념에 쓰이던
  경우는 허용하는 문맥을 `CONTEXT_OK`에 둔다: 같은 문장에 "직선", "곡선" 같은 말이 있으면 기울기(slope)다.
- 영어 제목: 절 제목에 남은 영어 낱말 ("Supervised Learning", "Cross entropy"): 두 낱말 이상 이어진 영어나
  용어집에 한국어 용어가 있는 영어는 한국어로 쓴다. 괄호 안의 영어, 코드, 이름(`NAMES`)은 괜찮다.
- 어긋난 용어: 장 끝 용어 표의 한-영 쌍이 용어집과 다른 경우 (용어집은 activation function을 "활성화 함수"라
  하는데 장은 "활성 함수"라고 쓴 경우).
- 빠진 용어: 장의 용어 표에 있지만 용어집에 없는 용어 (용어집에 더해야 한다).
- 용어집 링크가 없는 장.

사용법 / usage::

    python tools/glossary.py check [chNN ...]    # 문제가 있으면 목록을 출력하고 1로 끝난다
"""
from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "book" / "glossary.md"
AVOID_HEADING = "## 쓰지 않는 말"
TERMS_HEADING = re.compile(r"^##\s+(이 장의 )?용어\s*$", re.M)
GLOSSARY_LINK = re.compile(r"\]\((\.\./)*book/glossary(\.md)?(#[^)]*)?\)")


@dataclass(frozen=True)
class Finding:
    where: str
    kind: str      # avoid | english-heading | inconsistent | missing | no-link
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@dataclass
class Glossary:
    by_english: dict[str, set[str]]     # 영어(소문자) → 한국어 표기들
    korean: set[str]                    # 용어집의 모든 한국어 표기
    avoid: list[tuple[str, str, str]]   # (쓰지 않는 말, 대신 쓰는 말, 까닭)


def _rows(markdown: str) -> list[list[str]]:
    """마크다운 표의 본문 행들 (머리 행과 구분 행은 뺀다)."""
    rows, header_seen = [], False
    for line in markdown.splitlines():
        line = line.strip()
        if not (line.startswith("|") and line.endswith("|")):
            header_seen = False
            continue
        cells = [c.strip() for c in line[1:-1].split("|")]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
            header_seen = True
            continue
        if header_seen:
            rows.append(cells)
    return rows


def _aliases(term: str, *, english: bool) -> set[str]:
    """"랭크(차원 수)" → {"랭크", "차원 수"}, "root mean squared error (RMSE)" → {…, "rmse"}."""
    term = term.replace("`", "").strip()
    parts = {re.sub(r"\s*\(.*?\)\s*", " ", term).strip()}
    parts |= {p.strip() for p in re.findall(r"\((.*?)\)", term)}
    parts = {re.sub(r"\s+", " ", p) for p in parts if p}
    return {p.lower() for p in parts} if english else parts


def _pairs(korean: str, english: str) -> list[tuple[str, str]]:
    """"랭크, 모양 | rank, shape" 처럼 쉼표로 여러 용어를 한 행에 쓴 경우를 짝짓는다."""
    ko = [k.strip() for k in re.split(r",\s*(?![^()]*\))", korean) if k.strip()]
    en = [e.strip() for e in re.split(r",\s*(?![^()]*\))", english) if e.strip()]
    if len(ko) == len(en):
        return list(zip(ko, en))
    return [(korean, english)]


def load(path: Path = GLOSSARY) -> Glossary:
    text = path.read_text(encoding="utf-8")
    terms_part, _, avoid_part = text.partition(AVOID_HEADING)
    by_english: dict[str, set[str]] = {}
    korean: set[str] = set()
    for row in _rows(terms_part):
        if len(row) < 2:
            continue
        for ko, en in _pairs(row[0], row[1]):
            ko_names = _aliases(ko, english=False)
            korean |= ko_names
            for name in _aliases(en, english=True):
                by_english.setdefault(name, set()).update(ko_names)
    avoid = [(row[0].strip("` "), row[1].strip("` "), row[2] if len(row) > 2 else "")
             for row in _rows(avoid_part) if row and row[0]]
    return Glossary(by_english, korean, avoid)


# 한 말이 두 개념에 쓰이던 것: 같은 문장(또는 줄)에 이 문맥이 있으면 허용한다.
CONTEXT_OK = {
    "기울기": re.compile(r"직선|접선|곡선|절편|기울어|그래프|slope", re.I),  # 기울기 = slope, 그래디언트 = gradient
}
# 제목에 영어로 두어도 되는 이름: 라이브러리, 클래스, 데이터 세트, 번역하지 않는 옵티마이저 이름
NAMES = {
    "tensorflow", "keras", "numpy", "pytorch", "scipy", "pandas", "scikit-learn", "jupyterlab", "colab", "conda",
    "autograph", "sequential", "dense", "simplernn", "lstm", "gru", "movielens", "surprise", "iris", "mnist",
    "adam", "adagrad", "rmsprop", "adadelta", "nag", "gymnasium", "quadratic", "many-to-one", "many-to-many",
    "cd-k", "k-means++", "tanh", "relu", "softmax", "make", "github", "nvidia", "linux", "wsl",
}
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z+\-]*(?:[ ]+[A-Za-z][A-Za-z+\-]*)*")


def _avoid_regex(wrong: str) -> re.Pattern:
    """낱말의 처음에서만 잡는다: "하이퍼파라미터"의 "파라미터"는 아니다."""
    return re.compile(r"(?<![가-힣A-Za-z])" + re.escape(wrong))


def _sentences(line: str) -> list[str]:
    return re.split(r"(?<=[.?!])\s+", line)


def avoid_findings(where: str, text: str, glossary: Glossary) -> list[Finding]:
    findings = []
    patterns = [(_avoid_regex(w), w, r, why) for w, r, why in glossary.avoid]
    for lineno, line in enumerate(text.splitlines(), 1):
        for pattern, wrong, right, why in patterns:
            for sentence in _sentences(line):
                if not pattern.search(sentence):
                    continue
                context = CONTEXT_OK.get(wrong)
                if context and context.search(sentence):
                    continue
                findings.append(Finding(
                    f"{where} 줄 {lineno}", "avoid",
                    f"'{wrong}' 대신 '{right}'을(를) 쓴다{f' ({why})' if why else ''} "
                    f"/ use '{right}' instead of '{wrong}'"))
                break
    return findings


def heading_findings(where: str, text: str, glossary: Glossary) -> list[Finding]:
    """제목에 남은 영어: 두 낱말 이상 이어진 영어, 또는 용어집에 한국어가 있는 영어 낱말."""
    findings = []
    text = re.sub(r"```.*?```", "", text, flags=re.S)
    for lineno, line in enumerate(text.splitlines(), 1):
        if not re.match(r"#{1,6}\s", line):
            continue
        bare = re.sub(r"\([^)]*\)|`[^`]*`|\$[^$]*\$|\[[^\]]*\]\([^)]*\)", " ", line.lstrip("#"))
        for run in ENGLISH_RUN.findall(bare):
            # 이름과 약어(CNN, RMSE, BPTT처럼 대문자만)는 영어로 둔다
            words = [w for w in run.split() if w.lower() not in NAMES and not re.fullmatch(r"[A-Z][A-Z0-9+\-]+", w)]
            glossary_term = run.lower() in glossary.by_english or any(w.lower() in glossary.by_english for w in words)
            if (len(words) >= 2 or glossary_term) and words:
                findings.append(Finding(
                    f"{where} 줄 {lineno}", "english-heading",
                    f"제목의 영어 '{run}'을(를) 한국어로 쓴다 (영어는 괄호 안에) / translate the English heading words: "
                    f"{line.strip()}"))
    return findings


def _cells(notebook: Path) -> list[tuple[int, str, str]]:
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    return [(i, c["cell_type"], "".join(c["source"]) if isinstance(c["source"], list) else c["source"])
            for i, c in enumerate(nb["cells"])]


def check_notebook(notebook: Path, glossary: Glossary) -> list[Finding]:
    findings = []
    name = notebook.name
    cells = _cells(notebook)
    for i, kind, source in cells:
        findings += avoid_findings(f"{name} 셀 {i}", source, glossary)
        if kind == "markdown":
            findings += heading_findings(f"{name} 셀 {i}", source, glossary)
    markdown = "\n\n".join(s for _, kind, s in cells if kind == "markdown")
    match = TERMS_HEADING.search(markdown)
    if match:
        section = markdown[match.end():]
        nxt = re.search(r"^##\s", section, re.M)
        section = section[:nxt.start()] if nxt else section
        for row in _rows(section):
            if len(row) < 2:
                continue
            for ko, en in _pairs(row[0], row[1]):
                ko_names = _aliases(ko, english=False)
                known = set().union(*(glossary.by_english.get(e, set()) for e in _aliases(en, english=True)))
                if known and not ko_names & known:
                    findings.append(Finding(
                        f"{name} 용어 표", "inconsistent",
                        f"'{en}'을(를) 용어집은 '{' / '.join(sorted(known))}'(이)라 하는데 이 장은 '{ko}'(이)라 쓴다 "
                        f"/ glossary translates '{en}' differently"))
                elif not known and not ko_names & glossary.korean:
                    findings.append(Finding(
                        f"{name} 용어 표", "missing",
                        f"'{ko}' ({en})이(가) 용어집에 없다: book/glossary.md에 더한다 / not in the glossary"))
    else:
        findings.append(Finding(name, "missing", "'## 용어' 절이 없다 / no terms section"))
    if not GLOSSARY_LINK.search(markdown):
        findings.append(Finding(name, "no-link", "용어집(book/glossary.md)으로 가는 링크가 없다 / no link to the glossary"))
    return findings


def check_chapters(chapters: list[str] | None = None, root: Path = ROOT) -> list[Finding]:
    glossary = load(root / "book" / "glossary.md")
    folders = sorted(p for p in (root / "solutions").iterdir() if p.is_dir() and re.fullmatch(r"ch\d\d", p.name))
    findings = []
    for folder in folders:
        if chapters and folder.name not in chapters:
            continue
        for notebook in sorted(folder.glob("*.ipynb")):
            findings += check_notebook(notebook, glossary)
    return findings


def check_pages(root: Path = ROOT) -> list[Finding]:
    """장이 아닌 쪽: book/*.md(용어집 자체는 빼고), book/*.ipynb, README.md. 쓰지 않는 말과 영어 제목만 본다."""
    glossary = load(root / "book" / "glossary.md")
    findings = []
    pages = sorted((root / "book").glob("*.md")) + sorted((root / "book").glob("*.ipynb")) + [root / "README.md"]
    for page in pages:
        if page.name == "glossary.md" or not page.exists():
            continue
        if page.suffix == ".ipynb":
            for i, kind, source in _cells(page):
                findings += avoid_findings(f"{page.name} 셀 {i}", source, glossary)
                if kind == "markdown":
                    findings += heading_findings(f"{page.name} 셀 {i}", source, glossary)
        else:
            text = page.read_text(encoding="utf-8")
            findings += avoid_findings(page.name, text, glossary)
            if page.name != "README.md":  # README는 끝에 영어 요약(## English summary)을 일부러 둔다
                findings += heading_findings(page.name, text, glossary)
    return findings


def main(argv: list[str]) -> int:
    if not argv or argv[0] != "check":
        print(__doc__)
        return 2
    findings = check_chapters(argv[1:] or None) + ([] if argv[1:] else check_pages())
    for finding in findings:
        print(finding)
    print(f"용어 검사: 문제 {len(findings)}개 / glossary check: {len(findings)} finding(s)")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
