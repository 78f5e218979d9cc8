"""스프레드시트에서 열어도 안전한 CSV (CSV/수식 주입 막기).

학번과 이름은 LMS가 내려준 폴더·파일 이름에서, status와 메시지는 학생 코드의 예외에서 온다. 엑셀, LibreOffice,
Google 스프레드시트는 ``=``, ``+``, ``-``, ``@``, 탭, CR로 시작하는 칸을 수식으로 읽는다 (``=HYPERLINK(…)``,
``=cmd|…`` 같은 CSV injection). OWASP의 권고대로 그런 칸 앞에 작은따옴표 ``'``를 붙인다: 스프레드시트는
그 칸을 ``'``로 시작하는 글자로 보일 뿐 실행하지 않는다 (원래 글자는 맨 앞 ``'`` 하나를 지운 것). 전각
``＝＋－＠``도 같이 막는다.
숫자(점수)는 그대로 둔다: 음수 점수는 없고, 숫자 칸은 수식이 되지 않는다.
"""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Iterable

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")


def cell(value) -> str:
    """CSV 칸 하나의 글자. 수식으로 읽힐 수 있는 글자는 ``'``로 시작하게 한다."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        return f"{value:g}"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def write(path: Path, fields: list[str], rows: Iterable[dict]) -> None:
    """``rows``(dict)를 ``fields`` 순서로 쓴다. 머리글과 모든 칸을 :func:`cell`로 거른다.

    utf-8-sig: 엑셀에서 열어도 한글이 깨지지 않는다.
    """
    with open(path, "w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow([cell(name) for name in fields])
        for row in rows:
            writer.writerow([cell(row.get(name)) for name in fields])
