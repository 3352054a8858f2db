"""Load from `wrk` (a C load generator, Debian package `wrk`), so the figures are the server's, not the client's.

The Python generator in load.py spends as much CPU per request as a fast page does, so on the same machine it
caps a trivial view at about half of what the server can serve, and every ratio to that ceiling looks better
than it is. `measure` runs wrk when it is installed and falls back to load.py (saying so once) when not.
"""

import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.benchmarks import load

# wrk's `done` hook: the summary and latency percentiles as one JSON line (wrk measures in microseconds).
DONE_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '\\nBENCH {"requests": %d, "seconds": %.6f, "p50": %.0f, "p95": %.0f, "p99": %.0f, "errors": %d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), e.connect + e.read + e.write + e.timeout + e.status))
end
"""
WRK_THREADS = 2
_fallback_announced = False


@dataclass
class WrkMeasurement:
    """What wrk measured for one URL; the same reading interface as load.Measurement."""

    path: str
    requests: int
    seconds: float
    percentiles_ms: dict[float, float]
    errors: int

    @property
    def requests_per_second(self) -> float:
        # Answers that were errors (non-2xx/3xx, broken connections) do not count as served.
        return max(0, self.requests - self.errors) / self.seconds if self.seconds else 0.0

    @property
    def latencies_ms(self) -> list[float]:
        # Only whether anything was served is read from it (run.py's failure check).
        return [self.percentiles_ms[0.5]] if self.requests > self.errors else []

    def percentile(self, fraction: float) -> float:
        return self.percentiles_ms.get(fraction, float("nan"))


def wrk_path() -> str | None:
    return shutil.which("wrk")


def _script(run_dir: Path) -> Path:
    script = run_dir / "bench-done.lua"
    if not script.exists():
        script.write_text(DONE_SCRIPT)
    return script


def measure(host: str, port: int, path: str, clients: int, seconds: float, run_dir: Path, max_requests: int):
    """GET `path` with `clients` connections for `seconds`: with wrk when installed, else with load.py."""
    global _fallback_announced
    wrk = wrk_path()
    if wrk is None:
        if not _fallback_announced:
            print(
                "wrk is not installed (apt-get install wrk): falling back to the Python load generator, which"
                " saturates before the server does; every ratio below reads too high.\n",
                file=sys.stderr,
            )
            _fallback_announced = True
        return load.measure(host, port, path, clients, seconds, max_requests)
    command = [
        wrk, f"-t{min(WRK_THREADS, clients)}", f"-c{clients}", f"-d{max(1, round(seconds))}s", "--timeout", "30s",
        "-s", str(_script(run_dir)), f"http://{host}:{port}{path}",
    ]  # fmt: skip
    output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    line = next((line for line in output.splitlines() if line.startswith("BENCH ")), None)
    if line is None:
        return WrkMeasurement(path, 0, seconds, {}, 1)
    found = json.loads(line.removeprefix("BENCH "))
    return WrkMeasurement(
        path,
        found["requests"],
        found["seconds"],
        {0.5: found["p50"] / 1000, 0.95: found["p95"] / 1000, 0.99: found["p99"] / 1000},
        found["errors"],
    )
