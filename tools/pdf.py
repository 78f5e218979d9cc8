"""책의 PDF 빌드 도구 — `make pdf`가 부른다.

    python tools/pdf.py build                     # 책 전체 → _build/latex/book.pdf
    python tools/pdf.py build --chapters ch01,ch11 --dest /tmp/part   # 안내 페이지 + 고른 장만 (검사용)

하는 일 / what it does:
1. tools/book.py와 같은 환경(`build_env()`: DLBOOK_STATIC=1 등)과 같은 실행 캐시(.jupyter_cache)로
   `jupyter-book build . --builder latex`를 경고를 오류로 하여(-W --keep-going) 실행해 _build/latex/book.tex를 만든다.
   HTML 빌드 뒤라면 노트북은 다시 실행되지 않는다.
2. 그 폴더에서 Sphinx가 만든 Makefile(`make all-pdf`, latexmk + xelatex)로 book.pdf를 만든다.
   한글은 나눔 글꼴(본문 명조, 제목 고딕, 코드 고딕코딩)이 맡고, 나눔 글꼴에 없는 글자(é, −, ᵀ …)는
   이 파일이 만드는 dlbookfallback.sty가 DejaVu로 찍는다 (_config.yml의 sphinx.config.latex_elements).
3. book.log에 "Missing character"(글꼴에 없는 글자라 빈칸으로 찍힌 글자)가 하나라도 있으면 실패한다.

필요한 Debian 패키지(texlive-xetex, texlive-fonts-recommended, latexmk, fonts-nanum, fonts-dejavu-core,
poppler-utils)는 `make pdf`와 `make test`가 `make tex`로 설치한다 (Makefile의 TEX_DEBS).

이 파일은 작은 Sphinx 확장이기도 하다 (_config.yml의 sphinx.local_extensions):
- dlbook의 plotly 그림(text/html + plotly JSON)은 LaTeX에서 그릴 수 없다. LaTeX 빌드에서만 그 출력을
  "웹 책에서 보라"는 한 줄 안내로 바꾼다. 다른 출력은 건드리지 않는다: LaTeX로 옮길 수 없는 출력이 새로
  생기면 myst-nb의 경고가 -W 빌드를 실패시킨다.
- LaTeX 빌드가 끝나면(build-finished) book.tex에 나오는 글자 중 나눔 글꼴에 없는 것을 골라 dlbookfallback.sty를 쓴다.
- Sphinx가 'ko'에 대해 늘 내는 "no Babel option" 경고 한 가지만 뺀다 (한글은 babel이 아니라 글꼴이 맡는다).
"""
from __future__ import annotations

import argparse
import logging
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import yaml

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))
import book  # noqa: E402  (tools/book.py: build_env, 실행 캐시 지문)

ROOT = book.ROOT
TARGET = "book"  # _config.yml의 latex.latex_documents.targetname (book.tex)
# XeTeX가 \tracinglostchars>0일 때 로그에 남기는 줄: "Missing character: There is no 한 (U+D55C) in font lmroman10-regular:…!"
# TeX는 로그를 79자에서 줄바꿈하므로(max_print_line) 글꼴 이름 뒤는 보지 않는다.
MISSING_CHAR = re.compile(r"^Missing character: There is no (.+?) \((U\+[0-9A-F]{4,6})\) in font ([^:/!\n]+)", re.MULTILINE)
PLOTLY_NOTE = (
    "[인터랙티브 그림] 이 자리의 plotly 그림{subject} 마우스와 슬라이더로 움직이는 그림이라 PDF에는 싣지 않았다. "
    "웹 책이나 노트북(JupyterLab, Colab)의 같은 자리에서 볼 수 있다."
)
PLOTLY_NOTE_MARK = "[인터랙티브 그림]"  # 테스트가 PDF 글자에서 찾는 머리말
REQUIRED_COMMANDS = ("xelatex", "latexmk", "make")

