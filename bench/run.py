"""`make bench`: storeops measured against the raw-scan floor, one new day and a pandas peer (issue 7).

    python bench/run.py [--scales 1 10] [--runs 3] [--workdir DIR] [--keep]

Per scale and run, in a fresh folder under a temporary work folder (never the repository's
exports/ or warehouse/):

1. generate   `storeops generate --scale S` (the demo exports, 365 days);
2. floor      DuckDB `count(*)` over every export with the landing's reader (bench/floor.py);
3. full build `storeops build` on a new working file, as `make build` runs it; the stages are
              taken from its own timings (validate, dbt build, publish) and dbt's run_results.json
              (land = the `landed_files` model; models and tests as busy time);
4. peer       the three core marts in plain pandas (bench/peer_pandas.py), compared with the
              warehouse's marts on the first run (bench/compare.py);
5. one day    the generator's next day copied in as new files, then `storeops build` again.

Every command runs as a child process: its wall time, its peak RSS (wait4's ru_maxrss, the largest
single process) and the process tree's RSS sampled every 0.1 s per stage. Each figure is the median
over the runs. dbt runs from a shadow project (symlinks to this repository's dbt files) so that
dbt's target/, logs/ and Great Expectations' Data Docs stay in the work folder.
Writes bench/results.md (and the raw figures as bench/results.json) and prints the table.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
BIN = Path(sys.executable).parent
STOREOPS = str(BIN / "storeops")
DBT = str(BIN / "dbt")
START = date(2024, 1, 1)
NOT_SHADOWED = {".git", ".venv", "target", "logs", "warehouse", "exports", "bench", "dbt_packages", "__pycache__"}
GB = 1024**3

# issue 7 item 4, at x10
TARGET_SCALE = 10.0
TARGET_FLOOR_RATIO = 5.0
TARGET_INCREMENTAL = 0.10
TARGET_PEAK_BYTES = 4 * GB


# --------------------------------------------------------------------------------------- measuring


@dataclass
class Measured:
    """One child process: wall time, exit code, peak RSS, sampled peak per stage, its output."""

    seconds: float
    code: int
    max_rss: int  # bytes, the largest single process (wait4)
    cpu_seconds: float  # user + system, the process and its children (wait4)
    stage_rss: dict[str, int] = field(default_factory=dict)  # bytes, process tree sum, sampled
    child_rss: dict[str, int] = field(default_factory=dict)  # bytes, the descendants alone (dbt), sampled
    output: str = ""


def tree_rss(pid: int) -> tuple[int, int]:
    """Resident bytes of a process, and of all its descendants together (0 once gone)."""
    own = children = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
            rss = int(match.group(1)) * 1024 if match else 0
            if current == pid:
                own = rss
            else:
                children += rss
            for task in Path(f"/proc/{current}/task").iterdir():
                todo.extend(int(c) for c in (task / "children").read_text().split())
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
    return own, children


def run(command: list[str], env: dict[str, str], cwd: Path, log: Path,
        stage_of: Callable[[str], str | None] = lambda line: None) -> Measured:
    """Run a command to completion, logging its output; raise if it fails."""
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, bufsize=1, errors="replace")
    state = {"stage": "start"}
    peaks: dict[str, int] = {}
    child_peaks: dict[str, int] = {}
    done = threading.Event()
    lines: list[str] = []

    log.parent.mkdir(parents=True, exist_ok=True)
    sink = log.open("w")
    sink.write(f"$ {' '.join(command)}\n")

    def read() -> None:  # the log is written as the output comes: `tail -f` it to follow a long build
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            sink.write(line)
            sink.flush()
            stage = stage_of(line)
            if stage:
                state["stage"] = stage

    def sample() -> None:
        while not done.wait(0.1):
            stage = state["stage"]
            own, children = tree_rss(proc.pid)
            peaks[stage] = max(peaks.get(stage, 0), own + children)
            child_peaks[stage] = max(child_peaks.get(stage, 0), children)

    threads = [threading.Thread(target=read, daemon=True), threading.Thread(target=sample, daemon=True)]
    for t in threads:
        t.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    for t in threads:
        t.join()
    sink.close()
    output = "".join(lines)
    measured = Measured(seconds, proc.returncode, usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime, peaks,
                        child_peaks, output)
    if proc.returncode != 0:
        tail = "\n".join(output.splitlines()[-30:])
        raise RuntimeError(f"{' '.join(command[:3])} failed with exit code {proc.returncode} (log: {log}):\n{tail}")
    return measured


# ------------------------------------------------------------------------------------- environment


def shadow_project(workdir: Path) -> Path:
    """A project folder of symlinks to this repository's dbt files: target/, logs/ and Data Docs land in it."""
    shadow = workdir / "project"
    shadow.mkdir(parents=True, exist_ok=True)
    for entry in REPO.iterdir():
        if entry.name not in NOT_SHADOWED and not (shadow / entry.name).exists():
            (shadow / entry.name).symlink_to(entry)
    return shadow


