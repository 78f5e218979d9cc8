"""학생이 JupyterLab에서 누르는 nbgrader "Validate" 단추의 설정.

`make lab`은 저장소 루트에서 서버를 띄우고, nbgrader의 validate 서버 확장은 서버의 작업 폴더에서
이 파일을 읽는다 (`nbgrader validate`를 저장소 루트에서 실행해도 읽는다). 강사용 채점기(grader/)는
이 파일을 읽지 않는다: 설정을 grader/_nbgrader.py에서 직접 만든다.
"""
c = get_config()  # noqa: F821  (nbgrader가 설정 파일을 실행할 때 넣어 주는 함수)

# 셀 하나의 실행 한도 (초). nbgrader 기본값 30초는 텐서플로를 불러오는 첫 셀이나 학습 셀에 짧아,
# 바쁜 컴퓨터에서는 맞는 답도 CellTimeoutError로 실패한다. 책 빌드(_config.yml)와 같은 값을 쓴다.
c.Execute.timeout = 180
