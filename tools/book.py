"""책(Jupyter Book v1) 빌드 도구 — `make book`이 부른다.

    python tools/book.py build [--edition student|instructor]

하는 일 / what it does:
1. 오프라인 자산을 `_static/vendor/`에 준비한다 (git-ignored, 없으면 다시 만든다):
   MathJax 3 (npm, 버전 고정), plotly.min.js (설치된 plotly 패키지), 나눔고딕
   (koreanize-matplotlib 패키지의 TTF를 브라우저가 받아들이는 WOFF로 바꾼 것)과 그 @font-face CSS.
2. 노트북 커널이 물려받을 환경 변수를 정한다: DLBOOK_STATIC=1 (dlbook 위젯이 정적 plotly 그림을 낸다),
   TF_CPP_MIN_LOG_LEVEL=3, PYTHONHASHSEED=0, PYTHONPATH에 저장소 루트.
3. Jupyter Book(`jupyter_book.sphinx.build_sphinx`, `jupyter-book build .`과 같은 설정)을 경고를 오류로 하여
   (-W --keep-going) 실행하고, 노트북 셀이 실패하면 0이 아닌 종료 코드로 끝난다. 걸린 시간을 출력한다.
   판(edition)마다 출력 폴더가 따로다: 학생용 `_build/html`, 강사용 `_build/instructor/html`.
   두 판은 같은 실행 캐시를 쓰므로 강사용 판은 노트북을 다시 실행하지 않는다.

이 파일은 작은 Sphinx 확장이기도 하다 (_config.yml의 sphinx.local_extensions):
- Jupyter Book은 `_static/` 아래의 모든 .js를 모든 페이지에 넣는데, MathJax는 Sphinx가
  `mathjax_path`로 한 번만(defer) 실어야 하므로 `vendor/mathjax/` 파일들을 그 목록에서 뺀다.
- `raises-exception` 태그 셀(풀지 않은 연습문제의 테스트)의 트레이스백을 한 줄 안내로 바꾼다.
- sphinx-thebe가 모든 페이지에 넣는 unpkg.com 주소와 스크립트를 뺀다 (thebe는 쓰지 않는다).
- 연습문제(nbgrader 답안 셀이 있는 절)를 블록으로 표시하고, 강사용 판이면 답안 셀 뒤에 solutions/의 풀이를
  접힌 블록(<details>)으로 넣는다 (grade_id로 맞춘다).
- 장 페이지에 실행 버튼(로컬 JupyterLab, 그리고 _config.yml의 repository.url이 있으면 Colab·Binder)을 단다.
"""
from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

from docutils import nodes

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "_static" / "vendor"
NPM_PREFIX = ROOT / ".cache" / "npm"
JUPYTER_CACHE = ROOT / ".jupyter_cache"  # _config.yml의 execute.cache와 같은 곳
FINGERPRINT = JUPYTER_CACHE / "dlbook-fingerprint.txt"

MATHJAX_VERSION = "3.2.2"
# npm 레지스트리가 밝힌 mathjax-3.2.2.tgz의 무결성 값: 받은 패키지가 이것과 다르면 쓰지 않는다.
MATHJAX_INTEGRITY = (
    "sha512-Bt+SSVU8eBG27zChVewOicYs7Xsdt40qm4+UpHyX7k0/O9NliPc+x77k1/FEsPsjKPZGJvtRZM1vO+geW0OhGw=="
)
# tex-svg-full.js 하나로 수식이 조판된다 (SVG 출력이라 글꼴 파일이 필요 없다).
# 나머지 폴더는 MathJax 메뉴(접근성 탐색기, 음성)가 필요할 때 같은 경로에서 읽는 구성 요소다.
MATHJAX_FILES = ["tex-svg-full.js"]
MATHJAX_DIRS = ["a11y", "sre", "ui"]
MATHJAX_PREFIX = "vendor/mathjax/"