def storeops_env(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["STOREOPS_EXPORTS"] = str(folder / "exports")
    env["STOREOPS_WAREHOUSE"] = str(folder / "published" / "storeops.duckdb")
    env["STOREOPS_WORKFILE"] = str(folder / "published" / "build" / "storeops.duckdb")
    env["STOREOPS_TEMP_DIR"] = str(folder / "duckdb_tmp")  # DuckDB's spill folder (profiles.yml)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def dbt_flags(shadow: Path) -> list[str]:
    return ["--target-path", str(shadow / "target"), "--log-path", str(shadow / "logs")]


# ------------------------------------------------------------------------------------------ stages


BUILD_STAGES = (("validate", "validate"), ("dbt build", "dbt"), ("publish", "publish"), ("generate", "generate"))


def build_stage_of(line: str) -> str | None:
    """The stage `storeops build` enters (`==> ...`) or leaves (`    ...: 1.2 s`) on this output line."""
    if line.startswith("==> "):
        return next((label for prefix, label in BUILD_STAGES if line[4:].startswith(prefix)), "other")
    if re.match(r"^    .*: [0-9]+\.[0-9] s$", line.rstrip("\n")):
        return "other"
    return None


def build_stage_seconds(output: str) -> dict[str, float]:
    """Seconds per stage as `storeops build` prints them."""
    out: dict[str, float] = {}
    for match in re.finditer(r"^    (.*): ([0-9]+\.[0-9]+) s$", output, re.M):
        label = next((lab for prefix, lab in BUILD_STAGES if match.group(1).startswith(prefix)), None)
        if label:
            out[label] = out.get(label, 0.0) + float(match.group(2))
    return out


def busy_seconds(intervals: Iterable[tuple[float, float]]) -> float:
    """Length of the union of time intervals."""
    total, end = 0.0, float("-inf")
    for start, stop in sorted(intervals):
        if stop <= end:
            continue
        total += stop - max(start, end)
        end = stop
    return total


def dbt_split(run_results: Path) -> dict[str, float | int]:
    """From dbt's run_results.json: land (landed_files), models and tests (busy time), node counts, elapsed."""
    data = json.loads(run_results.read_text())
    spans: dict[str, list[tuple[float, float]]] = {"land": [], "models": [], "tests": [], "all": []}
    counts: dict[str, int] = {}
    slowest = sorted(data["results"], key=lambda r: -float(r.get("execution_time") or 0))[:6]
    for result in data["results"]:
        kind = result["unique_id"].split(".")[0]
        counts[kind] = counts.get(kind, 0) + 1
        counts[f"status_{result['status']}"] = counts.get(f"status_{result['status']}", 0) + 1
        times = [(datetime.fromisoformat(t["started_at"].replace("Z", "+00:00")).timestamp(),
                  datetime.fromisoformat(t["completed_at"].replace("Z", "+00:00")).timestamp())
                 for t in result.get("timing", []) if t.get("started_at") and t.get("completed_at")]
        if not times:
            continue
        span = (min(s for s, _ in times), max(e for _, e in times))
        group = "land" if result["unique_id"].endswith(".landed_files") else (
            "models" if kind in ("model", "seed", "snapshot") else "tests")
        spans[group].append(span)
        spans["all"].append(span)
    out: dict[str, float | int] = {k: round(busy_seconds(v), 3) for k, v in spans.items()}
    out["elapsed"] = round(float(data.get("elapsed_time", 0.0)), 3)
    out["slowest"] = [f"{r['unique_id'].split('.')[-1]} {float(r['execution_time']):.1f} s" for r in slowest]  # type: ignore[assignment]
    out.update({f"n_{k}": v for k, v in counts.items()})
    return out


def timed_build(folder: Path, shadow: Path, log: Path) -> dict[str, object]:
    """`storeops build` as `make build` runs it, with its stages."""
    load = round(os.getloadavg()[0], 2)
    m = run([STOREOPS, "build", "--", *dbt_flags(shadow)], storeops_env(folder), shadow, log, build_stage_of)
    stages = build_stage_seconds(m.output)
    split = dbt_split(shadow / "target" / "run_results.json")
    dbt = stages.get("dbt", 0.0)
    return {
        "seconds": round(m.seconds, 3), "cpu_seconds": round(m.cpu_seconds, 3), "load_at_start": load,
        "max_rss": m.max_rss, "stage_rss": m.stage_rss,
        "peak_rss": max([m.max_rss, *m.stage_rss.values()]),
        "dbt_process_rss": m.child_rss.get("dbt", 0),
        "validate": stages.get("validate", 0.0), "dbt": dbt, "publish": stages.get("publish", 0.0),
        "land": split["land"], "models": split["models"], "tests": split["tests"],
        "dbt_overhead": round(dbt - float(split["all"]), 3),
        "other": round(m.seconds - stages.get("validate", 0.0) - dbt - stages.get("publish", 0.0), 3),
        "dbt_nodes": {k: v for k, v in split.items() if k.startswith("n_")},
        "slowest_nodes": split["slowest"],
    }


def append_next_day(folder: Path, scale: float, seed: int, days: int) -> dict[str, int]:
    """Generate the day after the history and copy its files in under new names (nothing overwritten)."""
    next_day = START + timedelta(days=days)
    day_dir = folder / "next_day"
    subprocess.run([STOREOPS, "generate", "--seed", str(seed), "--scale", str(scale), "--start",
                    next_day.isoformat(), "--days", "1", "--out", str(day_dir), "--quiet"], check=True,
                   capture_output=True)
    copied = size = 0
    for path in sorted(p for p in day_dir.rglob("*") if p.is_file()):
        rel = path.relative_to(day_dir)
        target = folder / "exports" / rel.parent / f"{path.stem}_day{next_day.isoformat()}{path.suffix}"
        shutil.copyfile(path, target)
        copied += 1
        size += path.stat().st_size
    shutil.rmtree(day_dir)
    return {"files": copied, "bytes": size}


def one_run(scale: float, run_no: int, args: argparse.Namespace, shadow: Path, compare_peer: bool) -> dict[str, object]:
    """Every figure of one run at one scale."""
    folder = args.workdir / f"x{scale:g}" / f"run{run_no}"
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    logs = folder / "logs"
    env = storeops_env(folder)
    result: dict[str, object] = {"scale": scale, "run": run_no, "load_before": os.getloadavg()}
    run_started = time.perf_counter()

    say(f"x{scale:g} run {run_no}: generate")
    load = round(os.getloadavg()[0], 2)
    m = run([STOREOPS, "generate", "--seed", str(args.seed), "--scale", str(scale), "--start", START.isoformat(),
             "--days", str(args.days), "--out", str(folder / "exports"), "--quiet"], env, REPO, logs / "generate.log")
    result["generate"] = {"seconds": round(m.seconds, 3), "cpu_seconds": round(m.cpu_seconds, 3), "max_rss": m.max_rss,
                          "load_at_start": load}

    say(f"x{scale:g} run {run_no}: floor")
    load = round(os.getloadavg()[0], 2)
    m = run([sys.executable, str(BENCH / "floor.py"), str(folder / "exports")], env, REPO, logs / "floor.log")
    result["floor"] = json.loads(m.output.strip().splitlines()[-1]) | {"max_rss": m.max_rss, "load_at_start": load}

    say(f"x{scale:g} run {run_no}: full build")
    result["build"] = timed_build(folder, shadow, logs / "build.log")
    result["landed"] = landed_rows(folder / "published" / "storeops.duckdb")

    if not args.no_peer:
        say(f"x{scale:g} run {run_no}: pandas peer")
        load = round(os.getloadavg()[0], 2)
        m = run([sys.executable, str(BENCH / "peer_pandas.py"), str(folder / "exports"), "--out", str(folder / "peer")],
                env, REPO, logs / "peer.log")
        result["peer"] = {"seconds": round(m.seconds, 3), "cpu_seconds": round(m.cpu_seconds, 3), "max_rss": m.max_rss,
                          "load_at_start": load} | json.loads(m.output.strip().splitlines()[-1])
        if compare_peer:
            m = run([sys.executable, str(BENCH / "compare.py"), str(folder / "published" / "storeops.duckdb"),
                     str(folder / "peer")], env, REPO, logs / "compare.log")
            result["peer_check"] = json.loads(m.output)

    if not args.no_incremental:
        say(f"x{scale:g} run {run_no}: one more day")
        result["next_day"] = append_next_day(folder, scale, args.seed, args.days)
        result["incremental"] = timed_build(folder, shadow, logs / "incremental.log")
        result["landed_after_day"] = landed_rows(folder / "published" / "storeops.duckdb")

    result["load_after"] = os.getloadavg()
    result["run_seconds"] = round(time.perf_counter() - run_started, 1)
    (folder / "figures.json").write_text(json.dumps(result, indent=2, ensure_ascii=False))
    if not args.keep:
        shutil.rmtree(folder / "exports")
        shutil.rmtree(folder / "published")
    return result


def landed_rows(warehouse: Path) -> dict[str, int]:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        row = con.execute('select count(*), sum("rows") from raw._files').fetchone()
        return {"files": int(row[0]), "rows": int(row[1] or 0)} if row else {}
    finally:
        con.close()


def say(message: str) -> None:
    print(f"[bench {datetime.now().strftime('%H:%M:%S')}] {message}", flush=True)


# ---------------------------------------------------------------------------------------- summary


def median(runs: list[dict[str, object]], *path: str) -> float | None:
    values = []
    for r in runs:
        value: object = r
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if isinstance(value, (int, float)):
            values.append(float(value))
    return statistics.median(values) if values else None


def summarise(runs: list[dict[str, object]]) -> dict[str, object]:
    """The median of every figure over the runs of one scale."""
    def med(*path: str) -> float | None:
        return median(runs, *path)

    s: dict[str, object] = {"runs": len(runs)}
    for stage in ("seconds", "validate", "land", "models", "tests", "dbt_overhead", "dbt", "publish", "other", "max_rss",
                  "peak_rss", "dbt_process_rss"):
        s[f"build_{stage}"] = med("build", stage)
        s[f"incremental_{stage}"] = med("incremental", stage)
    for key in ("seconds", "max_rss", "cpu_seconds", "load_at_start"):
        s[f"generate_{key}"] = med("generate", key)
        s[f"peer_{key}"] = med("peer", key)
        s[f"build_{key}"] = med("build", key)
        s[f"incremental_{key}"] = med("incremental", key)
    s["floor_load_at_start"] = med("floor", "load_at_start")
    s["floor_seconds"] = med("floor", "scan_seconds")
    s["floor_inspect_seconds"] = med("floor", "inspect_seconds")
    s["floor_transcoded_gbk_seconds"] = med("floor", "transcoded_gbk_seconds")
    for encoding in ("gb18030", "utf-8"):
        s[f"floor_{encoding}_seconds"] = med("floor", "by_encoding", encoding, "scan_seconds")
        s[f"floor_{encoding}_bytes"] = med("floor", "by_encoding", encoding, "bytes")
    for stage in ("validate", "dbt", "publish", "other", "start"):
        s[f"rss_{stage}"] = med("build", "stage_rss", stage)
    for key in ("files", "bytes", "rows"):
        s[f"exports_{key}"] = med("floor", key)
    s["ratio_floor"] = ratio(s["build_seconds"], s["floor_seconds"])
    # the floor as the build reads: GBK decoded by Python first (the what-if), UTF-8 scanned
    s["ratio_own_reader"] = ratio(s["build_seconds"], add(s["floor_transcoded_gbk_seconds"], s["floor_utf-8_seconds"]))
    s["ratio_incremental"] = median([{"f": ratio(med_of(r, "incremental", "seconds"), med_of(r, "build", "seconds"))}
                                     for r in runs], "f")
    s["ratio_peer"] = ratio(s["peer_seconds"], s["build_seconds"])
    # the peer has no incremental mode: an analyst reruns it over every file each day
    s["ratio_peer_daily"] = ratio(s["peer_seconds"], s["incremental_seconds"])
    s["ratio_incremental_cpu"] = median([{"f": ratio(med_of(r, "incremental", "cpu_seconds"),
                                                     med_of(r, "build", "cpu_seconds"))} for r in runs], "f")
    s["ratio_peer_cpu"] = ratio(s["peer_cpu_seconds"], s["build_cpu_seconds"])
    first = runs[0]
    s["dbt_nodes"] = first.get("build", {}).get("dbt_nodes", {}) if isinstance(first.get("build"), dict) else {}
    s["peer_check"] = first.get("peer_check")
    s["slowest_nodes"] = first.get("build", {}).get("slowest_nodes") if isinstance(first.get("build"), dict) else None
    s["incremental_slowest_nodes"] = (first.get("incremental", {}).get("slowest_nodes")
                                      if isinstance(first.get("incremental"), dict) else None)
    s["peer_rows"] = first.get("peer", {}).get("rows") if isinstance(first.get("peer"), dict) else None
    s["next_day"] = first.get("next_day")
    s["landed"] = first.get("landed")
    s["landed_after_day"] = first.get("landed_after_day")
    s["load"] = [r.get("load_before") for r in runs] + [runs[-1].get("load_after")]
    s["run_seconds"] = med("run_seconds")
    return s


def med_of(r: dict[str, object], *path: str) -> float | None:
    return median([r], *path)


def ratio(a: object, b: object) -> float | None:
    if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b:
        return float(a) / float(b)
    return None


# ------------------------------------------------------------------------------------------ report


def machine() -> dict[str, str]:
    import dbt.version
    import duckdb
    import pandas

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor() or "unknown")
    mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))  # type: ignore[union-attr]
    commit = git("rev-parse", "--short", "HEAD")
    # the benchmark's own files (bench/) do not change what it measures
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench")
    try:
        from importlib.metadata import version

        adapter = version("dbt-duckdb")
    except Exception:  # noqa: BLE001
        adapter = "?"
    return {
        "cpu": cpu, "cores": str(os.cpu_count()), "ram": f"{mem_kb / 1024**2:.1f} GiB",
        "python": platform.python_version(), "duckdb": duckdb.__version__, "dbt": dbt.version.__version__,
        "dbt_duckdb": adapter, "pandas": pandas.__version__,
        "commit": commit + (" with uncommitted changes outside bench/: " + ", ".join(
            line[3:] for line in dirty.splitlines()) if dirty else ""),
        "commit_start": commit,
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True).stdout.strip()


