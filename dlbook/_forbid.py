"""연습문제의 "부르지 말 것": 답이 기준 구현(라이브러리 함수)을 불러 점수를 얻지 못하게 한다.

"NumPy로 합성곱을 구현하라"는 문제에 ``tf.nn.conv2d``를 부르는 답은 숨은 사례를 모두 통과한다. 기댓값이
바로 그 함수로 만들어지기 때문이다. 연습문제는 :class:`dlbook.checker.Exercise`의 ``forbidden``에 부르면 안 되는
것의 이름(``"tensorflow.nn.conv2d"``, 모듈이면 ``"sklearn.metrics"``)을 적고, 검사기(:func:`dlbook.checker.check`)와
채점기(:mod:`grader._harvest`)는 학생 함수를 실행하는 동안 두 가지로 살핀다.

1. **실행 중 감시.** :func:`sys.setprofile` 훅이 파이썬 함수의 호출마다 그 코드 객체가 금지된 함수(또는 금지된
   클래스의 메서드, 금지된 모듈의 공개 함수·클래스)의 것인지 본다. 답이 도우미 함수를 거치거나 다른 이름으로
   import해도 잡힌다. 내장 C 함수도 ``c_call`` 사건으로 본다.
2. **소스 검사.** 프로파일러에 보이지 않는 호출(``scipy.special.rel_entr`` 같은 ufunc)을 위해, 함수 소스의
   주석과 문자열을 뺀 코드에서 ``.rel_entr``처럼 속성으로 쓰이거나 import된 이름을 찾는다.

이것은 흔한 지름길을 막는 장치이지 작정한 우회까지 막는 보안 장치가 아니다 (학생 코드는 같은 프로세스에서 돈다).
답의 옳고 그름은 여전히 상자 밖에서 숨은 사례의 기댓값과 비교해 정한다.

This is a guard against the common shortcut (calling the reference), not a security boundary.
"""
from __future__ import annotations

import importlib
import inspect
import re
import sys
import types
from contextlib import contextmanager
from functools import lru_cache
from typing import Callable, Iterable, Iterator

__all__ = ["ForbiddenCall", "watch", "source_hits", "resolve"]


from dlbook.checker import CheckFailure, code_without_comments


class ForbiddenCall(CheckFailure):
    """답이 금지된 함수를 불렀다. 메시지는 학생이 읽는 한국어다."""


def _import_target(name: str):
    """점으로 이은 이름을 객체로: 가장 긴 import 가능한 모듈 뒤에 속성을 따라간다. 없으면 None."""
    parts = name.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return None
        return obj
    return None


def _codes_of_function(obj) -> set:
    codes = set()
    seen = set()
    while obj is not None and id(obj) not in seen:
        seen.add(id(obj))
        code = getattr(obj, "__code__", None)
        if isinstance(code, types.CodeType):
            codes.add(code)
        obj = getattr(obj, "__wrapped__", None)
    return codes


def _innermost_code(obj) -> set:
    """장식된 함수는 가장 안쪽 함수의 코드만: 바깥 장식(TF의 dispatch 같은)은 많은 함수가 함께 쓰는 코드다."""
    try:
        inner = inspect.unwrap(obj)
    except ValueError:
        inner = obj
    code = getattr(inner, "__code__", None)
    return {code} if isinstance(code, types.CodeType) else set()


def _codes_of_class(cls) -> set:
    codes = set()
    for value in vars(cls).values():
        if isinstance(value, (staticmethod, classmethod)):
            value = value.__func__
        if isinstance(value, property):
            value = value.fget
        if callable(value):
            codes |= _innermost_code(value)
    return codes