# koreanize-matplotlib에 든 나눔고딕 TTF → 웹 글꼴(WOFF). 굵기 400과 700.
FONT_FILES = {"NanumGothic.ttf": 400, "NanumGothicBold.ttf": 700}
# 이 TTF에는 글꼴 편집기(VTT)의 작업용 표 TSI0–TSI5가 남아 있고 TSI3은 길이가 0이다. Chrome의 글꼴 검사기(OTS)는
# 이런 글꼴을 "OTS parsing error: TSI3: zero-length table"로 거부하므로 그대로 복사하면 웹 글꼴이 쓰이지 않는다.
# 화면 표시에 쓰이지 않는 이 표들을 빼고, zlib으로 압축한 WOFF로 저장한다 (4.7 MB → 2.4 MB).
FONT_DROP_TABLES = ("TSI0", "TSI1", "TSI2", "TSI3", "TSI5")
# 웹 글꼴의 이름은 시스템 글꼴과 겹치지 않게 따로 짓는다: 시스템의 NanumGothic이 실패를 가리지 않도록.
FONT_FAMILY = "DLBook Hangul Gothic"  # CSS 이름이자 글꼴 안의 이름 (_rename_font)
FONT_FAMILY_HANGUL = "DLBook Hangul"  # 코드 블록과 plotly 글자에서 한글 글자만 맡는다
# 한글 자모, CJK 기호, 호환 자모, 확장 자모, 음절, 전각 문자.
HANGUL_RANGES = "U+1100-11FF, U+3000-303F, U+3130-318F, U+A960-A97F, U+AC00-D7AF, U+D7B0-D7FF, U+FF00-FFEF"


class BookError(Exception):
    """사람이 읽을 빌드 오류. 메시지가 다음에 할 일을 말한다."""


def _log(message: str) -> None:
    print(f"[book] {message}", flush=True)


# ---------------------------------------------------------------------------------------------
# 1. 오프라인 자산
# ---------------------------------------------------------------------------------------------
def _copy_if_changed(src: Path, dst: Path) -> None:
    if dst.exists() and filecmp.cmp(src, dst, shallow=False):
        return
    dst.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(src, dst)


def _npm_mathjax() -> Path:
    """npm으로 mathjax@MATHJAX_VERSION을 .cache/npm에 받고, 무결성을 확인한 뒤 es5 폴더를 돌려준다."""
    package_dir = NPM_PREFIX / "node_modules" / "mathjax"
    lock = NPM_PREFIX / "package-lock.json"

    def installed_ok() -> bool:
        try:
            version = json.loads((package_dir / "package.json").read_text())["version"]
            entry = json.loads(lock.read_text())["packages"]["node_modules/mathjax"]
        except (OSError, KeyError, ValueError):
            return False
        return version == MATHJAX_VERSION and entry.get("integrity") == MATHJAX_INTEGRITY

    if not installed_ok():
        npm = shutil.which("npm")
        if npm is None:
            raise BookError(
                "npm이 없어 MathJax를 준비할 수 없다. Node.js(npm 포함)를 설치하라 / "
                "npm not found: install Node.js to vendor MathJax"
            )
        _log(f"npm install mathjax@{MATHJAX_VERSION} → {NPM_PREFIX.relative_to(ROOT)}")
        NPM_PREFIX.mkdir(parents=True, exist_ok=True)
        cmd = [npm, "install", "--prefix", str(NPM_PREFIX), "--no-audit", "--no-fund",
               "--save-exact", f"mathjax@{MATHJAX_VERSION}"]
        result = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            raise BookError(
                f"npm install이 실패했다 (npm 레지스트리에 접속할 수 있는지 확인하라) / npm install failed:\n"
                f"{result.stderr.strip()}"
            )
        if not installed_ok():
            raise BookError(
                f"받은 mathjax의 버전이나 무결성 값이 {MATHJAX_VERSION} / {MATHJAX_INTEGRITY[:20]}…과 다르다. "
                f"{NPM_PREFIX.relative_to(ROOT)}를 지우고 다시 실행하라 / integrity mismatch"
            )
    return package_dir / "es5"


def _prepare_mathjax() -> None:
    target = VENDOR / "mathjax"
    stamp = target / ".version"
    if stamp.exists() and stamp.read_text().strip() == MATHJAX_VERSION and all(
        (target / name).exists() for name in MATHJAX_FILES + MATHJAX_DIRS
    ):
        return
    es5 = _npm_mathjax()
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for name in MATHJAX_FILES:
        shutil.copy2(es5 / name, target / name)
    for name in MATHJAX_DIRS:
        shutil.copytree(es5 / name, target / name)
    stamp.write_text(MATHJAX_VERSION + "\n")
    _log(f"MathJax {MATHJAX_VERSION} → {target.relative_to(ROOT)}")