def tree_changes(start: str, end: str) -> str:
    """How the measured code changed between two commits (bench/ excluded)."""
    changed = git("diff", "--name-only", start, end, "--", ".", ":!bench").splitlines()
    if not changed:
        return f"; {end} at the end, with changes to bench/ only"
    return f"; {end} at the end: the tree changed during the run ({', '.join(changed[:8])})"


def secs(value: object) -> str:
    return f"{value:,.1f} s" if isinstance(value, (int, float)) else "n/a"


def gib(value: object) -> str:
    return f"{value / GB:.2f} GiB" if isinstance(value, (int, float)) and value else "n/a"


def times(value: object) -> str:
    if not isinstance(value, (int, float)):
        return "n/a"
    return f"{value:.1f} ×" if value >= 1 else f"{value:.2f} ×"


def load(value: object) -> str:
    return f"{value:.1f}" if isinstance(value, (int, float)) else ""


def faster(peer_ratio: object) -> str:
    if isinstance(peer_ratio, (int, float)) and 0 < peer_ratio < 1:
        return f" (the peer is {1 / peer_ratio:.1f}× faster)"
    return ""


def pct(value: object) -> str:
    return f"{value:.0%}" if isinstance(value, (int, float)) else "n/a"


def share(part: object, whole: object) -> str:
    r = ratio(part, whole)
    return f"{r:.0%}" if r is not None else ""


