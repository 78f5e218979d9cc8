"""`make bench`: 수치를 출력한다 (통과/실패 없음). 결과는 bench/out/latest.json 에도 남긴다.

일부만 재려면: `.venv/bin/python bench/run.py --only chapters grading --chapters ch02` (bench/out/partial.json).

- 장마다 실행 시간 (강사용 노트북, 2코어 CPU에서 목표 90초 이하)과 노트북이 출력한 재현 수치
- tf.function 대 즉시 실행(eager) 속도
- 옵티마이저 탐색기 다시 그리기 시간, CPU 행렬 곱 GFLOP/s
- 채점 처리량 (학생 한 명당 초)
- 6장 MNIST CNN을 더 오래 학습한 시험 정확도 (장 안에서는 1 에포크)
- 11장 MovieLens 100k 5겹 교차 검증: 중첩으로 고른 행렬 분해, Surprise SVD와 SVD++ (bench_recsys.py)
- 10장 CartPole의 DQN과 Double DQN을 시드 5개로 (장 안에서는 시드 하나)
- 책 빌드 시간 (처음 / 캐시 후)
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
os.environ["PYTHONHASHSEED"] = "0"

# 노트북 출력에서 골라 보여 줄 줄: 손실·RMSE·정확도·속도 수치 (연습문제 테스트의 "통과:" 줄은 빼고)
FIGURE_LINE = re.compile(r"(RMSE|MAE|MSE|손실|정확도|accuracy|AUC|양자화 오차|quantization|관성|inertia|속도 향상|speed-?up"
                         r"|에피소드 평균|정책 일치|거리|모드)", re.I)


def chapter_runs(chapters: list[str]) -> dict:
    import nbformat
    from nbclient import NotebookClient
    from grader import _paths
    out = {}
    for chapter in chapters:
        path = _paths.source_notebook(chapter, ROOT)
        nb = nbformat.read(path, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=600, kernel_name="python3",
                       resources={"metadata": {"path": str(path.parent)}}).execute()
        seconds = time.perf_counter() - start
        lines, noise = [], []
        for i, cell in enumerate(nb.cells):
            for o in cell.get("outputs", []):
                if o.get("output_type") == "stream" and o.get("name") == "stdout":
                    lines += [ln.strip() for ln in o["text"].splitlines()
                              if FIGURE_LINE.search(ln) and not ln.startswith("통과:")]
                elif o.get("output_type") == "stream" and o.get("name") == "stderr":
                    noise.append(f"셀 {i}: {o['text'][:120]!r}")   # 책 빌드(-W)가 실패할 잡음
        out[chapter] = {"seconds": round(seconds, 1), "figures": lines, "stderr": noise}
        print(f"[{chapter}] 실행 시간 {seconds:.1f} s (목표 ≤ 90 s)")
        for ln in lines:
            print(f"    {ln}")
        for ln in noise:
            print(f"    경고: stderr 출력 / stderr output: {ln}")
    return out


def tf_function_speedup() -> dict:
    import dlbook
    dlbook.setup(seed=0, fonts=False)
    import tensorflow as tf

    def many_small_ops(x):
        for _ in range(50):
            x = tf.tanh(x) * 0.5 + 0.1
        return tf.reduce_sum(x)

    x = tf.random.normal((64, 64))
    graph = tf.function(many_small_ops)
    graph(x)  # 추적(tracing)은 재지 않는다

    def best(f, n=200, repeats=5):
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            for _ in range(n):
                f(x)
            times.append((time.perf_counter() - t) / n)
        return min(times)

    eager, graphed = best(many_small_ops), best(graph)
    print(f"[tf.function] 작은 연산 100개: 즉시 실행 {eager * 1e3:.2f} ms, tf.function {graphed * 1e3:.2f} ms "
          f"→ {eager / graphed:.1f}배")
    return {"eager_ms": eager * 1e3, "graph_ms": graphed * 1e3, "speedup": eager / graphed}


def widgets() -> dict:
    try:
        sys.path.insert(0, str(ROOT / "bench"))
        import bench_widgets
    except ImportError as exc:
        print(f"[위젯] 건너뜀: {exc}")
        return {}
    result = bench_widgets.run()
    for k, v in result.items():
        print(f"[위젯] {k}: {v}")
    return result


def grading_throughput(chapters: list[str], n_students: int = 4, workers: tuple[int, ...] = (1, 2)) -> dict:
    """기준 답 노트북을 학생 n명의 제출로 삼아 작업자 수마다 채점 시간을 잰다 (학생당 시간 = 전체 ÷ 학생 수)."""
    from grader import _paths
    from grader._autograde import Options, autograde
    out = {}
    for chapter in chapters:
        source = _paths.source_notebook(chapter, ROOT)
        for n_workers in workers:
            with tempfile.TemporaryDirectory() as tmp:
                subs = Path(tmp) / "subs"
                for i in range(n_students):
                    (subs / f"student{i:02d}").mkdir(parents=True)
                    shutil.copy(source, subs / f"student{i:02d}" / source.name)
                start = time.perf_counter()
                rows = autograde(chapter, subs, Path(tmp) / "out", Options(workers=n_workers), root=ROOT,
                                 progress=lambda *_: None)
                seconds = time.perf_counter() - start
            full = sum(r["total"] == r["max_total"] for r in rows)
            out[f"{chapter}/workers{n_workers}"] = {"students": n_students, "workers": n_workers,
                                                   "seconds": round(seconds, 1),
                                                   "per_student": round(seconds / n_students, 1), "full_marks": full}
            print(f"[채점 {chapter}] 학생 {n_students}명, 작업자 {n_workers}: {seconds:.1f} s "
                  f"(학생당 {seconds / n_students:.1f} s, 만점 {full}/{n_students})")
    return out


def grading_vs_nbgrader(chapter: str = "ch01", n_students: int = 4) -> dict:
    """같은 제출물을 plain nbgrader(순서대로, 상자 없음)와 우리 채점기(상자 없음/상자, 작업자 1·2)로 채점한다.

    상자 비용 = 상자 작업자 1의 학생당 시간 ÷ --unsafe 작업자 1의 학생당 시간 − 1 (목표 ≤ 25%).
    plain nbgrader는 제출한 노트북 전체(시연 셀 포함)를 실행하고, 우리는 준비·답안·테스트 셀만 실행한다.
    """
    import os

    from grader import _nbgrader, _paths
    from grader._autograde import Options, autograde
    source = _paths.source_notebook(chapter, ROOT)
    students = [f"student{i:02d}" for i in range(n_students)]
    out: dict = {"chapter": chapter, "students": n_students}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        subs = tmp / "subs"
        for sid in students:
            (subs / sid).mkdir(parents=True)
            shutil.copy(source, subs / sid / source.name)
        # plain nbgrader: 강사의 계정, 학생 코드와 같은 커널에서 테스트, 한 명씩
        course = tmp / "course"
        _nbgrader.generate_assignment(course, chapter, source)
        for sid in students:
            (course / "submitted" / sid / chapter).mkdir(parents=True)
            shutil.copy(source, course / "submitted" / sid / chapter / source.name)
        config = _nbgrader.course_config(course, timeout=600)
        os.environ["DLBOOK_HIDDEN_DIR"] = str(source.parent)
        start = time.perf_counter()
        for sid in students:
            _nbgrader.autograde(course, chapter, sid, config)
        plain = time.perf_counter() - start
        os.environ.pop("DLBOOK_HIDDEN_DIR")
        full = sum(sum(s for s, _ in _nbgrader.scores(course, chapter, sid, source.stem).values()) ==
                   sum(m for _, m in _nbgrader.scores(course, chapter, sid, source.stem).values()) for sid in students)
        out["plain_nbgrader"] = {"seconds": round(plain, 1), "per_student": round(plain / n_students, 1),
                                 "full_marks": full}
        print(f"[채점 비교 {chapter}] plain nbgrader (순서대로, 상자 없음): {plain:.1f} s "
              f"(학생당 {plain / n_students:.1f} s, 만점 {full}/{n_students})")
        for label, unsafe, workers in (("ours_unsafe_1", True, 1), ("ours_sandbox_1", False, 1),
                                       ("ours_sandbox_2", False, 2)):
            start = time.perf_counter()
            rows = autograde(chapter, subs, tmp / f"out-{label}", Options(workers=workers, unsafe=unsafe),
                             root=ROOT, progress=lambda *_: None)
            seconds = time.perf_counter() - start
            full = sum(r["total"] == r["max_total"] for r in rows)
            out[label] = {"seconds": round(seconds, 1), "per_student": round(seconds / n_students, 1),
                          "full_marks": full}
            print(f"[채점 비교 {chapter}] 우리 채점기 {label}: {seconds:.1f} s (학생당 {seconds / n_students:.1f} s, "
                  f"만점 {full}/{n_students})")
    overhead = out["ours_sandbox_1"]["seconds"] / out["ours_unsafe_1"]["seconds"] - 1
    speedup = out["plain_nbgrader"]["seconds"] / out["ours_sandbox_2"]["seconds"]
    out["sandbox_overhead"] = round(overhead, 3)
    out["speedup_2_workers_vs_plain"] = round(speedup, 2)
    print(f"[채점 비교 {chapter}] 상자 비용 {overhead:+.1%} (목표 ≤ 25%), "
          f"작업자 2의 속도 향상 {speedup:.2f}× (plain nbgrader 대비, 목표 ≥ 1.7×)")
    return out


def mnist_long(epochs: int = 8) -> dict:
    """6-10절의 CNN을 더 오래 학습한 MNIST 시험 정확도 (장 안에서는 1 에포크)."""
    import dlbook
    dlbook.setup(seed=42, fonts=False)
    from dlbook.cnn import train_mnist_cnn
    from dlbook.data import load_mnist
    data = load_mnist()
    out = {}
    # 장의 모델 그대로 1·8 에포크, 그리고 Dense 128 + 드롭아웃 0.25로 규제한 같은 구조 8 에포크
    runs = {f"{n}_epochs": (n, {}) for n in (1, epochs)}
    runs[f"{epochs}_epochs_dropout"] = (epochs, {"dense_units": 128, "dropout": 0.25})
    for name, (n, kwargs) in runs.items():
        result = train_mnist_cnn(epochs=n, seed=42, data=data, **kwargs)
        out[name] = {"test_accuracy": round(float(result["test_accuracy"]), 4),
                     "seconds": round(float(result["seconds"]), 1), **kwargs}
        print(f"[MNIST CNN {name}] 시험 정확도 {result['test_accuracy']:.4f} "
              f"(오류율 {100 * (1 - result['test_accuracy']):.2f}%), 학습 {result['seconds']:.1f} s")
    return out


def recsys_cv() -> dict:
    """11장: 같은 다섯 조각에서 우리 행렬 분해(조각마다 중첩 선택)와 Surprise SVD, SVD++ (bench_recsys.py)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import bench_recsys
    return bench_recsys.run()