# 한글 글꼴(Debian fonts-nanum)과 그 글꼴에 없는 글자를 맡는 대신 글꼴(fonts-dejavu-core).
# 나눔 글꼴은 한글에는 충분하지만 라틴 확장 글자(é, ŷ), 유니코드 빼기(−), 위첨자 T(ᵀ), ⟨ ⟩ 같은 글자가 없다.
# XeTeX는 글꼴에 없는 글자를 다른 글꼴에서 빌려 오지 않으므로, Sphinx가 쓴 book.tex에 실제로 나오는 글자 중
# 나눔 글꼴에 없는 것만 골라 활성 글자로 만들어 DejaVu(본문 Serif, 제목 Sans, 코드 Sans Mono)에서 찍게 한다.
NANUM_DIR = Path("/usr/share/fonts/truetype/nanum")
NANUM_FILES = ("NanumMyeongjo.ttf", "NanumGothic.ttf", "NanumGothicCoding.ttf")  # _config.yml의 fontpkg와 같은 글꼴
DEJAVU_DIR = Path("/usr/share/fonts/truetype/dejavu")
DEJAVU_FILES = ("DejaVuSerif.ttf", "DejaVuSans.ttf", "DejaVuSansMono.ttf")
FALLBACK_STY = "dlbookfallback.sty"  # _config.yml의 preamble이 \usepackage{dlbookfallback}로 싣는다


class PdfError(Exception):
    """사람이 읽을 PDF 빌드 오류. 메시지가 다음에 할 일을 말한다."""


def _log(message: str) -> None:
    print(f"[pdf] {message}", flush=True)


def pdf_path(source: Path = ROOT) -> Path:
    return source / "_build" / "latex" / f"{TARGET}.pdf"


def missing_characters(log_text: str) -> list[str]:
    """xelatex 로그에서 글꼴에 없어 빠진 글자들 ("글자 (U+XXXX) in font 이름"), 중복 없이 나온 순서대로."""
    seen: dict[str, None] = {}
    for char, code, font in MISSING_CHAR.findall(log_text):
        seen.setdefault(f"{char} ({code}) in font {font}", None)
    return list(seen)


def _check_tools() -> None:
    missing = [name for name in REQUIRED_COMMANDS if shutil.which(name) is None]
    if missing:
        raise PdfError(
            f"{', '.join(missing)}이(가) 없다. `make pdf`가 TeX Live(Debian 패키지)를 설치한다 / "
            f"missing {', '.join(missing)}: run `make pdf`, which installs the Debian TeX packages"
        )


# ---------------------------------------------------------------------------------------------
# 일부만 담은 책 (검사용): 안내 페이지(book/*.md) + 고른 장
# ---------------------------------------------------------------------------------------------
def make_subbook(dest: Path, chapters: list[str]) -> Path:
    """`dest`에 책의 일부를 만든다: _config.yml 그대로, _toc.yml에서 고른 장과 markdown 안내 페이지만.

    실행 캐시(.jupyter_cache)와 tools/는 저장소의 것을 심볼릭 링크로 쓴다: 노트북 내용이 같으면
    (jupyter-cache는 경로가 아니라 내용으로 찾는다) 다시 실행하지 않는다.
    """
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    wanted = set(chapters)
    kept_files: list[str] = [toc["root"]]
    parts = []
    for part in toc["parts"]:
        entries = []
        for entry in part["chapters"]:
            name = entry["file"]
            is_chapter = name.startswith("chapters/")
            if (is_chapter and name.split("/")[1] in wanted) or (not is_chapter and (ROOT / f"{name}.md").exists()):
                entries.append(entry)
                kept_files.append(name)
        if entries:
            parts.append({**part, "chapters": entries})
    found = {name.split("/")[1] for name in kept_files if name.startswith("chapters/")}
    if found != wanted:
        raise PdfError(f"_toc.yml에 없는 장: {', '.join(sorted(wanted - found))} / chapters not in _toc.yml")
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "_config.yml", dest / "_config.yml")
    (dest / "_toc.yml").write_text(yaml.safe_dump({**toc, "parts": parts}, allow_unicode=True, sort_keys=False),
                                   encoding="utf-8")
    for name in kept_files:
        for src in ROOT.glob(f"{name}.*"):
            (dest / src.parent.relative_to(ROOT)).mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / src.relative_to(ROOT))
    # 뺀 노트북을 가리키는 안내 페이지의 링크("[회귀분석](../chapters/ch02/….ipynb)")는 글만 남긴다:
    # 일부만 담은 책에서는 그 링크가 갈 곳이 없어 Sphinx가 경고(myst.xref_missing)를 낸다.
    kept = {(ROOT / name).resolve() for name in kept_files}
    for page in dest.rglob("*.md"):
        if ".jupyter_cache" in page.parts or "tools" in page.parts or "_static" in page.parts:
            continue
        origin = ROOT / page.relative_to(dest)

        def unlink_missing(m: re.Match) -> str:
            target = (origin.parent / m.group(2)).resolve()
            return m.group(0) if target.with_suffix("") in kept else m.group(1)

        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r"\[([^\]]+)\]\(([^)#\s]+\.ipynb)(?:#[^)]*)?\)", unlink_missing, text), encoding="utf-8")
    for shared in ("tools", "_static", ".jupyter_cache"):
        (ROOT / shared).mkdir(exist_ok=True)
        (dest / shared).symlink_to(ROOT / shared, target_is_directory=True)
    return dest