def scale_table(scale: float, s: dict[str, object]) -> list[str]:
    build = s["build_seconds"]
    mb = (s["exports_bytes"] or 0) / 1e6  # type: ignore[operator]
    gbk = (s.get("floor_gb18030_bytes") or 0) / 1e6  # type: ignore[operator]
    def line(stage: str, time: str, part: str = "", rss: str = "", cpu: str = "", load: str = "") -> str:
        return f"| {stage} | {time} | {part} | {rss} | {cpu} | {load} |"

    rows = [
        f"### ×{scale:g}: {s['exports_files'] or 0:.0f} export files, {mb:,.0f} MB ({gbk:,.0f} MB of it GBK), "
        f"{s['exports_rows'] or 0:,.0f} rows; median of {s['runs']} run(s)",
        "",
        "| stage | wall time | share of full build | peak RSS | CPU time (user + sys) | load at start |",
        "|---|---:|---:|---:|---:|---:|",
        line("generate demo exports (not part of the build)", secs(s["generate_seconds"]), "",
             gib(s["generate_max_rss"]), secs(s["generate_cpu_seconds"]), load(s["generate_load_at_start"])),
        line("**floor**: DuckDB `count(*)` over every file, landing's reader", secs(s["floor_seconds"]),
             load=load(s["floor_load_at_start"])),
        line("&nbsp;&nbsp;of which GBK (GB18030) files", secs(s.get("floor_gb18030_seconds"))),
        line("&nbsp;&nbsp;of which UTF-8 files", secs(s.get("floor_utf-8_seconds"))),
        line("&nbsp;&nbsp;what-if: the GBK files decoded by Python to UTF-8 first, then scanned",
             f"{secs(s.get('floor_transcoded_gbk_seconds'))} instead of {secs(s.get('floor_gb18030_seconds'))}"),
        line("build: validate (Great Expectations)", secs(s["build_validate"]), share(s["build_validate"], build),
             gib(s["rss_validate"])),
        line("build: land (dbt model `landed_files`)", secs(s["build_land"]), share(s["build_land"], build)),
        line("build: dbt models (busy time)", secs(s["build_models"]), share(s["build_models"], build)),
        line("build: dbt data + unit tests (busy time)", secs(s["build_tests"]), share(s["build_tests"], build)),
        line("build: dbt start-up, parse, gaps", secs(s["build_dbt_overhead"]), share(s["build_dbt_overhead"], build)),
        line("build: dbt stage in all (land + models + tests)", secs(s["build_dbt"]), share(s["build_dbt"], build),
             f"{gib(s['rss_dbt'])} (dbt itself {gib(s['build_dbt_process_rss'])})"),
        line("build: publish", secs(s["build_publish"]), share(s["build_publish"], build), gib(s["rss_publish"])),
        line("build: other (Python start-up, landed-file check)", secs(s["build_other"]), share(s["build_other"], build)),
        line("**full build** (`storeops build`)", f"**{secs(build)}**", "100%",
             f"**{gib(s['build_peak_rss'])}** (largest process {gib(s['build_max_rss'])})",
             secs(s["build_cpu_seconds"]), load(s["build_load_at_start"])),
        line("**ratio full build / floor**", f"**{times(s['ratio_floor'])}**"),
        line("&nbsp;&nbsp;the same against the build's own reader (GBK decoded by Python first: what-if + UTF-8 "
             "scan)", times(s.get("ratio_own_reader"))),
        line("one more day, rebuilt (`storeops build` again)", secs(s["incremental_seconds"]),
             f"**{pct(s['ratio_incremental'])}** of a full build (CPU time: {pct(s['ratio_incremental_cpu'])})",
             gib(s["incremental_peak_rss"]), secs(s["incremental_cpu_seconds"]), load(s["incremental_load_at_start"])),
        line("&nbsp;&nbsp;of which validate / land / models / tests",
             f"{secs(s['incremental_validate'])} / {secs(s['incremental_land'])} / {secs(s['incremental_models'])} / "
             f"{secs(s['incremental_tests'])}"),
        line("pandas peer, three marts (bench/peer_pandas.py)", secs(s["peer_seconds"]),
             f"**{times(s['ratio_peer'])}** storeops' time{faster(s['ratio_peer'])}", gib(s["peer_max_rss"]),
             secs(s["peer_cpu_seconds"]), load(s["peer_load_at_start"])),
        "",
    ]
    rows += peer_lines(s)
    nodes = s.get("dbt_nodes") or {}
    if nodes:
        counted = ", ".join(f"{v} {k[2:]}" for k, v in sorted(nodes.items()) if not k.startswith("n_status"))
        status = ", ".join(f"{v} {k[9:]}" for k, v in sorted(nodes.items()) if k.startswith("n_status"))
        rows.append(f"dbt nodes: {counted} ({status}). Peak RSS: the process tree (`storeops build` and its dbt "
                    "child together), sampled every 0.1 s per stage, or the largest single process (wait4's "
                    "ru_maxrss) if higher.")
    if s.get("slowest_nodes"):
        rows.append(f"Slowest dbt nodes of the full build (first run): {', '.join(s['slowest_nodes'])}.")  # type: ignore[arg-type]
    land = ratio(s["build_land"], s["floor_seconds"])
    if land is not None:
        rows.append(f"Landing alone takes {land:.1f} × the floor (it reuses validation's hashes and reads GBK files "
                    "through their UTF-8 copies, then inserts every row); validation scans every new file once more.")
    day = s.get("next_day")
    if isinstance(day, dict):
        rows.append(f"One more day: {day['files']} files, {day['bytes'] / 1e6:,.1f} MB; "
                    f"raw rows {fmt_rows(s.get('landed'))} → {fmt_rows(s.get('landed_after_day'))}.")
    loads = [f"{x[0]:.1f}" for x in s.get("load") or [] if x]  # type: ignore[union-attr]
    rows.append(f"Load average (1 min) at each run's start and at the end: {', '.join(loads)} (2 cores).")
    rows.append("")
    return rows


