"""각 장의 첫 셀이 부르는 준비 함수 (handson-ml3의 setup 셀을 라이브러리 한 곳에 모은 것)."""
from __future__ import annotations

import logging
import os
import warnings

# TensorFlow의 C++ 로그(oneDNN 안내, absl 초기화 메시지)는 import 전에 꺼야 한다.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ.setdefault("TF_ENABLE_ONEDNN_OPTS", "0")
os.environ.setdefault("KERAS_BACKEND", "tensorflow")


def quiet_tensorflow() -> None:
    """TensorFlow/Keras/absl의 파이썬 쪽 로그를 ERROR 이상만 남긴다."""
    os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
    for name in ("tensorflow", "absl", "keras", "h5py"):
        logging.getLogger(name).setLevel(logging.ERROR)
    warnings.filterwarnings("ignore", module="keras")
    warnings.filterwarnings("ignore", module="tensorflow")
    try:
        import absl.logging
        absl.logging.set_verbosity(absl.logging.ERROR)
    except ImportError:  # pragma: no cover
        pass


def setup(seed: int = 42, *, fonts: bool = True, tensorflow: bool = True) -> dict:
    """장(chapter) 첫 셀: 로그를 끄고, 한글 글꼴을 설정하고, 모든 난수 발생기를 seed로 고정한다.

    반환값은 버전 정보 dict다 (노트북에서 출력해 어떤 환경에서 실행했는지 남긴다).
    """
    quiet_tensorflow()
    info = {}
    if fonts:
        from dlbook.plotting import use_korean_font
        use_korean_font()
    import numpy as np
    np.random.seed(seed)
    info["numpy"] = np.__version__
    if tensorflow:
        from dlbook._quiet import quiet
        with quiet():  # import 때 C++ 로그가 fd 2로 바로 나온다
            import tensorflow as tf
            import keras
        tf.get_logger().setLevel(logging.ERROR)
        keras.utils.set_random_seed(seed)  # python, numpy, tensorflow 난수를 한 번에 고정
        info["tensorflow"] = tf.__version__
        info["keras"] = keras.__version__
        info["gpu"] = len(tf.config.list_physical_devices("GPU"))
    info["seed"] = seed
    return info
