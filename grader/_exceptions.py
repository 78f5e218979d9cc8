"""채점기의 예외. 메시지는 사람이 읽는 글이다 (강사용: 한국어 + English)."""


class GraderError(Exception):
    """강사에게 보여 줄 오류. ``python -m grader``가 이 메시지를 그대로 출력하고 종료 코드 1을 돌려준다."""


class SubmissionError(Exception):
    """한 학생의 제출물 문제. 채점 전체를 멈추지 않고 그 학생의 status가 된다.

    ``code``는 grades.csv의 status 앞부분에 쓰는 짧은 영문 코드다.
    """

    def __init__(self, code: str, korean: str, english: str):
        super().__init__(f"{code}: {korean} / {english}")
        self.code = code
        self.korean = korean
        self.english = english

    @property
    def status(self) -> str:
        return f"{self.code}: {self.korean} / {self.english}"
