"""아직 고치지 않은 검사 결과와 그것을 고칠 이슈. `make test`(tests/test_facts.py)는 이 목록과 검사 결과가 같기를 요구한다.

- 새 문제(여기 없는 것)가 생기면 실패한다: 고치거나, 내용을 다시 쓰는 이슈가 맡을 것이면 여기에 그 이슈와 함께 적는다.
- 여기 있는데 검사가 더는 찾지 않으면 실패한다: 고쳐진 항목은 지운다. 이 목록은 줄어들기만 하고,
  #14, #15, #16이 끝나면 비어야 한다.

열쇠의 모양 / key format:
- FACTS: "<장> <절> <mismatch|outside> <본문의 값>" (tools/factcheck.py의 Finding.key)
- XREFS: "<파일> <언급>" (tools/xref.py)
"""

FACTS: dict[str, str] = {
}

XREFS: dict[str, str] = {
}
