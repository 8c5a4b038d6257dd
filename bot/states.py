from aiogram.fsm.state import State, StatesGroup


class NeedsForm(StatesGroup):
    location = State()
    district = State()
    village = State()
    village_typed = State()  # "my village is not in the list": its name, as they write it
    household_size = State()
    vulnerable = State()
    needs = State()
    phone = State()
    details = State()
    summary = State()
    # "Leave the form?" asked on /start, /menu or Back on the first step; the draft is kept.
    leaving = State()


class MissingForm(StatesGroup):
    """A missing relative's report, in the order it is asked."""

    name = State()
    sex = State()
    age = State()
    relation = State()
    location = State()
    district = State()
    village = State()
    village_typed = State()
    seen = State()
    vulnerable = State()
    photos = State()
    description = State()
    reporter = State()
    phone = State()
    summary = State()
    leaving = State()


class SafeForm(StatesGroup):
    """Who is with the family: the consent line, then each person, then the list."""

    consent = State()
    name = State()
    sex = State()
    age = State()
    people = State()  # everyone entered so far
    removing = State()
    # Only for a family Koldo knows no household of: where they are.
    location = State()
    district = State()
    village = State()
    village_typed = State()
    leaving = State()


class RumourAsk(StatesGroup):
    """A family's "is this true?": what they forward, photograph or write, until they send it."""

    question = State()


class RumourAnswer(StatesGroup):
    """A staff member answering a rumour: the explanation in each language, then the preview."""

    explanation = State()
    preview = State()


class BroadcastForm(StatesGroup):
    """A safety update composed in the bot, in the order asked (bot/services/broadcasts.py
    ComposeDraft holds the answers)."""

    text_ky = State()
    text_ru = State()
    text_en = State()
    media = State()
    source = State()
    audience = State()
    districts = State()
    languages = State()
    point = State()
    km = State()
    urgency = State()
    preview = State()
    time = State()  # a typed time to send it at