def cartpole_seeds() -> dict:
    """10장: CartPole의 DQN과 Double DQN을 시드 다섯 개로 (rl_cartpole.py)."""
    sys.path.insert(0, str(ROOT / "bench"))
    import rl_cartpole
    return rl_cartpole.cartpole_seeds()


def book_build() -> dict:
    result = {}
    for label, clean in (("cold", True), ("warm", False)):
        if clean:  # 처음 빌드: 책 출력과 실행 캐시를 지워 노트북부터 다시 실행한다
            shutil.rmtree(ROOT / "_build", ignore_errors=True)
            shutil.rmtree(ROOT / ".jupyter_cache", ignore_errors=True)
        start = time.perf_counter()
        proc = subprocess.run([sys.executable, str(ROOT / "tools" / "book.py"), "build"], cwd=ROOT,
                              capture_output=True, text=True)
        seconds = time.perf_counter() - start
        result[label] = round(seconds, 1)
        print(f"[책 빌드 {label}] {seconds:.1f} s (종료 코드 {proc.returncode})")
    return result


PARTS = ("chapters", "tf_function", "widgets", "grading", "grading_vs_nbgrader", "mnist", "recsys", "cartpole", "book")


def main(argv: list[str] | None = None) -> int:
    import argparse

    from grader import _paths
    every = _paths.all_chapters(ROOT)
    parser = argparse.ArgumentParser(description="딥러닝 코스북 벤치마크 (수치만 출력한다) / prints figures")
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS),
                        help="잴 항목 (기본: 전부) / parts to measure")
    parser.add_argument("--chapters", nargs="+", choices=every, default=every,
                        help="장 실행과 채점을 잴 장 (기본: 전부) / chapters to run and grade")
    args = parser.parse_args(argv)
    runs = {
        "chapters": lambda: chapter_runs(args.chapters),
        "tf_function": tf_function_speedup,
        "widgets": widgets,
        "grading": lambda: grading_throughput(args.chapters),
        "grading_vs_nbgrader": lambda: grading_vs_nbgrader(args.chapters[0] if args.chapters else "ch01"),
        "mnist": mnist_long,
        "recsys": recsys_cv,
        "cartpole": cartpole_seeds,
        "book": book_build,
    }
    figures = {part: runs[part]() for part in PARTS if part in args.only}
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    name = "latest.json" if set(args.only) == set(PARTS) and args.chapters == every else "partial.json"
    (out / name).write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"→ {out / name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
