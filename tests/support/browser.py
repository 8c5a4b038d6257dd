"""Headless Chromium from Debian's `chromium` package, driven by Playwright (never a downloaded
browser). Missing Chromium skips browser tests on a laptop and fails them in CI."""

from __future__ import annotations

import os
import shutil

import pytest

# The flags this machine needs: no sandbox as root, and no background calls to the internet.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    if os.environ.get("CI"):
        pytest.fail("CI must run the browser tests: install Debian's chromium (see .ci/run)")
    pytest.skip("no Chromium here: apt-get install chromium")
