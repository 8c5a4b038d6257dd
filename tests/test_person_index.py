"""The person index in the database: people with their keys, candidates by shared keys, erasure.

The key function here is a test double (the first three letters of each word, lower case): it
exercises storage and retrieval, not the matcher, which has tests of its own.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, inspect, select

from bot.services import person_index
from storage.database import create_engine, downgrade, upgrade
from storage.models import Case, Household, Person, PersonKey, PersonSource
from storage.repositories import people
from storage.repositories.people import PersonFields
from tests.conftest import Backend, Harness
from tests.support.journeys import fill_needs_form
from tests.support.missing import Details, listed

LIST = "Batken shelter list 2026-05-03"


def three_letters(person: PersonFields) -> Iterable[str]:
    return {word[:3].lower() for word in person.full_name.split()}


async def stored_keys(koldo: Harness) -> dict[str, list[str]]:
    """Full name -> keys, for everyone in the index."""
    async with koldo.session() as session:
        rows = await session.execute(
            select(Person.full_name, PersonKey.key)
            .join(PersonKey, PersonKey.person_id == Person.id, isouter=True)
            .order_by(Person.full_name, PersonKey.key)
        )
        found: dict[str, list[str]] = {}
        for name, key in rows:
            found.setdefault(name, [])
            if key is not None:
                found[name].append(key)
        return found


async def test_a_list_is_added_then_updated_by_its_own_ids(koldo: Harness) -> None:
    async with koldo.session() as session:
        first = await people.upsert_listed(
            session,
            LIST,
            [
                listed("1", "Zhumabaev Myrzabek", sex="M", age=44, settlement="Kok-Terek"),
                listed("2", "Toktogulova Aigul", phone="0555 12 34 56"),
            ],
            three_letters,
        )
        await session.commit()
    assert (first.created, first.updated) == (2, 0)

    async with koldo.session() as session:
        again = await people.upsert_listed(
            session,
            LIST,
            [listed("1", "Dzhumabaev Mirzabek", sex="M", birth_year=1981), listed("3", "Ali Nur")],
            three_letters,
        )
        await session.commit()
    assert (again.created, again.updated) == (1, 1)

    async with koldo.session() as session:
        rows = await people.of_list(session, LIST)
        assert [(p.external_id, p.full_name) for p in rows] == [
            ("1", "Dzhumabaev Mirzabek"),
            ("2", "Toktogulova Aigul"),
            ("3", "Ali Nur"),
        ]
        updated = rows[0]
        assert (updated.sex, updated.age, updated.birth_year, updated.settlement) == (
            "M",
            None,
            1981,
            None,
        )
        assert updated.source == PersonSource.IMPORTED and updated.source_label == LIST
        assert rows[1].phone == "0555 12 34 56"  # kept as written
    # The old spelling's keys went with it.
    assert await stored_keys(koldo) == {
        "Ali Nur": ["ali", "nur"],
        "Dzhumabaev Mirzabek": ["dzh", "mir"],
        "Toktogulova Aigul": ["aig", "tok"],
    }


async def test_the_same_id_in_another_list_is_another_person(koldo: Harness) -> None:
    async with koldo.session() as session:
        await people.upsert_listed(session, LIST, [listed("7", "Ali Nur")], three_letters)
        result = await people.upsert_listed(
            session, "Leilek school list", [listed("7", "Bek Ulan")], three_letters
        )
        await session.commit()
    assert (result.created, result.updated) == (1, 0)
    assert sorted(await stored_keys(koldo)) == ["Ali Nur", "Bek Ulan"]


async def test_candidates_share_a_key_and_those_sharing_most_come_first(koldo: Harness) -> None:
    async with koldo.session() as session:
        await people.upsert_listed(
            session,
            LIST,
            [
                listed("a", "Jumabaev Myrzabek Toktosunovich"),  # jum, myr, tok
                listed("b", "Jumabaeva Aigul"),  # jum, aig
                listed("c", "Myrzabek Jumabaev"),  # myr, jum
                listed("d", "Sadykov Ruslan"),  # nothing in common
            ],
            three_letters,
        )
        await session.commit()

    async with koldo.session() as session:
        query = three_letters(Details("Jumanov Myrzakul Toktobek"))  # jum, myr, tok
        found = await people.candidates(session, query, limit=10)
        assert [(c.person.external_id, c.shared) for c in found] == [
            ("a", 3),
            ("c", 2),
            ("b", 1),
        ]
        bounded = await people.candidates(session, query, limit=2)
        assert [c.person.external_id for c in bounded] == ["a", "c"]
        assert await people.candidates(session, ["zzz"], limit=10) == []
        assert await people.candidates(session, [], limit=10) == []


async def test_a_household_member_is_added_updated_and_deleted_with_its_keys(
    koldo: Harness,
) -> None:
    async with koldo.session() as session:
        person = await people.add(
            session,
            Details("Asel Nurlanova", sex="F", age=9),
            three_letters,
            source=PersonSource.HOUSEHOLD,
        )
        await session.commit()
        person_id = person.id
    async with koldo.session() as session:
        stored = await people.get(session, person_id)
        assert stored is not None
        assert await people.keys_of(session, person_id) == ["ase", "nur"]
        await people.update(session, stored, Details("Asel Nurlan kyzy", age=10), three_letters)
        await session.commit()
    async with koldo.session() as session:
        stored = await people.get(session, person_id)
        assert stored is not None and (stored.full_name, stored.age, stored.sex) == (
            "Asel Nurlan kyzy",
            10,
            None,
        )
        assert await people.keys_of(session, person_id) == ["ase", "kyz", "nur"]
        await people.delete_people(session, [person_id])
        await session.commit()
    async with koldo.session() as session:
        assert await people.get(session, person_id) is None
        assert await session.scalar(select(func.count()).select_from(PersonKey)) == 0


async def test_reindexing_gives_everyone_the_new_keys(koldo: Harness) -> None:
    async with koldo.session() as session:
        await people.upsert_listed(
            session, LIST, [listed("1", "Ali Nur"), listed("2", "Bek Ulan")], three_letters
        )
        await session.commit()
    async with koldo.session() as session:
        done = await people.reindex(session, lambda p: [p.full_name.upper()], batch=1)
        await session.commit()
    assert done == 2
    assert await stored_keys(koldo) == {"Ali Nur": ["ALI NUR"], "Bek Ulan": ["BEK ULAN"]}


async def test_an_imported_person_is_a_candidate_for_the_same_details(koldo: Harness) -> None:
    """Through the index's own key function, whichever it is: stored and searched keys agree."""
    record = listed("1", "Dzhumabaev Mirzabek", sex="M", age=44)
    async with koldo.session() as session:
        await people.upsert_listed(session, LIST, [record], person_index.index_keys)
        await people.upsert_listed(
            session, LIST, [listed("2", "Sadykov Ruslan")], person_index.index_keys
        )
        await session.commit()
    async with koldo.session() as session:
        found = await person_index.candidates_for(session, Details("Dzhumabaev Mirzabek"))
        assert [c.person.external_id for c in found] == ["1"]


