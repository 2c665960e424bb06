"""The CaseStore contract, run over SQLite and real PostgreSQL alike."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator, Mapping
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from flows.references import ALPHABET, parse_reference
from storage.base import CASE_STATUSES, CaseNotFound
from storage.cases import SqlCaseStore, new_reference
from storage.models import Case, Escalation
from tests.storage.conftest import FakeClock
from tests.storage.samples import KAZAKH, ME, OTHER, count, new_case

REFERENCE = re.compile(rf"^KZ-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


class TestCases:
    async def test_references_are_unique_and_well_formed(self, case_store: SqlCaseStore) -> None:
        # 1000 from the generator file_case uses, and a hundred through the store itself.
        generated = [new_reference() for _ in range(1000)]
        assert len(set(generated)) == 1000
        assert all(REFERENCE.match(r) and parse_reference(r) == r for r in generated)
        assert set("".join(r[3:7] + r[8:] for r in generated)) == set(ALPHABET)  # every symbol drawn
        filed = [await case_store.file_case(new_case()) for _ in range(100)]
        assert len({f.reference for f in filed}) == 100
        assert all(REFERENCE.match(f.reference) for f in filed)
        assert len({f.id for f in filed}) == 100
        assert all(re.fullmatch(r"[0-9a-f]{32}", f.id) for f in filed)

    async def test_a_reference_collision_is_retried(self, database_url: str, case_store: SqlCaseStore,
                                                    clock: FakeClock) -> None:
        first = await case_store.file_case(new_case())
        references: Iterator[str] = iter([first.reference, first.reference, "KZ-2222-3333"])
        store = SqlCaseStore(database_url, clock=clock, reference_factory=lambda: next(references))
        try:
            assert (await store.file_case(new_case())).reference == "KZ-2222-3333"
        finally:
            await store.close()
        assert await count(case_store, Case) == 2

    async def test_filed_case_reads_back(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        filed = await case_store.file_case(new_case(unknown_field="never stored"))
        record = await case_store.get_case(filed.reference)
        assert record is not None
        assert (record.id, record.reference, record.created_at) == (filed.id, filed.reference, clock.now)
        assert record.created_at.tzinfo is not None and record.created_at.utcoffset() == timedelta(0)
        assert (record.platform, record.language, record.reporter_role) == ("telegram", "kk", "child")
        assert (record.category, record.subcategory, record.risk) == ("blackmail", "money", "normal")
        assert record.risk_reasons == ("category",)
        assert (record.status, record.anonymous) == ("received", False)
        fields: Mapping[str, Any] = record.fields
        assert fields["description"] == KAZAKH
        assert fields["links"] == ["https://instagram.com/p/abc"]
        assert fields["evidence"] == [{"kind": "photo", "ref": "AgACAgIAAxkBAAIB"}]  # file ids only
        assert (fields["victim"], fields["place"], fields["danger"]) == ("me", "instagram", "no")
        assert (fields["age_group"], fields["region"], fields["refused_media"]) == ("14_17", "almaty_city", 0)
        assert "unknown_field" not in fields

    async def test_anonymous_unless_the_reporter_asked_for_a_reply(self, case_store: SqlCaseStore) -> None:
        for contact, anonymous in (("anonymous", True), ("reply_here", False), (None, True)):
            filed = await case_store.file_case(new_case(contact=contact))
            record = await case_store.get_case(filed.reference)
            assert record is not None and record.anonymous is anonymous, contact

    async def test_skipped_answers_are_stored_empty(self, case_store: SqlCaseStore) -> None:
        filed = await case_store.file_case(new_case(links=None, evidence=None, region=None, subcategory=None,
                                                    refused_media=2))
        record = await case_store.get_case(filed.reference)
        assert record is not None and record.subcategory is None
        assert (record.fields["links"], record.fields["evidence"], record.fields["region"]) == (None, None, None)
        assert record.fields["refused_media"] == 2

    async def test_reporter_is_stored_pseudonymously(self, case_store: SqlCaseStore) -> None:
        filed = await case_store.file_case(new_case())
        await case_store.save_draft("telegram", ME, {"description": "draft"})
        await case_store.open_escalation("telegram", ME, "kk", "high", "sos", filed.reference)
        async with case_store.session() as session:
            reporter = await session.scalar(select(Case.reporter).where(Case.id == filed.id))
            rows = [repr(row) for model in (Case, Escalation)
                    for row in (await session.execute(select(model.__table__))).all()]
        assert reporter == ME and re.fullmatch(r"[0-9a-f]{32}", ME)
        assert not any("123456789" in row for row in rows)

    async def test_unknown_reference(self, case_store: SqlCaseStore) -> None:
        assert await case_store.get_case("KZ-0000-0000") is None
        assert await case_store.status_of("KZ-0000-0000") is None
        with pytest.raises(CaseNotFound):
            await case_store.set_status("KZ-0000-0000", "closed")


class TestStatus:
    async def test_status_round_trip(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        filed = await case_store.file_case(new_case())
        assert await case_store.status_of(filed.reference) == "received"
        for status in CASE_STATUSES:
            await case_store.set_status(filed.reference, status)
            assert await case_store.status_of(filed.reference) == status

    async def test_closing_stamps_closed_at_and_reopening_clears_it(self, case_store: SqlCaseStore,
                                                                     clock: FakeClock) -> None:
        filed = await case_store.file_case(new_case())
        clock.advance(days=3)
        await case_store.set_status(filed.reference, "closed")
        clock.advance(days=1)
        await case_store.set_status(filed.reference, "closed")  # closing twice keeps the first date
        record = await case_store.get_case(filed.reference)
        assert record is not None and record.fields["closed_at"] == clock.now - timedelta(days=1)
        await case_store.set_status(filed.reference, "in_review")
        record = await case_store.get_case(filed.reference)
        assert record is not None and record.fields["closed_at"] is None

    async def test_invalid_status_is_rejected(self, case_store: SqlCaseStore) -> None:
        filed = await case_store.file_case(new_case())
        with pytest.raises(ValueError, match="unknown case status"):
            await case_store.set_status(filed.reference, "solved")
        assert await case_store.status_of(filed.reference) == "received"


class TestDrafts:
    async def test_save_load_overwrite_drop(self, case_store: SqlCaseStore) -> None:
        assert await case_store.load_draft("telegram", ME) is None
        await case_store.save_draft("telegram", ME, {"category": "bullying", "description": KAZAKH})
        await case_store.save_draft("whatsapp", ME, {"category": "other"})
        assert await case_store.load_draft("telegram", ME) == {"category": "bullying", "description": KAZAKH}
        await case_store.save_draft("telegram", ME, {"category": "privacy", "links": ["https://x.kz"]})
        assert await case_store.load_draft("telegram", ME) == {"category": "privacy", "links": ["https://x.kz"]}
        await case_store.drop_draft("telegram", ME)
        await case_store.drop_draft("telegram", ME)  # nothing to drop is fine
        assert await case_store.load_draft("telegram", ME) is None
        assert await case_store.load_draft("whatsapp", ME) == {"category": "other"}

    async def test_concurrent_saves_do_not_collide(self, case_store: SqlCaseStore) -> None:
        await asyncio.gather(*(case_store.save_draft("telegram", ME, {"n": i}) for i in range(10)))
        draft = await case_store.load_draft("telegram", ME)
        assert draft is not None and draft["n"] in range(10)

    async def test_filing_a_case_drops_the_reporters_draft(self, case_store: SqlCaseStore) -> None:
        await case_store.save_draft("telegram", ME, {"category": "bullying"})
        await case_store.save_draft("telegram", OTHER, {"category": "other"})
        await case_store.file_case(new_case())
        assert await case_store.load_draft("telegram", ME) is None
        assert await case_store.load_draft("telegram", OTHER) == {"category": "other"}

    async def test_stale_drafts_are_purged(self, case_store: SqlCaseStore, clock: FakeClock) -> None:
        await case_store.save_draft("telegram", ME, {"category": "bullying"})
        clock.advance(days=31)
        await case_store.save_draft("telegram", OTHER, {"category": "other"})
        assert await case_store.purge_drafts(timedelta(days=30)) == 1
        assert await case_store.load_draft("telegram", ME) is None
        assert await case_store.load_draft("telegram", OTHER) is not None


class TestHealth:
    async def test_ping(self, case_store: SqlCaseStore) -> None:
        assert await case_store.ping() is True

    async def test_ping_is_false_when_the_server_is_gone(self) -> None:
        store = SqlCaseStore("postgresql+asyncpg://postgres@127.0.0.1:1/helpline")
        try:
            assert await store.ping() is False
        finally:
            await store.close()
