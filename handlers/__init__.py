"""One router per journey. Order matters: the forms first (needs, a missing relative, "we are
safe"), the fallback last; staff updates of shelters before start and menu, so that leaving
mid-update clears its state."""

from aiogram import Router

from handlers import (
    admin,
    broadcast,
    cases,
    coordinator,
    erase,
    fallback,
    hotlines,
    menu,
    missing,
    needs,
    reunion,
    safe,
    shelter_staff,
    shelters,
    start,
)


def routers() -> list[Router]:
    """Fresh routers: aiogram attaches a router to one Dispatcher for good."""
    return [
        needs.router(),
        missing.router(),
        safe.router(),
        # Possible matches before the coordinator's desk: their buttons act on a match, whatever
        # case is open at the desk.
        reunion.router(),
        # Before shelters: a location sent to an open case, or in reply to one, is for the case.
        coordinator.router(),
        admin.router(),
        # Before shelters: a location sent while composing is the update's (or its centre).
        broadcast.router(),
        cases.router(),
        shelter_staff.router(),
        shelters.router(),
        hotlines.router(),
        start.router(),
        erase.router(),
        menu.router(),
        fallback.router(),
    ]