# ---------------------------------------------------------------------------------------------
# 빌드
# ---------------------------------------------------------------------------------------------
def _latex_error_lines(log_text: str) -> str:
    """LaTeX 로그의 오류 줄("! ..."과 그 다음 두 줄)."""
    lines = log_text.splitlines()
    picked = []
    for i, line in enumerate(lines):
        if line.startswith("!") or re.match(r"^\S+:\d+: ", line):  # -file-line-error 형식
            picked.extend(lines[i:i + 3])
    return "\n".join(picked[:30])


def build(source: Path = ROOT) -> Path:
    """`source`의 책을 PDF로 만들고 그 경로를 돌려준다. 실패하면 PdfError."""
    _check_tools()
    start = time.monotonic()
    rebuild_all = book._invalidate_stale_cache()
    cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
           "build", str(source), "--builder", "latex", "--warningiserror", "--keep-going"]
    if rebuild_all:
        cmd.append("--all")
    _log(" ".join(["jupyter-book"] + cmd[3:]))
    result = subprocess.run(cmd, cwd=source, env=book.build_env())
    if result.returncode != 0:
        raise PdfError("LaTeX 원고를 만들지 못했다: 위의 Sphinx 경고/오류를 보라 / the Sphinx LaTeX build failed")
    book._record_fingerprint()
    sphinx_seconds = time.monotonic() - start

    latex_dir = source / "_build" / "latex"
    pdf, log = latex_dir / f"{TARGET}.pdf", latex_dir / f"{TARGET}.log"
    pdf.unlink(missing_ok=True)
    env = book.build_env()
    # nonstopmode: 입력을 기다리지 않는다. halt-on-error: 첫 LaTeX 오류에서 멈춘다 (latexmk도 실패로 끝난다).
    env["LATEXOPTS"] = "-interaction=nonstopmode -halt-on-error -file-line-error"
    env["max_print_line"] = "1000"  # 로그 줄을 79자에서 자르지 않는다 (kpathsea 변수)
    _log(f"make all-pdf (latexmk, xelatex) in {latex_dir} — 출력은 {TARGET}.latexmk.txt")
    with open(latex_dir / f"{TARGET}.latexmk.txt", "w", encoding="utf-8") as out:
        made = subprocess.run(["make", "all-pdf"], cwd=latex_dir, env=env, stdout=out, stderr=subprocess.STDOUT)
    log_text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
    if made.returncode != 0 or not pdf.exists():
        raise PdfError(
            f"xelatex가 실패했다 / xelatex failed. {log} 의 오류:\n{_latex_error_lines(log_text) or '(로그 없음)'}"
        )
    lost = missing_characters(log_text)
    if lost:
        shown = "\n  ".join(lost[:20])
        raise PdfError(
            f"글꼴에 없는 글자가 PDF에서 빠졌다: 글자·글꼴 {len(lost)}쌍 ({log}의 'Missing character' 줄). "
            f"_config.yml의 latex_elements 글꼴을 고치거나 본문의 글자를 바꿔라 / "
            f"characters missing from the fonts:\n  {shown}"
        )
    total = time.monotonic() - start
    _log(f"Sphinx {sphinx_seconds:.0f}초 + xelatex {total - sphinx_seconds:.0f}초")
    return pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/pdf.py", description="딥러닝 코스북 PDF / build the book as a PDF")
    sub = parser.add_subparsers(dest="command", required=True)
    build_parser = sub.add_parser("build", help="xelatex로 _build/latex/book.pdf를 만든다")
    build_parser.add_argument("--chapters", help="이 장들만 (쉼표로: ch01,ch11). --dest와 함께 쓴다")
    build_parser.add_argument("--dest", type=Path, help="--chapters의 책을 만들 폴더 (있으면 지우고 새로 만든다)")
    args = parser.parse_args(argv)
    start = time.monotonic()
    try:
        source = ROOT
        if args.chapters:
            if args.dest is None:
                parser.error("--chapters에는 --dest가 필요하다 / --chapters needs --dest")
            source = make_subbook(args.dest.resolve(), [c.strip() for c in args.chapters.split(",") if c.strip()])
        pdf = build(source)
    except PdfError as exc:
        print(f"오류 / error: {exc}", file=sys.stderr)
        return 1
    elapsed = time.monotonic() - start
    print(f"PDF 완료: {elapsed:.1f}초 → {pdf} / PDF built in {elapsed:.1f} s")
    return 0


