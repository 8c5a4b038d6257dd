"""`python -m bot …` (or another module of the project) as a child process of the test run.

Every child dies with the process that started it. A `koldo run` or a broadcast worker left
behind by a killed test run would otherwise go on claiming deliveries, and PostgreSQL test
databases are found again by name: on a machine that reuses process ids, a later run's
broadcast went to such an orphan (it sent with a token and a sandbox of its own)."""

from __future__ import annotations

import asyncio
import ctypes
import os
import signal
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PR_SET_PDEATHSIG = 1  # linux/prctl.h
TIMEOUT = 60.0


def _die_with_parent() -> None:
    """Runs in the child between fork and exec: the kernel kills it when its parent ends."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)


def _koldo_env(settings: Mapping[str, str] | None = None) -> dict[str, str]:
    """This environment without the developer's own KOLDO_ settings, plus the given ones."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KOLDO_")}
    return {**clean, **(settings or {})}


async def spawn(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    module: str = "bot",
    stderr: int | None = asyncio.subprocess.STDOUT,
) -> asyncio.subprocess.Process:
    """`python -m MODULE ARGS…`, stdout piped, stderr into it unless told (None: the test's own)."""
    return await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        module,
        *args,
        env=_koldo_env(env),
        cwd=cwd or ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=stderr,
        preexec_fn=_die_with_parent,
    )


@dataclass(frozen=True)
class Finished:
    code: int
    output: str  # stdout, and stderr too unless kept apart
    errors: str = ""


async def run(
    *args: str,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    apart: bool = False,
    timeout: float = TIMEOUT,
) -> Finished:
    """`koldo ARGS…` to its end; killed if it outlasts `timeout`, so nothing is left behind."""
    stderr = asyncio.subprocess.PIPE if apart else asyncio.subprocess.STDOUT
    process = await spawn(*args, env=env, cwd=cwd, stderr=stderr)
    try:
        out, err = await asyncio.wait_for(process.communicate(), timeout)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return Finished(process.returncode, out.decode(), (err or b"").decode())
