"""One router per journey. Order matters: the forms first (needs, a missing relative, "we are
safe"), then "is this true?", the fallback last; staff updates of shelters before start and
menu, so that leaving mid-update clears its state."""

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
    mydata,
    needs,
    report,
    reunion,
    rumours,
    safe,
    shelter_staff,
    shelters,
    start,
    updates,
)


def routers() -> list[Router]:
    """Fresh routers: aiogram attaches a router to one Dispatcher for good."""
    return [
        needs.router(),
        missing.router(),
        safe.router(),
        # "Is this true?" before the coordinator's desk: a rumour's card is its own, and a
        # family's question or a staff member's explanation is typed in its own state.
        rumours.router(),
        # Possible matches before the coordinator's desk: their buttons act on a match, whatever
        # case is open at the desk.
        reunion.router(),
        # Before shelters: a location sent to an open case, or in reply to one, is for the case.
        coordinator.router(),
        admin.router(),
        # Before shelters: a location sent while composing is the update's (or its centre).
        broadcast.router(),
        report.router(),
        cases.router(),
        shelter_staff.router(),
        shelters.router(),
        hotlines.router(),
        updates.router(),
        start.router(),
        erase.router(),
        mydata.router(),
        menu.router(),
        fallback.router(),
    ]