# ---------------------------------------------------------------------------------------------
# Sphinx 확장 (_config.yml: sphinx.local_extensions: {pdf: tools/})
# ---------------------------------------------------------------------------------------------
def _is_plotly_bundle(node) -> bool:
    """dlbook.display.plotly_mimebundle이 만든 출력인가 (plotly JSON 또는 dlbook-plotly div가 든 text/html)."""
    for child in node.children:
        mime = child.get("mime_type", "")
        if mime == "application/vnd.plotly.v1+json":
            return True
        if mime == "text/html" and "dlbook-plotly" in child.astext():
            return True
    return False


def _setup_latex_transform(app) -> None:
    from docutils import nodes
    from sphinx.transforms.post_transforms import SphinxPostTransform

    class PlotlyNoteForLatex(SphinxPostTransform):
        """LaTeX 빌드에서 plotly 그림 출력을 한 줄 안내로 바꾼다 (myst-nb의 SelectMimeType보다 먼저)."""

        default_priority = 3  # myst_nb.sphinx_.SelectMimeType은 4
        formats = ("latex",)

        def run(self, **kwargs) -> None:
            # 한 셀이 그림 여러 개를 내면(옵티마이저 탐색기는 넷) 안내는 셀마다 한 번만: 셀 출력(부모)별로 모은다
            by_cell: dict[int, list] = {}
            for node in self.document.findall(nodes.container):
                if node.get("nb_element") == "mime_bundle" and _is_plotly_bundle(node):
                    by_cell.setdefault(id(node.parent), []).append(node)
            for bundles in by_cell.values():
                subject = f" {len(bundles)}개는" if len(bundles) > 1 else "은"
                note = nodes.paragraph()
                note += nodes.emphasis(text=PLOTLY_NOTE.format(subject=subject))
                note["classes"] = ["dlbook-plotly-note"]
                bundles[0].replace_self(note)
                for extra in bundles[1:]:
                    extra.parent.remove(extra)

    app.add_post_transform(PlotlyNoteForLatex)


