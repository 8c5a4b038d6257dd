"""A local stand-in for Telegram: Bot API server, control API, driver and chat page."""

from sandbox.limits import Faults, Limits
from sandbox.places import DEFAULT_PEOPLE, DEFAULT_PLACES, Place
from sandbox.server import SandboxServer, start_sandbox

__all__ = [
    "DEFAULT_PEOPLE",
    "DEFAULT_PLACES",
    "Faults",
    "Limits",
    "Place",
    "SandboxServer",
    "start_sandbox",
]