@lru_cache(maxsize=None)
def resolve(names: tuple[str, ...]) -> tuple[dict, dict]:
    """금지 목록 → ({파이썬 코드 객체: 금지 이름}, {내장 함수 객체의 id: 금지 이름}). 이 환경에 없는 이름은 건너뛴다."""
    codes: dict = {}
    builtins: dict = {}
    for name in names:
        obj = _import_target(name)
        if obj is None:
            continue
        members = [obj]
        if isinstance(obj, types.ModuleType):
            # 모듈의 공개 이름 가운데 같은 패키지의 것만: `abc.ABCMeta`, `numbers.Real`처럼 모듈이 import해 다시 내보내는
            # 남의 것까지 막으면 Keras의 isinstance 검사 같은 정당한 호출이 걸린다
            top = obj.__name__.split(".")[0]
            members = [getattr(obj, attr, None) for attr in dir(obj) if not attr.startswith("_")]
            members = [m for m in members if (getattr(m, "__module__", None) or "").split(".")[0] == top]
        for member in members:
            if inspect.isclass(member):
                found = _codes_of_class(member)
            elif isinstance(member, (types.BuiltinFunctionType, types.BuiltinMethodType)):
                builtins.setdefault(id(member), name)
                continue
            elif callable(member):
                found = _innermost_code(member)
            else:
                continue
            for code in found:
                codes.setdefault(code, name)
    return codes, builtins


@lru_cache(maxsize=None)
def _is_module(name: str) -> bool:
    return isinstance(_import_target(name), types.ModuleType)


def _leaf_patterns(names: Iterable[str]) -> list[tuple[str, re.Pattern]]:
    patterns = []
    for name in names:
        leaf = name.rsplit(".", 1)[-1]
        parent = name.rsplit(".", 2)[-2] if name.count(".") else ""
        # 함수·클래스: `.leaf`(속성으로 씀), `import ... leaf` / `from parent import leaf`, `parent.leaf`.
        # 모듈: `.leaf`만으로는 찾지 않는다. `dlbook.data`를 막는데 `tf.data`, `keras.losses`를 막는데 `model.losses`가
        # 걸리면 정당한 답이 0점이 된다. 모듈의 함수 호출은 실행 중 감시가 잡고, 소스 검사는 import와 `parent.leaf`만 본다.
        if _is_module(name):  # `from surprise import SVD`, `from dlbook.data import x` (토큰은 빈칸으로 이어져 있다)
            attribute = r"(?:\bfrom\s+" + r"\s*\.\s*".join(map(re.escape, name.split("."))) + r"\b)|"
        else:
            attribute = rf"(?:\.\s*{re.escape(leaf)}\b)|"
        pattern = re.compile(attribute + rf"(?:\bimport\b[^\n]*\b{re.escape(leaf)}\b)"
                             + (rf"|(?:\b{re.escape(parent)}\s*\.\s*{re.escape(leaf)}\b)" if parent else ""))
        patterns.append((name, pattern))
    return patterns


def source_hits(func: Callable, names: Iterable[str]) -> list[str]:
    """함수 소스(주석·문자열 제외)에 보이는 금지된 이름들."""
    code = code_without_comments(func)
    if not code:
        return []
    return [name for name, pattern in _leaf_patterns(names) if pattern.search(code)]


def _message(names: list[str]) -> str:
    shown = ", ".join(f"`{n}`" for n in names)
    return (f"이 연습문제는 직접 구현하는 문제라 {shown}을(를) 부를 수 없습니다 "
            f"/ this exercise must be implemented without calling {shown}")


@contextmanager
def watch(names: tuple[str, ...], func: Callable | None = None) -> Iterator[None]:
    """``with watch(forbidden, func): func(...)`` — 안에서 금지된 것이 불리면 끝날 때 :class:`ForbiddenCall`."""
    if not names:
        yield
        return
    hits = source_hits(func, names) if func is not None else []
    if hits:
        raise ForbiddenCall(_message(hits))
    codes, builtin_ids = resolve(tuple(names))
    called: list = []

    def hook(frame, event, arg):
        if event == "call":
            name = codes.get(frame.f_code)
            if name is not None:
                called.append(name)
        elif event == "c_call" and id(arg) in builtin_ids:
            called.append(builtin_ids[id(arg)])

    previous = sys.getprofile()
    sys.setprofile(hook)
    try:
        yield
    finally:
        tampered = sys.getprofile() is not hook
        sys.setprofile(previous)
    if tampered:
        raise ForbiddenCall("답이 검사 장치(sys.setprofile)를 바꾸었습니다 / the answer replaced the call monitor")
    if called:
        raise ForbiddenCall(_message(sorted(set(called))))