def _prepare_plotly() -> None:
    try:
        import plotly
    except ImportError as exc:
        raise BookError("plotly가 설치되어 있지 않다. `make setup`을 실행하라 / run `make setup`") from exc
    src = Path(plotly.__file__).parent / "package_data" / "plotly.min.js"
    if not src.exists():
        raise BookError(f"{src}가 없다: plotly 패키지를 다시 설치하라 / reinstall plotly")
    _copy_if_changed(src, VENDOR / "plotly.min.js")


def _woff_name(ttf_name: str) -> str:
    return ttf_name.replace(".ttf", ".woff")


def _font_css() -> str:
    """@font-face 규칙: 본문용(FONT_FAMILY)과 한글만 맡는 것(FONT_FAMILY_HANGUL, unicode-range)."""
    rules = [f"/* tools/book.py가 만든 파일 — 고치지 말 것. {FONT_FAMILY}: {FONT_LICENSE} {FONT_LICENSE_URL} */"]
    for family, extra in ((FONT_FAMILY, ""), (FONT_FAMILY_HANGUL, f"\n  unicode-range: {HANGUL_RANGES};")):
        for filename, weight in FONT_FILES.items():
            rules.append(
                "@font-face {\n"
                f'  font-family: "{family}";\n'
                f'  src: url("{_woff_name(filename)}") format("woff");\n'
                f"  font-weight: {weight};\n"
                "  font-style: normal;\n"
                f"  font-display: swap;{extra}\n"
                "}"
            )
    return "\n".join(rules) + "\n"


# 표를 뺀 글꼴은 OFL이 말하는 "수정본(Modified Version)"이므로 예약된 글꼴 이름(Nanum…)을 쓰지 않는다:
# 글꼴 안의 이름을 FONT_FAMILY로 바꾸고, 출처와 라이선스(SIL OFL 1.1)를 이름 표의 라이선스 칸(13, 14번)에 적는다.
FONT_LICENSE = ("Modified from NanumGothic (c) NHN Corporation / NAVER, under the SIL Open Font License 1.1: "
                "the VTT source tables were removed and the font renamed for use as a web font.")
FONT_LICENSE_URL = "https://openfontlicense.org"


def _rename_font(font) -> None:
    """이름 표에서 NanumGothic/나눔고딕을 FONT_FAMILY로 바꾸고 라이선스 칸을 채운다."""
    postscript = FONT_FAMILY.replace(" ", "")
    for record in font["name"].names:
        new_name = postscript if record.nameID in (3, 6) else FONT_FAMILY  # 고유 id, PostScript 이름: 빈칸 없이
        if record.nameID in (1, 3, 4, 6, 16, 17, 18):
            record.string = record.toUnicode().replace("NanumGothic", new_name).replace("나눔고딕", new_name)
    for platform, encoding, language in ((3, 1, 0x409), (1, 0, 0)):
        for name_id, text in ((13, FONT_LICENSE), (14, FONT_LICENSE_URL)):
            font["name"].setName(text, name_id, platform, encoding, language)


def _prepare_font() -> None:
    try:
        import koreanize_matplotlib
    except ImportError as exc:
        raise BookError(
            "koreanize-matplotlib가 없어 한글 글꼴을 준비할 수 없다. `make setup`을 실행하라 / run `make setup`"
        ) from exc
    from fontTools.ttLib import TTFont  # matplotlib의 의존성이라 늘 설치되어 있다

    package_dir = Path(koreanize_matplotlib.__file__).parent
    for filename in FONT_FILES:
        found = sorted(package_dir.rglob(filename))
        if not found:
            raise BookError(f"{package_dir}에서 {filename}을 찾지 못했다 / font file not found")
        source = found[0]
        target = VENDOR / _woff_name(filename)
        stamp = VENDOR / f".{target.name}.source"
        source_hash = hashlib.sha256(source.read_bytes() + (FONT_FAMILY + FONT_LICENSE).encode()).hexdigest()
        if target.exists() and stamp.exists() and stamp.read_text().strip() == source_hash:
            continue
        font = TTFont(source)
        for table in FONT_DROP_TABLES:
            if table in font:
                del font[table]
        _rename_font(font)
        font.flavor = "woff"
        font.save(target)
        stamp.write_text(source_hash + "\n")
        _log(f"{source.name} → {target.relative_to(ROOT)} ({target.stat().st_size / 1e6:.1f} MB)")
    css = VENDOR / "nanumgothic.css"
    text = _font_css()
    if not css.exists() or css.read_text(encoding="utf-8") != text:
        css.write_text(text, encoding="utf-8")