def fmt_rows(landed: object) -> str:
    return f"{landed['rows']:,}" if isinstance(landed, dict) and "rows" in landed else "?"


def peer_lines(s: dict[str, object]) -> list[str]:
    check = s.get("peer_check")
    if not isinstance(check, dict):
        return []
    out = ["| mart | peer rows | warehouse rows | keys only in one | cells compared | cells different |",
           "|---|---:|---:|---:|---:|---:|"]
    for m in check["marts"]:
        out.append(f"| {m['mart']}{' (last click)' if 'roi' in m['mart'] else ''} | {m['peer_rows']:,} | "
                   f"{m['warehouse_rows']:,} | {m['only_in_peer'] + m['only_in_warehouse']:,} | "
                   f"{m['cells_compared']:,} | {m['cells_different']:,} |")
    spot = check.get("gmv_spot_check", {})
    parts = [f"{p}: {v['days']} days, total {v['total_gmv']:,.2f}, largest daily difference {v['max_abs_diff']:.2f}, "
             f"{v['days_off_by_a_cent_or_more']} day(s) off by a cent or more" for p, v in spot.items()]
    out += ["", "Spot check, daily GMV of fct_funnel_daily, peer vs warehouse: " + "; ".join(parts) + ".", ""]
    return out


def target_rows(summaries: dict[float, dict[str, object]]) -> list[str]:
    s = summaries.get(TARGET_SCALE)
    if s is None:
        return [f"(×{TARGET_SCALE:g} was not run: the targets are judged there.)", ""]
    floor_ratio, inc, peak, peer = s["ratio_floor"], s["ratio_incremental"], s["build_peak_rss"], s["ratio_peer"]
    build = s["build_seconds"]
    rows = ["| target (issue 7, at ×10) | measured | verdict | likely why (from the figures below) |",
            "|---|---|---|---|"]
    rows.append(verdict_row(f"full build ≤ {TARGET_FLOOR_RATIO:g} × floor", floor_ratio, TARGET_FLOOR_RATIO,
                            f"{secs(build)} / {secs(s['floor_seconds'])} = {times(floor_ratio)}",
                            lambda r: f"by {r / TARGET_FLOOR_RATIO:.1f}× (the build would need to be "
                            f"{secs((build or 0) - TARGET_FLOOR_RATIO * (s['floor_seconds'] or 0))} faster)",
                            why=why_floor(s)))
    rows.append(verdict_row(f"one new day ≤ {TARGET_INCREMENTAL:.0%} of a full build", inc, TARGET_INCREMENTAL,
                            f"{secs(s['incremental_seconds'])} = {pct(inc)}",
                            lambda r: f"by {(r - TARGET_INCREMENTAL) * 100:.0f} points ({r / TARGET_INCREMENTAL:.1f}× the budget)",
                            why=why_incremental(s)))
    rows.append(verdict_row("peak memory ≤ 4 GiB", peak, TARGET_PEAK_BYTES, gib(peak),
                            lambda r: f"by {gib(r - TARGET_PEAK_BYTES)}", met_note=lambda r: f"{gib(TARGET_PEAK_BYTES - r)} headroom",
                            why=why_memory(s)))
    peer_met = isinstance(peer, float) and peer > 1
    rows.append(f"| pandas peer slower than storeops | peer {secs(s['peer_seconds'])} vs storeops {secs(build)}: "
                f"peer / storeops = {times(peer)} | {'**met**' if peer_met else '**missed**'}"
                f"{'' if peer_met or peer is None else f' (the peer is {1 / peer:.1f}× faster)'} on a full build; "
                f"on the daily build (one new day) peer {secs(s['peer_seconds'])} vs storeops "
                f"{secs(s['incremental_seconds'])}: peer / storeops = {times(s.get('ratio_peer_daily'))} | {why_peer(s)} |")
    return rows + [""]


