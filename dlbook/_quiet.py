"""라이브러리 잡음 막기: 파이썬 경고, sys.stderr, C++ 로그가 쓰는 fd 2."""
from __future__ import annotations

import contextlib
import io
import os
import sys
import warnings


@contextlib.contextmanager
def quiet():
    """이 블록 안에서 라이브러리가 내는 경고와 로그를 버린다.

    TensorFlow는 import할 때 C++ 쪽에서 fd 2로 바로 로그를 쓴다 ("All log messages before
    absl::InitializeLog()…", CUDA를 찾지 못했다는 안내): TF_CPP_MIN_LOG_LEVEL로는 막히지 않는다.
    nbgrader는 stderr에 무엇이든 찍힌 테스트 셀을 실패로 채점하므로, 맞는 답이 TensorFlow 경고
    때문에 점수를 잃지 않도록 파이썬 경고, sys.stderr, 그리고 C++ 로그가 쓰는 fd 2를 모두 막는다.
    """
    sink = io.StringIO()
    saved_fd = None
    try:
        sys.stderr.flush()
        saved_fd = os.dup(2)
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
    except OSError:  # pragma: no cover - fd 2 없는 환경
        saved_fd = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with contextlib.redirect_stderr(sink):
                yield
    finally:
        if saved_fd is not None:
            os.dup2(saved_fd, 2)
            os.close(saved_fd)