def prepare_assets() -> None:
    """책이 CDN 없이 보이는 데 필요한 제3자 파일을 _static/vendor/에 둔다 (있으면 건드리지 않는다)."""
    VENDOR.mkdir(parents=True, exist_ok=True)
    _prepare_mathjax()
    _prepare_plotly()
    _prepare_font()


# ---------------------------------------------------------------------------------------------
# 2. 실행 캐시가 낡지 않게: dlbook 코드가 바뀌면 노트북을 다시 실행한다
# ---------------------------------------------------------------------------------------------
def _code_fingerprint() -> str:
    """노트북 출력에 영향을 주는 저장소 코드(dlbook/, 의존성 고정)의 해시.

    jupyter-cache는 노트북의 코드 셀만 보고 캐시를 쓰므로, 라이브러리가 바뀌어도 옛 출력이 남는다.
    """
    digest = hashlib.sha256()
    files = sorted((ROOT / "dlbook").rglob("*.py")) + [ROOT / "requirements.txt"]
    for path in files:
        if path.exists():
            digest.update(path.relative_to(ROOT).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def _invalidate_stale_cache() -> bool:
    """지문이 바뀌었으면 실행 캐시를 지우고 True(모든 페이지 다시 읽기)를 돌려준다."""
    current = _code_fingerprint()
    previous = FINGERPRINT.read_text().strip() if FINGERPRINT.exists() else None
    if previous == current:
        return False
    if JUPYTER_CACHE.exists():
        _log("dlbook 또는 requirements.txt가 바뀌었다: 실행 캐시를 지우고 노트북을 다시 실행한다")
        shutil.rmtree(JUPYTER_CACHE)
    return True


def _record_fingerprint() -> None:
    JUPYTER_CACHE.mkdir(parents=True, exist_ok=True)
    FINGERPRINT.write_text(_code_fingerprint() + "\n")


# ---------------------------------------------------------------------------------------------
# 3. 빌드
# ---------------------------------------------------------------------------------------------
def build_env() -> dict[str, str]:
    """jupyter-book과 노트북 커널이 물려받을 환경."""
    env = dict(os.environ)
    env["DLBOOK_STATIC"] = "1"           # 위젯 대신 정적 plotly 그림 (ipywidget 상태 없음)
    env["TF_CPP_MIN_LOG_LEVEL"] = "3"    # TensorFlow C++ 로그(oneDNN, absl) 끄기
    env["PYTHONHASHSEED"] = "0"          # 같은 기계에서 같은 출력
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    return env


EDITIONS = ("student", "instructor")


def output_dir(edition: str) -> Path:
    """판마다 따로인 HTML 폴더: 학생용은 Jupyter Book의 기본 위치, 강사용은 그 옆의 다른 폴더.

    두 판은 doctree(.doctrees)도 따로 가지므로 서로의 결과를 덮거나 섞지 않는다.
    노트북 실행 캐시(.jupyter_cache)는 함께 쓴다: 강사용 판은 노트북을 다시 실행하지 않는다.
    """
    if edition not in EDITIONS:
        raise BookError(f"판은 {EDITIONS} 중 하나여야 한다 / edition must be one of {EDITIONS}: {edition!r}")
    return ROOT / "_build" / "html" if edition == "student" else ROOT / "_build" / edition / "html"


def _edition_stamp(edition: str) -> Path:
    return output_dir(edition).parent / ".doctrees" / "dlbook-fingerprint.txt"


def run_sphinx(edition: str, force_all: bool) -> int:
    """`jupyter-book build`과 같은 설정으로 Sphinx를 부르되, 출력 폴더와 판(dlbook_edition)을 정한다.

    jupyter-book CLI는 출력 위치를 `<path-output>/_build/html`로만 정하고 Sphinx 설정을 덮어쓸 수 없어서
    CLI가 하는 일(설정 파일, 목차 경로)을 그대로 하여 jupyter_book.sphinx.build_sphinx를 직접 부른다.
    """
    from jupyter_book.sphinx import build_sphinx

    overrides = {
        "external_toc_path": (ROOT / "_toc.yml").as_posix(),
        "latex_individualpages": False,
        "dlbook_edition": edition,
    }
    result = build_sphinx(ROOT, output_dir(edition), use_external_toc=True, noconfig=True,
                          path_config=str(ROOT / "_config.yml"), confoverrides=overrides, builder="html",
                          warningiserror=True, keep_going=True, force_all=force_all)
    if isinstance(result, Exception):
        return 1
    return int(result or 0)


def build(edition: str) -> int:
    start = time.monotonic()
    outdir = output_dir(edition)
    prepare_assets()
    rebuild_all = _invalidate_stale_cache()
    stamp = _edition_stamp(edition)
    if not stamp.exists() or stamp.read_text().strip() != _code_fingerprint():
        rebuild_all = True  # 다른 판이 캐시를 새로 만든 뒤라도 이 판의 doctree는 옛 출력일 수 있다
    cmd = [sys.executable, str(Path(__file__).resolve()), "sphinx", "--edition", edition]
    if rebuild_all:
        # Sphinx의 --all은 모든 페이지를 다시 *쓰지만* 원본은 바뀐 것만 다시 읽는다. 그러면 캐시를 지운 뒤 바뀌지 않은
        # 노트북은 다시 실행되지 않아 옛 출력이 남고 캐시도 비어 있게 된다. 이 판의 환경(doctree)을 지워 모두 다시 읽게 한다.
        shutil.rmtree(stamp.parent, ignore_errors=True)
        cmd.append("--all")
    _log(f"Sphinx ({edition}) → {outdir.relative_to(ROOT)}" + (" (모든 페이지)" if rebuild_all else ""))
    result = subprocess.run(cmd, cwd=ROOT, env=build_env())
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        print(f"책 빌드 실패 ({elapsed:.1f}초). 위의 경고/오류와 {outdir.relative_to(ROOT)}/reports/를 보라 / "
              f"book build failed after {elapsed:.1f} s", file=sys.stderr)
        return result.returncode
    _record_fingerprint()
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(_code_fingerprint() + "\n")
    print(f"책 빌드 완료 ({edition}): {elapsed:.1f}초 → {(outdir / 'index.html').relative_to(ROOT)} / "
          f"book built in {elapsed:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/book.py", description="딥러닝 코스북 빌드 / build the book")
    sub = parser.add_subparsers(dest="command", required=True)
    build_parser = sub.add_parser("build", help="노트북을 실행해 책 HTML을 만든다")
    build_parser.add_argument("--edition", choices=EDITIONS, default="student",
                              help="student(기본): _build/html, 답 없음 / "
                                   "instructor: _build/instructor/html, 연습문제마다 접힌 풀이")
    sphinx_parser = sub.add_parser("sphinx", help="(build가 부르는 내부 단계) 환경을 정한 프로세스에서 Sphinx 실행")
    sphinx_parser.add_argument("--edition", choices=EDITIONS, default="student")
    sphinx_parser.add_argument("--all", action="store_true")
    sub.add_parser("assets", help="_static/vendor/의 오프라인 자산만 준비한다")
    args = parser.parse_args(argv)
    try:
        if args.command == "assets":
            prepare_assets()
            return 0
        if args.command == "sphinx":
            return run_sphinx(args.edition, args.all)
        return build(args.edition)
    except BookError as exc:
        print(f"오류 / error: {exc}", file=sys.stderr)
        return 1


# ---------------------------------------------------------------------------------------------
# Sphinx 확장 (_config.yml: sphinx.local_extensions: {book: tools/})
# ---------------------------------------------------------------------------------------------
def _drop_vendored_mathjax(app, config) -> None:
    """Jupyter Book이 _static/ 검색으로 넣은 vendor/mathjax/*.js를 빼고 나머지 중복도 없앤다."""
    kept, seen = [], set()
    for entry in config.html_js_files:
        filename = entry[0] if isinstance(entry, (tuple, list)) else entry
        if filename.startswith(MATHJAX_PREFIX) or filename in seen:
            continue
        seen.add(filename)
        kept.append(entry)
    config.html_js_files = kept


EXERCISE_NOTE = (
    "이 테스트 셀은 연습문제를 풀기 전에는 오류를 낸다. "
    "JupyterLab이나 Colab에서 노트북을 열어 답을 채운 뒤 실행해 확인하라."
)


def _hide_exercise_tracebacks(app, doctree) -> None:
    """raises-exception 태그 셀(풀지 않은 연습문제의 테스트)의 오류 출력을 짧은 안내로 바꾼다.

    책은 풀지 않은 학생용 노트북을 실행하므로 이 셀들은 당연히 실패한다. 트레이스백 대신 할 일을 보인다.
    다른 셀의 오류는 execute.raise_on_error 때문에 빌드가 실패하므로 여기까지 오지 않는다.
    """
    from docutils import nodes

    for cell in list(doctree.findall(nodes.container)):
        if "tag_raises-exception" not in cell.get("classes", []):
            continue
        for block in list(cell.findall(nodes.literal_block)):
            if "traceback" in block.get("classes", []):
                note = nodes.paragraph(text=EXERCISE_NOTE)
                block.replace_self(note)
                note["classes"] = ["dlbook-exercise-note"]  # replace_self가 옮겨 준 "traceback" 클래스를 지운다


def _drop_thebe_assets(app, pagename, templatename, context, doctree) -> None:
    """sphinx-thebe(Jupyter Book 기본 확장)는 thebe를 쓰지 않아도 모든 페이지에 unpkg.com 주소와
    스크립트를 싣는다. 라이브 코드 실행은 이 책에서 쓰지 않으므로(원격 커널이 필요) 빼서 CDN 흔적을 없앤다."""

    def is_thebe(asset) -> bool:
        filename = getattr(asset, "filename", "") or ""
        body = getattr(asset, "attributes", {}).get("body", "") or ""
        return "sphinx-thebe" in filename or "THEBE_JS_URL" in body

    for key in ("script_files", "css_files"):
        if key in context:
            context[key] = [asset for asset in context[key] if not is_thebe(asset)]


# --- 연습문제 블록과 강사용 풀이 ------------------------------------------------------------------
# 학생은 같은 노트북을 JupyterLab에서 열므로 노트북 마크다운을 MyST 지시문으로 바꾸지 않는다 (JupyterLab에서는 날글로 보인다).
# 대신 노트북에 이미 있는 nbgrader 메타데이터로 연습문제를 찾는다: 답안 셀(solution, grade 아님)의 grade_id.
# 답안 셀 바로 앞의 마크다운(`### 연습문제 N. …` 절의 본문)이 문제이고, 그 절이 연습문제 블록이 된다.
SOLUTION_MARKER = re.compile(r"^[ \t]*### (BEGIN|END) SOLUTION[ \t]*$")
HIDDEN_TESTS = re.compile(r"^[ \t]*### BEGIN HIDDEN TESTS.*?### END HIDDEN TESTS[ \t]*\n?", re.S | re.M)


def _nbgrader(metadata) -> dict:
    return (metadata or {}).get("nbgrader", {}) or {}


def _is_answer_cell(node) -> bool:
    meta = _nbgrader(node.get("cell_metadata"))
    return node.get("nb_element") == "cell_code" and bool(meta.get("solution")) and not meta.get("grade")


def solution_notebook_for(source: Path, srcdir: Path) -> Path:
    """chapters/chNN/이름.ipynb → solutions/chNN/이름.ipynb (강사용 원본, grader release의 입력)."""
    rel = source.resolve().relative_to(Path(srcdir).resolve())
    return Path(srcdir) / "solutions" / Path(*rel.parts[1:])


def reference_solutions(notebook: Path) -> dict[str, str]:
    """강사용 노트북의 답안 셀: grade_id → 셀 소스 (숨은 테스트 구간은 혹시 있더라도 뺀다)."""
    nb = json.loads(notebook.read_text(encoding="utf-8"))
    found = {}
    for cell in nb.get("cells", []):
        meta = _nbgrader(cell.get("metadata"))
        if cell.get("cell_type") == "code" and meta.get("solution") and not meta.get("grade"):
            source = cell.get("source", "")
            source = "".join(source) if isinstance(source, list) else source
            found[meta.get("grade_id")] = HIDDEN_TESTS.sub("", source)
    return found


def solution_display(source: str) -> tuple[str, list[int]]:
    """풀이 셀 소스에서 BEGIN/END SOLUTION 표시 줄을 빼고, 그 사이(학생이 쓰는 부분)의 줄 번호(1부터)를 돌려준다."""
    lines, marked, inside = [], [], False
    for line in source.rstrip("\n").split("\n"):
        match = SOLUTION_MARKER.match(line)
        if match:
            inside = match.group(1) == "BEGIN"
            continue
        lines.append(line)
        if inside:
            marked.append(len(lines))
    return "\n".join(lines), marked


class dlbook_solution(nodes.General, nodes.Element):
    """강사용 판의 접힌 풀이 (HTML <details>)."""


class dlbook_solution_title(nodes.TextElement):
    """풀이 블록의 제목 (HTML <summary>): 연습문제로 가는 링크를 담는다."""


def _visit_solution_html(self, node) -> None:
    self.body.append(self.starttag(node, "details", **{"data-grade-id": node["grade_id"]}))


def _depart_solution_html(self, node) -> None:
    self.body.append("</details>\n")


def _visit_solution_title_html(self, node) -> None:
    self.body.append(self.starttag(node, "summary", ""))


def _depart_solution_title_html(self, node) -> None:
    self.body.append("</summary>\n")


def _pass(self, node) -> None:
    pass


def _exercise_blocks(app, doctree) -> None:
    """연습문제 절을 블록으로 표시하고, 강사용 판(dlbook_edition=instructor)이면 답안 셀 바로 뒤에 접힌 풀이를 넣는다."""
    from sphinx.util import logging

    logger = logging.getLogger(__name__)
    answers = [node for node in doctree.findall(nodes.container) if _is_answer_cell(node)]
    if not answers:
        return
    instructor = app.config.dlbook_edition == "instructor"
    solutions: dict[str, str] = {}
    if instructor:
        source = Path(app.env.doc2path(app.env.docname))
        notebook = solution_notebook_for(source, app.srcdir)
        if not notebook.is_file():
            logger.warning(f"강사용 노트북 {notebook}이 없어 풀이를 넣을 수 없다 / solution notebook missing",
                           location=app.env.docname)
        else:
            app.env.note_dependency(str(notebook))  # 풀이가 바뀌면 이 장을 다시 읽는다
            solutions = reference_solutions(notebook)
    for cell in answers:
        grade_id = _nbgrader(cell.get("cell_metadata")).get("grade_id")
        section = cell.parent
        if not isinstance(section, nodes.section) or not isinstance(section[0], nodes.title):
            logger.warning(f"답안 셀 {grade_id}이 제목 있는 절 안에 있지 않다 / answer cell outside a titled section",
                           location=cell)
            continue
        if "dlbook-exercise" not in section["classes"]:
            section["classes"].append("dlbook-exercise")
            index = section.index(cell)
            prompt = [child for child in section.children[1:index]]
            if prompt:
                block = nodes.container(classes=["dlbook-exercise-prompt"])
                for child in prompt:
                    section.remove(child)
                block.extend(prompt)
                section.insert(1, block)
        cell["classes"].append("dlbook-answer-cell")
        if not instructor:
            continue
        if grade_id not in solutions:
            logger.warning(f"강사용 노트북에 답안 셀 {grade_id}의 풀이가 없다 / no reference solution for {grade_id}",
                           location=cell)
            continue
        code, marked = solution_display(solutions[grade_id])
        solution = dlbook_solution(classes=["dlbook-solution"], grade_id=grade_id)
        solution["ids"].append(nodes.make_id(f"solution-{grade_id}"))
        title = dlbook_solution_title()
        title += nodes.inline(text="풀이", classes=["dlbook-solution-label"])
        title += nodes.Text(" · ")
        link = nodes.reference("", "", internal=True, refid=section["ids"][0])
        link += nodes.Text(section[0].astext())
        title += link
        solution += title
        block = nodes.literal_block(code, code, language="python", classes=["dlbook-solution-code"])
        block["highlight_args"] = {"hl_lines": marked} if marked else {}
        solution += block
        cell.parent.insert(cell.parent.index(cell) + 1, solution)


# --- 노트북 실행·내려받기 버튼 --------------------------------------------------------------------
COLAB_URL = "https://colab.research.google.com"
BINDER_URL = "https://mybinder.org"
DEFAULT_LAB_URL = "http://localhost:8888/lab/tree/"  # `make lab`과 키트의 `python -m dlbook lab`의 기본 주소 (서버 루트 = 저장소·키트 폴더)
GITHUB_REPO = re.compile(r"https://github\.com/([^/\s]+)/([^/\s]+?)(?:\.git)?/?")


def launch_links(notebook: str, *, repository_url: str = "", branch: str = "", path_to_book: str = "",
                 lab_url: str = DEFAULT_LAB_URL) -> list[dict]:
    """장 노트북(책 루트 기준 경로) 하나의 실행 버튼들: 로컬 JupyterLab, 그리고 저장소 주소가 있으면 Colab과 Binder.

    버튼은 평범한 링크다: 페이지를 열 때 밖에서 받는 것은 없다. 저장소 주소는 GitHub 주소여야 한다
    (Colab은 GitHub만 연다). 주소가 틀리면 BookError.
    """
    from urllib.parse import quote

    links = []
    if lab_url:
        links.append({"type": "link", "text": "JupyterLab (내 컴퓨터)", "label": "launch-lab-button",
                      "tooltip": "내 컴퓨터의 JupyterLab에서 열기 (학생 키트의 python -m dlbook lab, 저장소의 make lab)",
                      "icon": "fas fa-laptop-code",
                      "url": lab_url.rstrip("/") + "/" + quote(notebook)})
    repository_url = (repository_url or "").strip()
    if repository_url:
        match = GITHUB_REPO.fullmatch(repository_url)
        if not match:
            raise BookError(f"repository.url은 https://github.com/조직/저장소 꼴이어야 한다 (Colab은 GitHub만 연다) / "
                            f"repository.url must be a GitHub URL: {repository_url!r}")
        org, repo = match.groups()
        branch = branch or "main"
        path = "/".join(part for part in (path_to_book.strip("/"), notebook) if part)
        links.append({"type": "link", "text": "Colab", "label": "launch-colab-button",
                      "tooltip": "Google Colab에서 열기", "icon": "_static/images/logo_colab.png",
                      "url": f"{COLAB_URL}/github/{org}/{repo}/blob/{quote(branch)}/{quote(path)}"})
        links.append({"type": "link", "text": "Binder", "label": "launch-binder-button",
                      "tooltip": "Binder에서 열기", "icon": "_static/images/logo_binder.svg",
                      "url": f"{BINDER_URL}/v2/gh/{org}/{repo}/{quote(branch)}?urlpath="
                             + quote(f"lab/tree/{path}", safe="")})
    return links


def _add_launch_buttons(app, pagename, templatename, context, doctree) -> None:
    """노트북 페이지의 머리 버튼에 '실행' 묶음을 더한다 (sphinx-book-theme의 launch_buttons 대신).

    테마의 launch_buttons는 저장소 주소가 없으면 쓸 수 없고, 로컬 JupyterLab 버튼이 없다.
    """
    if doctree is None or "header_buttons" not in context:
        return
    source = Path(app.env.doc2path(pagename))
    if source.suffix != ".ipynb":
        return
    options = app.config.html_theme_options
    try:
        links = launch_links(source.resolve().relative_to(Path(app.srcdir).resolve()).as_posix(),
                             repository_url=options.get("repository_url", ""),
                             branch=options.get("repository_branch", ""),
                             path_to_book=options.get("path_to_docs", ""),
                             lab_url=app.config.dlbook_lab_url)
    except BookError as exc:
        from sphinx.errors import ConfigError
        raise ConfigError(str(exc)) from exc
    if links:
        context["header_buttons"].append({"type": "group", "tooltip": "노트북 실행", "icon": "fas fa-rocket",
                                          "buttons": links, "label": "launch-buttons"})


def setup(app):
    # 판: student(기본) 또는 instructor. tools/book.py build --edition이 정한다. 바뀌면 모든 문서를 다시 읽는다.
    app.add_config_value("dlbook_edition", "student", "env", types=[str])
    # 장 페이지의 "JupyterLab에서 열기" 버튼이 가리키는 주소 (`make lab` 서버의 /lab/tree/). 빈 문자열이면 버튼이 없다.
    app.add_config_value("dlbook_lab_url", DEFAULT_LAB_URL, "html", types=[str])
    app.add_node(dlbook_solution, html=(_visit_solution_html, _depart_solution_html),
                 latex=(_pass, _pass), text=(_pass, _pass), man=(_pass, _pass), texinfo=(_pass, _pass))
    app.add_node(dlbook_solution_title, html=(_visit_solution_title_html, _depart_solution_title_html),
                 latex=(_pass, _pass), text=(_pass, _pass), man=(_pass, _pass), texinfo=(_pass, _pass))
    app.connect("config-inited", _drop_vendored_mathjax)
    app.connect("doctree-read", _hide_exercise_tracebacks)
    app.connect("doctree-read", _exercise_blocks)
    app.connect("html-page-context", _add_launch_buttons, priority=510)  # 테마가 header_buttons를 만든 뒤에
    app.connect("html-page-context", _drop_thebe_assets, priority=900)  # 다른 확장이 자산을 넣은 뒤에
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    sys.exit(main())