def why_floor(s: dict[str, object]) -> str:
    reads = (f"every new file is read by Python once per full build (hash and UTF-8 check; a GBK file is decoded "
             f"once more into a UTF-8 copy) and scanned by DuckDB twice, by validation and by landing (validate "
             f"{secs(s['build_validate'])} + land {secs(s['build_land'])} = "
             f"{times(ratio(add(s['build_validate'], s['build_land']), s['floor_seconds']))} the floor on their own)")
    gbk = (f"the floor reads GBK files with DuckDB's `encodings` extension: {secs(s.get('floor_gb18030_seconds'))} "
           f"of its {secs(s['floor_seconds'])} for {(s.get('floor_gb18030_bytes') or 0) / 1e6:,.0f} MB, against "
           f"{secs(s.get('floor_transcoded_gbk_seconds'))} when Python transcodes them to UTF-8 first, as the build "
           f"does: the target is judged against the floor as issue 7 defines it (the files as they are); against "
           f"the build's own reader the ratio is "
           f"{times(s.get('ratio_own_reader'))}")
    dbt = (f"dbt then rebuilds every model ({secs(s['build_models'])} busy) and runs every test "
           f"({secs(s['build_tests'])} busy) on 2 threads, plus {secs(s['build_dbt_overhead'])} of dbt start-up and gaps")
    return f"{reads}; {gbk}; {dbt}."


