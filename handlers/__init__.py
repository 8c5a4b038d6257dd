"""One router per journey. Order matters: the needs form first, the fallback last."""

from aiogram import Router

from handlers import erase, fallback, menu, needs, start


def routers() -> list[Router]:
    """Fresh routers: aiogram attaches a router to one Dispatcher for good."""
    return [needs.router(), start.router(), erase.router(), menu.router(), fallback.router()]
