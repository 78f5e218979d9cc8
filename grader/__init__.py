"""강사용 채점 파이프라인: nbgrader 위에 얇게 얹은 release/autograde."""
from grader._exceptions import GraderError, SubmissionError

__all__ = ["GraderError", "SubmissionError", "main"]


def main(argv=None) -> int:
    from grader.__main__ import main as _main
    return _main(argv)
