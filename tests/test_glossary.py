"""용어 검사(tools/glossary.py): 모든 장이 용어집의 말을 쓰고, 검사는 틀린 말을 실제로 잡는다."""
from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("glossary_tool", ROOT / "tools" / "glossary.py")
glossary = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = glossary  # dataclass가 자기 모듈을 찾을 수 있게
_spec.loader.exec_module(glossary)


def _notebook(tmp_path: Path, *markdown: str, code: str = "x = 1") -> Path:
    cells = [{"cell_type": "markdown", "metadata": {}, "source": m} for m in markdown]
    cells.append({"cell_type": "code", "metadata": {}, "source": code, "outputs": [], "execution_count": None})
    path = tmp_path / "ch99_test.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    return path


TERMS_OK = ("## 이 장의 용어\n\n| 한국어 | English |\n| --- | --- |\n| 역전파 | backpropagation |\n"
            "| 랭크, 모양 | rank, shape |\n\n[용어집](../../book/glossary.md)")


@pytest.fixture(scope="module")
def table():
    return glossary.load()


def test_every_chapter_uses_the_glossary():
    findings = glossary.check_chapters()
    assert not findings, "\n".join(map(str, findings))


def test_glossary_parses_terms_aliases_and_avoid_list(table):
    assert table.by_english["backpropagation"] == {"역전파"}
    assert "랭크" in table.by_english["rank"] and "차원 수" in table.by_english["rank"]
    assert "평균 제곱근 오차" in table.by_english["rmse"]
    assert ("자동 차별화", "자동 미분") in [(w, r) for w, r, _ in table.avoid]
    # 쓰지 않는 말은 용어 표에 들어가지 않는다
    assert "자동 차별화" not in table.korean


def test_clean_chapter_passes(tmp_path, table):
    assert glossary.check_notebook(_notebook(tmp_path, "## 1-1. 텐서\n\n자동 미분을 쓴다.", TERMS_OK), table) == []


def test_banned_term_in_prose_or_code_is_flagged_with_location(tmp_path, table):
    path = _notebook(tmp_path, "## 1-1. 텐서\n\n첫 줄\nTensorFlow의 자동 차별화는", TERMS_OK,
                     code="# 학습율을 줄인다\nlr = 0.1")
    findings = glossary.check_notebook(path, table)
    assert [(f.kind, f.where) for f in findings] == [("avoid", "ch99_test.ipynb 셀 0 줄 4"),
                                                     ("avoid", "ch99_test.ipynb 셀 2 줄 1")]
    assert "'자동 미분'" in findings[0].message and "'학습률'" in findings[1].message


def test_inconsistent_translation_in_terms_table_is_flagged(tmp_path, table):
    terms = TERMS_OK.replace("| 역전파 | backpropagation |", "| 오류 역방향 전달 | backpropagation |")
    findings = glossary.check_notebook(_notebook(tmp_path, terms), table)
    assert [f.kind for f in findings] == ["inconsistent"]
    assert "역전파" in findings[0].message


def test_term_missing_from_glossary_and_missing_link_are_flagged(tmp_path, table):
    terms = TERMS_OK.replace("[용어집](../../book/glossary.md)", "").replace(
        "| rank, shape |\n", "| rank, shape |\n| 초공간 접기 | hyperspace folding |\n")
    kinds = sorted(f.kind for f in glossary.check_notebook(_notebook(tmp_path, terms), table))
    assert kinds == ["missing", "no-link"]


def test_cli_exit_code(capsys):
    assert glossary.main(["check"]) == 0
    assert "문제 0개" in capsys.readouterr().out
    assert glossary.main([]) == 2


def test_every_page_uses_the_glossary():
    """장이 아닌 쪽(book/*.md, 부록 노트북, README)도 쓰지 않는 말과 영어 제목을 검사한다."""
    findings = glossary.check_pages()
    assert not findings, "\n".join(map(str, findings))


def _findings(tmp_path, table, markdown: str, kind: str) -> list:
    """마크다운 셀 하나와 맞는 용어 표를 가진 장을 검사해 한 종류의 문제만 돌려준다."""
    return [f for f in glossary.check_notebook(_notebook(tmp_path, markdown, TERMS_OK), table) if f.kind == kind]


@pytest.mark.parametrize("line, flagged", [
    pytest.param("난수 씨드를 고정한다.", True, id="ssi-deu"),
    pytest.param("난수 시드를 고정한다.", False, id="si-deu"),
    pytest.param("하이퍼파라미터를 고른다.", False, id="inside-a-longer-word"),
    pytest.param("손실의 기울기를 tape로 구한다.", True, id="giulgi-for-gradient"),
    pytest.param("직선의 기울기는 2다.", False, id="giulgi-for-slope"),
])
def test_one_spelling_per_concept(tmp_path, table, line, flagged):
    """용어집의 '쓰지 않는 말'에 실제로 있는 행으로 검사한다: 씨드, 파라미터, 기울기(그래디언트의 뜻)."""
    wrongs = {wrong for wrong, _, _ in table.avoid}
    assert {"씨드", "파라미터", "기울기", "임곗값", "학습 세트"} <= wrongs
    findings = _findings(tmp_path, table, "## 1-1. 텐서\n\n" + line, "avoid")
    assert bool(findings) is flagged, findings


@pytest.mark.parametrize("heading, flagged", [
    pytest.param("## 4-4. Supervised Learning 엑셀 예시 (XOR)", True, id="english-phrase-from-seed"),
    pytest.param("### Momentum", True, id="glossary-term-in-english"),
    pytest.param("## 4-6. 일반화된 델타 규칙: 오류 역전파(error backpropagation)", False, id="english-in-parentheses"),
    pytest.param("## 6-7. CNN 층을 쌓는 방식", False, id="acronym"),
    pytest.param("### Keras의 `fit`과 Adam", False, id="names-and-code"),
])
def test_english_heading_left_from_a_seed_is_flagged(tmp_path, table, heading, flagged):
    findings = _findings(tmp_path, table, heading + "\n\n본문.", "english-heading")
    assert bool(findings) is flagged, findings
