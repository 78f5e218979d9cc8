"""dlbook.checker의 결과 변환 도우미: 학생 값을 평범한 숫자·배열로 바꾸고, 안 되면 한국어로 알린다."""
from __future__ import annotations

import numpy as np
import pytest

from dlbook.checker import CheckFailure, array_result, scalar_of


def test_scalar_of_accepts_numbers_and_one_element_arrays():
    assert scalar_of(2, "값") == 2.0 and scalar_of(np.float32(1.5), "값") == 1.5
    assert scalar_of(np.array([[3.0]]), "값") == 3.0


def test_scalar_of_exact_requires_shape_0d():
    assert scalar_of(np.array(3.0), "값", exact=True) == 3.0
    with pytest.raises(CheckFailure, match=r"스칼라여야 합니다: 실제 모양 \(1,\)"):
        scalar_of(np.array([3.0]), "값", exact=True)


@pytest.mark.parametrize(("value", "message"), [(np.zeros(2), "스칼라여야"), ("abc", "숫자가 아닙니다"),
                                                (object(), "숫자가 아닙니다|바꿀 수 없습니다")])
def test_scalar_of_rejects(value, message):
    with pytest.raises(CheckFailure, match=message):
        scalar_of(value, "값")


def test_array_result_converts_and_checks_shape():
    arr = array_result([[1, 2], [3, 4]], (2, 2), "행렬")
    assert arr.dtype == np.float64 and arr.shape == (2, 2)
    with pytest.raises(CheckFailure, match=r"행렬의 모양\(shape\)이 다릅니다: 기대 \(2, 3\), 실제 \(2, 2\)"):
        array_result(arr, (2, 3), "행렬")
    with pytest.raises(CheckFailure, match="숫자 배열로 바꿀 수 없습니다"):
        array_result([[1, 2], [3]], (2, 2), "행렬")


# --- 실패한 공개 테스트가 학생에게 보이는 모양 ------------------------------------------------------

def test_failure_renders_as_one_korean_paragraph_without_machine_paths():
    """IPython은 _render_traceback_의 줄만 보여 준다: 검사 장치의 호출 스택과 파일 경로가 없다."""
    from dlbook.checker import check

    def standardize(x_train, x_test):
        return x_train, x_test

    with pytest.raises(CheckFailure) as info:
        check("ch03-ex2-standardize", standardize)
    lines = info.value._render_traceback_()
    assert len(lines) == 1 and "검사 실패" in lines[0] and "사례 1" in lines[0], lines
    assert "checker.py" not in lines[0] and "/" not in lines[0].split("):", 1)[0]


def test_error_inside_the_answer_names_the_answer_line():
    """학생 코드에서 난 오류는 메시지가 그 줄을 가리킨다 (라이브러리 안의 줄이 아니라)."""
    from dlbook.checker import check

    namespace: dict = {}
    exec(compile("import numpy as np\ndef standardize(x_train, x_test):\n    s = x_train.std(axis=0)\n"
                 "    return x_train / s[7], x_test\n", "<답 셀>", "exec"), namespace)
    with pytest.raises(CheckFailure, match=r"IndexError: .* \(답 셀 4번째 줄"):
        check("ch03-ex2-standardize", namespace["standardize"])
