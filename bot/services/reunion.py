"""Possible matches for missing people, and the disclosure that follows a coordinator's word.

(Being written in this session: `propose_for` is the one entry point every writer of the index
calls after adding people, in the same transaction.)
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Person


async def propose_for(session: AsyncSession, added: Sequence[Person]) -> int:
    """Looks for possible matches of people just added to the index; returns how many pairs
    were proposed. The caller commits."""
    return 0
