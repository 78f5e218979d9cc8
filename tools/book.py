"""책(Jupyter Book v1) 빌드 도구 — `make book`이 부른다.

    python tools/book.py build [--edition student]

하는 일 / what it does:
1. 오프라인 자산을 `_static/vendor/`에 준비한다 (git-ignored, 없으면 다시 만든다):
   MathJax 3 (npm, 버전 고정), plotly.min.js (설치된 plotly 패키지), 나눔고딕
   (koreanize-matplotlib 패키지의 TTF를 브라우저가 받아들이는 WOFF로 바꾼 것)과 그 @font-face CSS.
2. 노트북 커널이 물려받을 환경 변수를 정한다: DLBOOK_STATIC=1 (dlbook 위젯이 정적 plotly 그림을 낸다),
   TF_CPP_MIN_LOG_LEVEL=3, PYTHONHASHSEED=0, PYTHONPATH에 저장소 루트.
3. `jupyter-book build .`을 경고를 오류로 하여(-W --keep-going) 실행하고, 노트북 셀이 실패하면
   0이 아닌 종료 코드로 끝난다. 걸린 시간을 출력한다.

이 파일은 작은 Sphinx 확장이기도 하다 (_config.yml의 sphinx.local_extensions):
- Jupyter Book은 `_static/` 아래의 모든 .js를 모든 페이지에 넣는데, MathJax는 Sphinx가
  `mathjax_path`로 한 번만(defer) 실어야 하므로 `vendor/mathjax/` 파일들을 그 목록에서 뺀다.
- `raises-exception` 태그 셀(풀지 않은 연습문제의 테스트)의 트레이스백을 한 줄 안내로 바꾼다.
- sphinx-thebe가 모든 페이지에 넣는 unpkg.com 주소와 스크립트를 뺀다 (thebe는 쓰지 않는다).
"""
from __future__ import annotations

import argparse
import filecmp
import hashlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

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


def build(edition: str) -> int:
    if edition != "student":
        print(f"'{edition}' 판은 아직 지원하지 않는다 / the {edition} edition is not yet supported")
        return 2
    start = time.monotonic()
    prepare_assets()
    rebuild_all = _invalidate_stale_cache()
    cmd = [sys.executable, "-c", "from jupyter_book.cli.main import main; main()",
           "build", str(ROOT), "--warningiserror", "--keep-going"]
    if rebuild_all:
        cmd.append("--all")  # Sphinx가 바뀌지 않았다고 여기는 페이지도 새 캐시로 다시 읽게 한다
    _log(" ".join(["jupyter-book"] + cmd[3:]))
    result = subprocess.run(cmd, cwd=ROOT, env=build_env())
    elapsed = time.monotonic() - start
    if result.returncode != 0:
        print(f"책 빌드 실패 ({elapsed:.1f}초). 위의 경고/오류와 _build/html/reports/를 보라 / "
              f"book build failed after {elapsed:.1f} s", file=sys.stderr)
        return result.returncode
    _record_fingerprint()
    print(f"책 빌드 완료: {elapsed:.1f}초 → _build/html/index.html / book built in {elapsed:.1f} s")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="tools/book.py", description="딥러닝 코스북 빌드 / build the book")
    sub = parser.add_subparsers(dest="command", required=True)
    build_parser = sub.add_parser("build", help="노트북을 실행해 _build/html을 만든다")
    build_parser.add_argument("--edition", choices=["student", "instructor"], default="student",
                              help="student(기본): chapters/의 학생용 노트북 / instructor: 아직 없음")
    sub.add_parser("assets", help="_static/vendor/의 오프라인 자산만 준비한다")
    args = parser.parse_args(argv)
    try:
        if args.command == "assets":
            prepare_assets()
            return 0
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
    "노트북(make lab)에서 답을 채운 뒤 실행해 확인하라."
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


def setup(app):
    app.connect("config-inited", _drop_vendored_mathjax)
    app.connect("doctree-read", _hide_exercise_tracebacks)
    app.connect("html-page-context", _drop_thebe_assets, priority=900)  # 다른 확장이 자산을 넣은 뒤에
    return {"parallel_read_safe": True, "parallel_write_safe": True}


if __name__ == "__main__":
    sys.exit(main())
