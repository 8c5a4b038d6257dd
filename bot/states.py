from aiogram.fsm.state import State, StatesGroup


class NeedsForm(StatesGroup):
    location = State()
    district = State()
    village = State()
    household_size = State()
    vulnerable = State()
    needs = State()
    phone = State()
    details = State()
    summary = State()
    # "Leave the form?" asked on /start, /menu or Back on the first step; the draft is kept.
    leaving = State()