def why_incremental(s: dict[str, object]) -> str:
    nodes = s.get("incremental_slowest_nodes")
    slowest = f" Slowest nodes of the new-day build: {', '.join(nodes)}." if nodes else ""  # type: ignore[arg-type]
    return (f"by CPU time, which the machine's load disturbs less, {pct(s['ratio_incremental_cpu'])}. "
            f"The large facts are incremental (DECISIONLOG D12), but the marts and the intermediate tables over "
            f"all history are rebuilt ({secs(s['incremental_models'])} of models busy), every data test reads "
            f"every row again ({secs(s['incremental_tests'])} busy), dbt starts up and parses "
            f"({secs(s['incremental_dbt_overhead'])}), and validation ({secs(s['incremental_validate'])}) hashes "
            f"every file once to find the new ones (landing, {secs(s['incremental_land'])}, reuses its hashes)."
            f"{slowest}")


def why_memory(s: dict[str, object]) -> str:
    stages = {k: s.get(f"rss_{k}") for k in ("validate", "dbt", "publish")}
    known = {k: v for k, v in stages.items() if isinstance(v, (int, float))}
    if not known:
        return ""
    top = max(known, key=lambda k: known[k])  # type: ignore[arg-type,return-value]
    return (f"highest during the {top} stage; per stage (process tree): "
            + ", ".join(f"{k} {gib(v)}" for k, v in known.items())
            + f"; the dbt process alone {gib(s['build_dbt_process_rss'])}, the largest single process "
            f"{gib(s['build_max_rss'])}. Validation runs in a child process that has exited before dbt starts, "
            "and validates each contract's files in bounded batches.")


def why_peer(s: dict[str, object]) -> str:
    return (f"the peer reads each file once, only the columns it needs, and computes three marts; storeops validates "
            f"every file, lands every row with lineage and hashed PII, builds every mart and runs every test. "
            f"storeops' models alone are {secs(s['build_models'])} busy, its dbt stage {secs(s['build_dbt'])}.")


def add(a: object, b: object) -> float | None:
    return float(a) + float(b) if isinstance(a, (int, float)) and isinstance(b, (int, float)) else None


def verdict_row(name: str, value: object, limit: float, measured: str, missed_by: Callable[[float], str],
                met_note: Callable[[float], str] | None = None, why: str = "") -> str:
    if not isinstance(value, (int, float)):
        return f"| {name} | n/a | not measured | |"
    if value <= limit:
        return f"| {name} | {measured} | **met**{' (' + met_note(value) + ')' if met_note else ''} | {why} |"
    return f"| {name} | {measured} | **missed** {missed_by(value)} | {why} |"