async def test_erasing_a_family_removes_its_people_from_the_index(koldo: Harness) -> None:
    family = koldo.person()
    t = koldo.t("ky")
    await fill_needs_form(family, t)
    await family.press(t("btn-confirm"))
    async with koldo.session() as session:
        household = await session.scalar(
            select(Household).where(Household.user_id == family.user.id)
        )
        case = await session.scalar(select(Case).where(Case.user_id == family.user.id))
        assert household is not None and case is not None
        await people.add(
            session,
            Details("Aibek Saparov"),
            three_letters,
            source=PersonSource.HOUSEHOLD,
            household_id=household.id,
        )
        await people.add(
            session,
            Details("Saparov Nurbek"),
            three_letters,
            source=PersonSource.MISSING,
            case_id=case.id,
        )
        await people.upsert_listed(session, LIST, [listed("1", "Saparov Nurbek")], three_letters)
        await session.commit()

    await family.send("/erase")
    await family.press(t("btn-erase-confirm"))
    assert t("erase-done") in family.texts()

    # The list's row stays; what the family told Koldo is gone, keys and all.
    assert await stored_keys(koldo) == {"Saparov Nurbek": ["nur", "sap"]}
    async with koldo.session() as session:
        [kept] = (await session.scalars(select(Person))).all()
        assert kept.source == PersonSource.IMPORTED


async def test_the_person_index_migration_goes_down_and_up(backend: Backend) -> None:
    engine = create_engine(backend.database_url)

    async def tables() -> set[str]:
        async with engine.connect() as connection:
            return set(await connection.run_sync(lambda c: inspect(c).get_table_names()))

    try:
        await downgrade(backend.database_url, "0005")
        assert {"people", "person_keys"} & await tables() == set()
        assert "households" in await tables()
        await upgrade(backend.database_url)
        assert {"people", "person_keys"} <= await tables()
    finally:
        await upgrade(backend.database_url)
        await engine.dispose()
