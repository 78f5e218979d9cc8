"""샌드박스(학생 코드)와 채점기 사이를 오가는 결과의 형식: 태그를 단 JSON.

학생 코드가 만든 값은 **자료로만** 건너온다. pickle은 읽는 순간 코드를 실행할 수 있으므로 쓰지 않는다.
허용하는 것은 None, bool, int, float, str, list, tuple, dict, 숫자 NumPy 배열과 스칼라뿐이고,
그 밖의 객체는 보내는 쪽(``encode``)에서 거절한다. 받는 쪽(``decode``)은 깊이와 배열 크기를 검사하고
object·문자열 dtype 배열을 만들지 않는다.
"""
from __future__ import annotations

import base64
import math
from typing import Any

import numpy as np

MAX_DEPTH = 32
NUMERIC_KINDS = "biufc"


class WireError(ValueError):
    """자료로 바꿀 수 없는 값, 또는 형식이 어긋난 자료."""


def encode(value: Any, _depth: int = 0) -> Any:
    if _depth > MAX_DEPTH:
        raise WireError("값이 너무 깊게 중첩되어 있다 / nested too deeply")
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, int):
        return value if abs(value) < 2 ** 63 else {"t": "bigint", "v": str(value)}
    if isinstance(value, float):
        return value if math.isfinite(value) else {"t": "float", "v": repr(value)}
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in NUMERIC_KINDS:
            raise WireError(f"숫자 배열만 보낼 수 있다 (dtype {value.dtype}) / only numeric arrays")
        arr = np.array(value, order="C", copy=True)   # ascontiguousarray는 0차원 배열을 1차원으로 바꾼다
        return {"t": "nd", "dtype": arr.dtype.str, "shape": list(arr.shape),
                "b64": base64.b64encode(arr.tobytes()).decode("ascii")}
    if isinstance(value, np.generic):
        if value.dtype.kind not in NUMERIC_KINDS:
            raise WireError(f"숫자 스칼라만 보낼 수 있다 (dtype {value.dtype})")
        return {"t": "np", "v": encode(np.asarray(value).reshape(1), _depth + 1)}
    if isinstance(value, list):
        return [encode(v, _depth + 1) for v in value]
    if isinstance(value, tuple):
        return {"t": "tuple", "v": [encode(v, _depth + 1) for v in value]}
    if isinstance(value, dict):
        return {"t": "dict", "items": [[encode(k, _depth + 1), encode(v, _depth + 1)] for k, v in value.items()]}
    raise WireError(f"{type(value).__name__} 값은 결과로 보낼 수 없다 (숫자, 배열, 리스트, dict만) "
                    f"/ cannot send a {type(value).__name__}")


def decode(obj: Any, _depth: int = 0) -> Any:
    if _depth > MAX_DEPTH:
        raise WireError("nested too deeply")
    if obj is None or isinstance(obj, (bool, int, float, str)):
        return obj
    if isinstance(obj, list):
        return [decode(v, _depth + 1) for v in obj]
    if not isinstance(obj, dict):
        raise WireError(f"unexpected {type(obj).__name__}")
    tag = obj.get("t")
    if tag == "nd":
        dtype = np.dtype(str(obj["dtype"]))
        if dtype.kind not in NUMERIC_KINDS:
            raise WireError(f"dtype {dtype} not allowed")
        shape = tuple(int(n) for n in obj["shape"])
        if any(n < 0 for n in shape):
            raise WireError("negative shape")
        raw = base64.b64decode(str(obj["b64"]), validate=True)
        if len(raw) != dtype.itemsize * math.prod(shape):
            raise WireError("array size does not match its shape")
        return np.frombuffer(raw, dtype=dtype).reshape(shape).copy()
    if tag == "np":
        arr = decode(obj["v"], _depth + 1)
        if not isinstance(arr, np.ndarray) or arr.size != 1:
            raise WireError("bad numpy scalar")
        return arr.reshape(()).dtype.type(arr.reshape(())[()])
    if tag == "tuple":
        return tuple(decode(v, _depth + 1) for v in obj["v"])
    if tag == "dict":
        out = {}
        for k, v in obj["items"]:
            key = decode(k, _depth + 1)
            try:
                hash(key)
            except TypeError:
                raise WireError("unhashable dict key") from None
            out[key] = decode(v, _depth + 1)
        return out
    if tag == "float":
        return float(obj["v"])
    if tag == "bigint":
        return int(obj["v"])
    raise WireError(f"unknown tag {tag!r}")
