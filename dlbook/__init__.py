"""딥러닝 코스북의 노트북들이 쓰는 라이브러리: 준비 셀, 채점기, 위젯, 데이터, 그림 도우미."""
from dlbook._env import install_data, report_versions
from dlbook._setup import quiet_tensorflow, setup
from dlbook.checker import check

__all__ = ["check", "install_data", "quiet_tensorflow", "report_versions", "setup"]
__version__ = "0.1.0"