class _NoKoreanBabelWarning(logging.Filter):
    """Sphinx의 LaTeX 빌더는 babel에 'ko' 옵션이 없다고 늘 경고한다 (babel/polyglossia를 끈 설정에서도).
    이 책의 한글은 babel이 아니라 글꼴이 맡으므로(_config.yml의 latex_elements) 그 한 경고만 뺀다.
    다른 경고는 그대로 -W 빌드를 실패시킨다."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not ("Babel" in str(record.msg) and record.args == ("ko",))


def _cmap(path: Path) -> set[int]:
    from fontTools.ttLib import TTFont  # matplotlib의 의존성이라 늘 설치되어 있다

    if not path.exists():
        raise PdfError(f"{path}가 없다: `make tex`가 글꼴 패키지를 설치한다 / font missing, run `make tex`")
    return set(TTFont(path).getBestCmap())


def fallback_characters(tex: str) -> list[str]:
    """book.tex의 글자 중 나눔 글꼴 셋 가운데 하나에라도 없고 DejaVu 셋에는 모두 있는 글자 (코드포인트 순)."""
    nanum = [_cmap(NANUM_DIR / name) for name in NANUM_FILES]
    dejavu = [_cmap(DEJAVU_DIR / name) for name in DEJAVU_FILES]
    used = {ord(c) for c in tex if ord(c) > 0x7F}
    return [chr(c) for c in sorted(used)
            if any(c not in cmap for cmap in nanum) and all(c in cmap for cmap in dejavu)]


def fallback_sty(chars: list[str]) -> str:
    """`chars`를 DejaVu에서 찍는 LaTeX 패키지 본문.

    글자마다 활성 글자(catcode 13)로 만들어 글꼴을 바꿔 찍는다. 정의는 문서 시작의 맨 끝(begindocument/end)에
    한다: unicode-math가 위첨자 글자(ˣ 등)에 문서 시작에서 주는 수식용 뜻을 덮어쓰되, 수식 안에서는 그 원래 뜻
    (없으면 그 글자의 수식 코드)을 그대로 쓴다. 찍는 명령은 \\protected라서 Sphinx 코드 블록의 줄바꿈 처리가
    활성 글자를 미리 펼쳐도 깨지지 않는다. \\lowercase 안에서 쓰므로 코드포인트는 10진수로 적는다.
    """
    lines = [
        "% tools/pdf.py가 만든 파일 — 고치지 말 것. 나눔 글꼴에 없는 글자를 DejaVu 글꼴로 찍는다.",
        r"\NeedsTeXFormat{LaTeX2e}",
        r"\ProvidesPackage{dlbookfallback}[2026/11/23 dlbook fallback glyphs]",
        r"\newfontfamily\dlbookfallbackrm{DejaVu Serif}",
        r"\newfontfamily\dlbookfallbacksf{DejaVu Sans}",
        r"\newfontfamily\dlbookfallbacktt{DejaVu Sans Mono}[Scale=0.9]",
        r"\protected\def\dlbookfallback@text#1{{\ifx\f@family\ttdefault\dlbookfallbacktt\else",
        r"  \ifx\f@family\sfdefault\dlbookfallbacksf\else\dlbookfallbackrm\fi\fi\symbol{#1}}}",
        r"\def\dlbookfallback@define#1{%",
        r"  \begingroup\lccode`\~=#1\relax\lowercase{\endgroup",
        r"    \expandafter\let\csname dlbookfallback@orig@\number#1\endcsname~%",
        r"    \expandafter\ifx\csname dlbookfallback@orig@\number#1\endcsname\relax",
        r"      \expandafter\def\csname dlbookfallback@orig@\number#1\endcsname{\Umathcharnum\Umathcodenum#1\relax}%",
        r"    \fi",
        r"    \protected\edef~{\noexpand\ifmmode\expandafter\noexpand\csname dlbookfallback@orig@\number#1\endcsname",
        r"      \noexpand\else\noexpand\dlbookfallback@text{#1}\noexpand\fi}}%",
        r"  \global\catcode#1=\active}",
        r"\AddToHook{begindocument/end}{%",
    ]
    lines += [f"  \\dlbookfallback@define{{{ord(c)}}}% {c} U+{ord(c):04X}" for c in chars]
    return "\n".join(lines + ["}", r"\endinput", ""])


def _write_fallback(app, exception) -> None:
    """LaTeX 빌드가 끝나면 출력 폴더의 .tex를 읽어 dlbookfallback.sty를 쓴다 (xelatex보다 먼저)."""
    if exception is not None or app.builder.format != "latex":
        return
    outdir = Path(app.outdir)
    tex = "".join(p.read_text(encoding="utf-8") for p in sorted(outdir.glob("*.tex")))
    (outdir / FALLBACK_STY).write_text(fallback_sty(fallback_characters(tex)), encoding="utf-8")


def setup(app):
    _setup_latex_transform(app)
    app.connect("build-finished", _write_fallback)
    # 빌더(init_babel)와 글쓴이(LaTeXTranslator)가 같은 경고를 낸다. sphinx.util.logging.getLogger(이름)이 쓰는 파이썬 로거:
    for name in ("sphinx.sphinx.builders.latex", "sphinx.sphinx.writers.latex"):
        logging.getLogger(name).addFilter(_NoKoreanBabelWarning())
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    sys.exit(main())
