"""강사용 명령: ``python -m grader release [chNN ...]`` / ``python -m grader autograde chNN SUBMISSIONS``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from grader._exceptions import GraderError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m grader", description="딥러닝 코스북 채점기 / dlbook grader")
    p.add_argument("--root", type=Path, default=None, help="저장소 위치 (기본: 이 패키지의 저장소) / repository root")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("release", help="solutions/ → chapters/ (nbgrader generate_assignment)")
    r.add_argument("chapters", nargs="*", help="ch01 ... (생략하면 전부 / all when omitted)")
    r.add_argument("--check", action="store_true", help="쓰지 않고 chapters/가 최신인지만 검사 / only check")
    a = sub.add_parser("autograde", help="제출물 채점 / grade submissions")
    a.add_argument("chapter", help="ch01")
    a.add_argument("submissions", type=Path, help="제출물 폴더 또는 zip: <student_id>/<notebook>.ipynb, Moodle, Canvas, "
                   "nbgrader submitted/, <student_id>.ipynb / submissions folder or zip")
    a.add_argument("--out", type=Path, default=None, help="결과 폴더 (기본 grading/out/chNN) / output folder")
    a.add_argument("--workers", type=int, default=1, help="동시에 채점할 학생 수 / parallel workers")
    a.add_argument("--cell-timeout", type=int, default=120, help="셀 하나의 시간 제한(초) / per-cell timeout")
    a.add_argument("--timeout", type=int, default=900, help="학생 한 명의 시간 제한(초) / per-notebook timeout")
    a.add_argument("--cpu-seconds", type=int, default=1200, help="프로세스 하나의 CPU 시간(초) / CPU seconds")
    a.add_argument("--memory-mb", type=int, default=6144, help="학생 한 명의 메모리 합(MB) / memory per submission")
    a.add_argument("--disk-mb", type=int, default=1024,
                   help="학생 한 명이 작업 폴더와 /tmp에 쓸 수 있는 양(MB) / disk quota per submission")
    a.add_argument("--processes", type=int, default=256, help="상자 안 프로세스·스레드 수 / processes per sandbox")
    a.add_argument("--scheduler", default=None, metavar="ADDRESS",
                   help="Dask 스케줄러 주소 (예: tcp://127.0.0.1:8786): 작업을 그 클러스터의 작업자에게 보낸다 "
                        "/ send the grading jobs to a Dask distributed cluster")
    a.add_argument("--roster", type=Path, default=None, metavar="CSV",
                   help="명단 CSV (student_id, name 열): 내지 않은 학생도 missing으로 넣는다 / roster: list missing students")
    a.add_argument("--force", action="store_true",
                   help="이미 채점한 제출물도 다시 채점한다 / regrade unchanged submissions too")
    a.add_argument("--unsafe", action="store_true",
                   help="상자(bubblewrap) 없이 채점한다: 믿을 수 있는 제출물에만 / grade without the sandbox")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from grader import _paths
    root = (args.root or _paths.ROOT).resolve()
    try:
        if args.command == "release":
            from grader._release import release
            changed = release(args.chapters or None, check=args.check, root=root)
            if args.check:
                if changed:
                    print("chapters/가 solutions/와 다릅니다. `make release`를 실행하세요 / chapters/ is out of date, "
                          "run `make release`:\n  " + "\n  ".join(map(str, changed)))
                    return 1
                print("chapters/가 최신입니다 / chapters/ is up to date")
            else:
                print("학생용 노트북을 만들었습니다 / released: " + (", ".join(map(str, changed)) or "변경 없음 (no change)"))
            return 0
        from grader._autograde import Options, autograde
        opts = Options(workers=args.workers, cell_timeout=args.cell_timeout, notebook_timeout=args.timeout,
                       cpu_seconds=args.cpu_seconds, memory_mb=args.memory_mb, processes=args.processes,
                       disk_mb=args.disk_mb, roster=args.roster,
                       unsafe=args.unsafe, scheduler=args.scheduler)
        if args.unsafe:
            print("경고: 상자 없이 채점합니다 (--unsafe). 학생 코드가 이 계정의 권한으로 실행됩니다 "
                  "/ warning: grading without a sandbox", file=sys.stderr)
        rows = autograde(args.chapter, args.submissions, args.out, opts, root=root, force=args.force)
        out = args.out or _paths.grading_dir(root) / "out" / args.chapter
        print(f"채점 완료: 학생 {len(rows)}명 → {out}/grades.csv, {out}/lms_grades.csv, {out}/report.html, {out}/feedback/ "
              f"/ graded {len(rows)} students")
        return 0
    except GraderError as exc:
        print(f"오류 / error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("중단되었습니다 / interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
