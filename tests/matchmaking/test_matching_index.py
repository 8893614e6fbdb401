from collections.abc import Callable

import pytest

from tandem.core.embedding.testing import HashingEmbedder
from tandem.core.models import User
from tandem.matchmaking.models import CompanyProfile
from tandem.matchmaking.services.matching import MatchingIndex, matching_index
from tandem.matchmaking.services.profiles import profile_expire, profile_update

pytestmark = pytest.mark.integration


def test_index_follows_published_profiles_and_drops_expired_ones(
    make_profile: Callable[..., CompanyProfile], agency: User
) -> None:
    jp = make_profile("Kawada", "JP", "en", "CNC lathes", "machine tool distributor")
    ru = make_profile("Uralstanok", "RU", "en", "machine tool distribution", "CNC lathes")
    index = matching_index()
    index.sync()
    assert str(jp.pk) in index.index and str(ru.pk) in index.index
    profile_expire(profile=ru, actor=agency)
    index.sync()
    assert str(ru.pk) not in index.index


def test_a_draft_or_unconsented_profile_is_not_in_the_index(
    make_profile: Callable[..., CompanyProfile],
) -> None:
    draft = make_profile("Draft", "JP", "en", "robots", "buyers", publish=False)
    hidden = make_profile("Hidden", "JP", "en", "robots", "buyers", consent=False)
    index = matching_index()
    index.sync()
    assert str(draft.pk) not in index.index
    assert str(hidden.pk) not in index.index


def test_a_new_process_index_reads_vectors_without_embedding_again(
    make_profile: Callable[..., CompanyProfile],
) -> None:
    make_profile("Kawada", "JP", "en", "CNC lathes, machining centres", "distributors in Russia")
    make_profile("Uralstanok", "RU", "ru", "Продажа станков", "Токарные станки с ЧПУ")
    worker_embedder = matching_index().embedder.inner
    assert isinstance(worker_embedder, HashingEmbedder) and worker_embedder.texts_embedded > 0
    fresh = HashingEmbedder()
    web = MatchingIndex(fresh)
    assert web.sync() == 2
    assert web.sync() == 0  # nothing changed since
    assert len(web.index) == 2
    assert fresh.texts_embedded == 0


def test_changing_one_field_embeds_only_that_field(
    make_profile: Callable[..., CompanyProfile], agency: User
) -> None:
    profile = make_profile("Kawada", "JP", "en", "CNC lathes", "distributors in Russia")
    embedder = matching_index().embedder.inner
    assert isinstance(embedder, HashingEmbedder)
    before = embedder.texts_embedded
    profile_update(
        profile=profile,
        data={"seeks_en": "service partners in Siberia"},
        expected_version=profile.version,
        actor=agency,
    )
    new_texts = embedder.texts_embedded - before
    assert 1 <= new_texts <= 3  # the new seeks text and its phrases; offers untouched


def test_index_command_reindexes_everything_only_when_asked(
    make_profile: Callable[..., CompanyProfile],
) -> None:
    from io import StringIO

    from django.core.management import call_command

    make_profile("Kawada", "JP", "en", "CNC lathes", "distributors in Russia")
    out = StringIO()
    call_command("matchmaking_index", stdout=out)
    call_command("matchmaking_index", "--all", stdout=out)
    assert out.getvalue().splitlines() == [
        "company profiles indexed: 0",
        "company profiles indexed: 1",
    ]