def report(summaries: dict[float, dict[str, object]], info: dict[str, str], args: argparse.Namespace) -> str:
    lines = [
        "# storeops benchmark: measured figures",
        "",
        f"Generated by `make bench` (`bench/run.py --scales {' '.join(f'{x:g}' for x in args.scales)} "
        f"--runs {args.runs}`) on {info['date']}. Each figure is the median of {args.runs} run(s). "
        "Do not edit by hand: rerun the benchmark. How to read it and what it means: bench/README.md.",
        "",
        f"- Machine: {info['cpu']}, {info['cores']} cores, {info['ram']} RAM; a shared machine (load averages below).",
        f"- Software: Python {info['python']}, DuckDB {info['duckdb']}, dbt-core {info['dbt']}, "
        f"dbt-duckdb {info['dbt_duckdb']}, pandas {info['pandas']}; storeops at {info['commit']}.",
        "- Build settings: profiles.yml (DuckDB threads 2, memory_limit 3GB unless STOREOPS_MEMORY_LIMIT), "
        "dbt threads 2; the export files are in the page cache (just generated) for the floor, the build and the peer alike.",
    ]
    if args.runs < 3:
        longest = max((v.get("run_seconds") or 0 for v in summaries.values()), default=0)  # type: ignore[union-attr]
        total = sum((v.get("run_seconds") or 0) for v in summaries.values())  # type: ignore[union-attr]
        timing = (f"; the slowest scale's run took {longest / 60:.0f} min here, so 3 runs of every scale would take "
                  f"about {3 * total / 60:.0f} min" if longest else "")
        lines += [f"- **Single run** (`--runs {args.runs}`): `make bench` takes the median of 3{timing}."]
    lines += [
        "",
        "## Targets",
        "",
    ]
    lines += target_rows(summaries)
    lines += ["## Figures per scale", ""]
    for scale, s in summaries.items():
        lines += scale_table(scale, s)
    return "\n".join(lines)


# -------------------------------------------------------------------------------------------- main


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scales", type=float, nargs="+", default=[1.0, 10.0], help="generator scales (default 1 10)")
    p.add_argument("--runs", type=int, default=3, help="runs per scale; each figure is their median (default 3)")
    p.add_argument("--seed", type=int, default=7)
    p.add_argument("--days", type=int, default=365, help="days of history (default 365)")
    p.add_argument("--workdir", type=Path, help="work folder (default: a new temporary folder, removed at the end)")
    p.add_argument("--keep", action="store_true", help="keep the exports, warehouses and the work folder")
    p.add_argument("--no-peer", action="store_true", help="skip the pandas peer")
    p.add_argument("--no-incremental", action="store_true", help="skip the one-more-day rebuild")
    p.add_argument("--out", type=Path, default=BENCH / "results.md", help="report file (default bench/results.md)")
    p.add_argument("--from-json", type=Path, help="only re-render the report from a results.json written earlier")
    return p.parse_args(argv)


def write_report(all_runs: dict[float, list[dict[str, object]]], info: dict[str, str], args: argparse.Namespace) -> None:
    summaries = {scale: summarise(runs) for scale, runs in all_runs.items() if runs}
    text = report(summaries, info, args)
    args.out.write_text(text + "\n")
    args.out.with_suffix(".json").write_text(json.dumps(
        {"machine": info, "args": {"scales": args.scales, "runs": args.runs},
         "runs": {f"{k:g}": v for k, v in all_runs.items()},
         "summary": {f"{k:g}": v for k, v in summaries.items()}}, indent=1, ensure_ascii=False, default=str))
    print(text)
    say(f"wrote {args.out} and {args.out.with_suffix('.json')}")


def rerender(args: argparse.Namespace) -> int:
    saved = json.loads(args.from_json.read_text())
    all_runs = {float(k): v for k, v in saved["runs"].items()}
    args.scales = list(all_runs)
    args.runs = max(len(v) for v in all_runs.values())
    write_report(all_runs, saved.get("machine") or machine(), args)
    return 0


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.from_json:
        return rerender(args)
    temporary = args.workdir is None
    args.workdir = (args.workdir or Path(tempfile.mkdtemp(prefix="storeops-bench-"))).resolve()
    for forbidden in (REPO / "exports", REPO / "warehouse"):
        if args.workdir == forbidden or forbidden in args.workdir.parents:
            raise SystemExit(f"bench: the work folder must not be inside {forbidden}")
    say(f"work folder {args.workdir}")
    info = machine()
    shadow = shadow_project(args.workdir)
    env = storeops_env(args.workdir / "parse")
    parse = run([DBT, "parse", *dbt_flags(shadow)], env, shadow, args.workdir / "parse.log")
    say(f"dbt parse (warms dbt's partial parsing, not timed in the build): {parse.seconds:.1f} s")
    all_runs: dict[float, list[dict[str, object]]] = {}
    try:
        for scale in args.scales:
            all_runs[scale] = []
            for n in range(1, args.runs + 1):
                all_runs[scale].append(one_run(scale, n, args, shadow, compare_peer=(n == 1)))
    finally:
        if any(all_runs.values()):
            end = git("rev-parse", "--short", "HEAD")
            if end != info["commit_start"]:
                info["commit"] += tree_changes(info["commit_start"], end)
            write_report(all_runs, info, args)
        if temporary and not args.keep:
            shutil.rmtree(args.workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
