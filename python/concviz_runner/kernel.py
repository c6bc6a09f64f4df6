"""The CPU kernel in pure Python: the rounds of 32-bit hash mixing of source/workloads/cpu.ts, and its calibration."""
import time

M = 0xFFFFFFFF
STEPS_PER_UNIT = 64
MIN_TRIES = 24
MIN_TRY_MS = 2
MAX_TRY_MS = 10


def run_kernel(units, seed):
    """`units` units of work seeded by `seed`; returns a checksum of all of it."""
    h = (seed ^ 0x9E3779B9) & M
    total = 0
    for _ in range(units):
        for i in range(STEPS_PER_UNIT):
            h = (h + i) & M
            h = ((h ^ (h >> 16)) * 0x85EBCA6B) & M
            h = ((h ^ (h >> 13)) * 0xC2B2AE35) & M
            h ^= h >> 16
        total = (total + h) & M
    return total


def seed_from_bytes(data, h=0x811C9DC5):
    """FNV-1a over a body's bytes (mixed work's seed)."""
    for byte in data[:4096]:
        h = ((h ^ byte) * 0x01000193) & M
    return h


def calibrate(cpu_ms):
    """Kernel units for one task of about cpu_ms ms on this machine: tries as long as a task, on the
    wall clock (a try can only look slower than the kernel is, never faster), the median of the fastest quarter."""
    units, per_ms = 1, 1.0
    while True:
        start = time.perf_counter()
        run_kernel(units, units)
        ms = (time.perf_counter() - start) * 1000
        per_ms = max(per_ms, units / max(ms, 1e-3))
        if ms >= MIN_TRY_MS:
            break
        units *= 2
    try_ms = min(max(cpu_ms, MIN_TRY_MS), MAX_TRY_MS)
    try_units = max(1, round(per_ms * try_ms))
    speeds = []
    deadline = time.perf_counter() + MIN_TRIES * try_ms / 1000
    while len(speeds) < MIN_TRIES or (time.perf_counter() < deadline and len(speeds) < MIN_TRIES * 4):
        start = time.perf_counter()
        run_kernel(try_units, len(speeds) + 1)
        ms = (time.perf_counter() - start) * 1000
        if ms > 0:
            speeds.append(try_units / ms)
    speeds.sort()
    fastest = speeds[len(speeds) * 3 // 4:]
    per_ms = fastest[len(fastest) // 2]
    return max(1, round(per_ms * cpu_ms)), per_ms
