"""The bad-input corpus (tests/data/bad/<importer>/): every file is refused by its importer
with one clear message, nothing escapes but the importer's own error, and no row of any table
is written. Each test prints its counts (run with ``-rA`` or ``-s`` to see them)."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client, RequestFactory

from tandem.core.enums import Role
from tandem.core.models import Country, Organisation, User

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
sys.path.insert(0, str(BAD))
from make_corpus import oversized  # noqa: E402

TRACEBACK_SIGNS = ("Traceback (most recent call last)", 'File "/', "Error: <", "0x7f")
#: Tables an import may touch without writing a record: sign-in sessions.
UNCOUNTED = {"django_session"}


def table_counts() -> dict[str, int]:
    """The row count of every table of every installed model, in one query."""
    tables = sorted(
        {m._meta.db_table for m in apps.get_models(include_auto_created=True)} - UNCOUNTED
    )
    quote = connection.ops.quote_name
    sql = "SELECT " + ", ".join(f"(SELECT COUNT(*) FROM {quote(t)})" for t in tables)
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return dict(zip(tables, cursor.fetchone(), strict=True))


def written(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {t: after[t] - before[t] for t in before if after[t] != before[t]}


def clear(message: str) -> bool:
    return bool(message.strip()) and not any(sign in message for sign in TRACEBACK_SIGNS)


class Accepted(Exception):
    """The importer took a file of the bad corpus."""


# --- the importers, as the pages and commands call them -------------------------------------


def run_registry(raw: bytes, name: str, env: dict[str, Any]) -> str:
    from tandem.interop.registry_import import ImportRejectedError, commit, plan_table
    from tandem.interop.tabular.read import UnreadableFileError, read_table

    try:
        table = read_table(
            raw,
            name,
            max_bytes=settings.TANDEM_UPLOAD_MAX_BYTES,
            max_rows=settings.TANDEM_IMPORT_MAX_ROWS,
        )
    except UnreadableFileError as error:
        return str(error)
    plan = plan_table(table, env["user"], env["programme"], name)
    details = plan.file_problems + [m for o in plan.outcomes for m in o.messages]
    unclear = [m for m in details if not clear(m)]
    if unclear:
        return f"UNCLEAR {unclear[0]!r}"
    try:
        commit(plan, env["user"], env["programme"])
    except ImportRejectedError as error:
        return details[0] if details else str(error)
    raise Accepted


def run_iati(raw: bytes, name: str, env: dict[str, Any]) -> str:
    from tandem.interop.registry_import import ImportRejectedError, commit
    from tandem.web.imports import _plan

    request = RequestFactory().post("/projects/import/iati/")
    request.user = env["user"]
    plan = _plan(raw, name, "iati", request, env["programme"])
    details = plan.file_problems + [m for o in plan.outcomes for m in o.messages]
    unclear = [m for m in details if not clear(m)]
    if unclear:
        return f"UNCLEAR {unclear[0]!r}"
    try:
        commit(plan, env["user"], env["programme"])
    except ImportRejectedError as error:
        return details[0] if details else str(error)
    raise Accepted


def run_kpi(raw: bytes, name: str, env: dict[str, Any]) -> str:
    from tandem.exchange.services.kpi_import import KpiImportError, kpi_import

    try:
        kpi_import(content=raw, enterprises=[env["enterprise"]], actor=env["coordinator"])
    except KpiImportError as error:
        return error.errors[0] if error.errors else str(error)
    raise Accepted


def run_press(raw: bytes, name: str, env: dict[str, Any]) -> str:
    from django.core.exceptions import ValidationError

    from tandem.press.services.ingest import article_ingest

    try:
        article_ingest(content=raw, name=name, actor=env["user"])
    except ValidationError as error:
        return " ".join(error.messages)
    raise Accepted


IMPORTERS: dict[str, Callable[[bytes, str, dict[str, Any]], str]] = {
    "registry": run_registry,
    "iati": run_iati,
    "kpi": run_kpi,
    "press": run_press,
}
#: Files of the corpus that an importer of another helper's app still crashes on or accepts:
#: importer -> {file name: reason}. The main test leaves them out; each has its own strict
#: xfail below, so that the fix shows (XPASS fails) and the row is then removed.
KNOWN_BAD: dict[str, dict[str, str]] = {
    "registry": {},
    "iati": {},
    "kpi": {},
    "press": {},
}


@pytest.fixture
def env(default_programme: None) -> dict[str, Any]:
    from tandem.exchange.models import EnterpriseProfile
    from tandem.programme.models import Programme

    japan, russia = Country.objects.get(code="JP"), Country.objects.get(code="RU")
    plant = Organisation.objects.create(name="Uralmash", kind="enterprise", side=russia)
    coordinator = User.objects.create_user(
        username="probe-coordinator", password="a-long-test-password", role=Role.COORDINATOR
    )
    EnterpriseProfile.objects.filter(pk=1).delete()
    enterprise = EnterpriseProfile(pk=1, organisation=plant, sector="machinery", size="large")
    enterprise.full_clean()
    enterprise.save()
    return {
        "user": User.objects.create_user(
            username="probe-secretariat",
            password="a-long-test-password",
            role=Role.SECRETARIAT,
            side=japan,
        ),
        "coordinator": coordinator,
        "programme": Programme.objects.get(),
        "enterprise": enterprise,
        "today": dt.date.today(),
    }


def corpus(importer: str) -> Iterator[Path]:
    return iter(sorted(p for p in (BAD / importer).iterdir() if p.is_file()))


@pytest.mark.parametrize("importer", sorted(IMPORTERS))
def test_importer_refuses_every_bad_file(importer: str, env: dict[str, Any]) -> None:
    run = IMPORTERS[importer]
    files = rejected = 0
    crashes: list[str] = []
    accepted: list[str] = []
    unclear: list[str] = []
    writes: list[str] = []
    for path in corpus(importer):
        files += 1
        started = time.perf_counter()
        with transaction.atomic():
            before = table_counts()
            try:
                message = run(path.read_bytes(), path.name, env)
            except Accepted:
                accepted.append(path.name)
            except Exception as error:
                crashes.append(f"{path.name}: {type(error).__name__}: {str(error)[:200]}")
            else:
                rejected += 1
                if not clear(message) or message.startswith("UNCLEAR"):
                    unclear.append(f"{path.name}: {message[:200]!r}")
            after = table_counts()
            transaction.set_rollback(True)
        changed = written(before, after)
        if time.perf_counter() - started > 1:
            print(f"slow: {path.name} {time.perf_counter() - started:.1f}s")
        if changed:
            writes.append(f"{path.name}: {changed}")
    known = KNOWN_BAD[importer]
    print(
        f"\n[bad inputs] {importer}: {files} files, {rejected} rejected, "
        f"{len(crashes)} crashes, {len(accepted)} accepted, {len(unclear)} unclear messages, "
        f"{len(writes)} files wrote rows"
    )
    problems = [
        p
        for p in crashes + [f"{a}: accepted" for a in accepted] + unclear + writes
        if p.split(":")[0] not in known
    ]
    missing = sorted(set(known) - {p.name for p in corpus(importer)})
    assert missing == [], f"KNOWN_BAD names files that are not in the corpus: {missing}"
    assert files >= 50
    assert problems == [], "\n".join(problems)


UPLOAD_PAGES = {  # importer -> (URL, role of the uploader)
    "registry": ("/projects/import/", "user"),
    "iati": ("/projects/import/iati/", "user"),
    "kpi": ("/exchange/kpi/import/", "coordinator"),
    "press": ("/press/ingest/", "user"),
}


def _page_messages(response: Any) -> list[str]:
    context = response.context
    found: list[str] = []
    form = context.get("form")
    if form is not None:
        found += [str(e) for errors in form.errors.values() for e in errors]
    plan = context.get("plan")
    if plan is not None:
        found += list(plan.file_problems)
        # The registry's plan keeps messages per row; the IATI plan one line per problem.
        found += [m for o in plan.outcomes for m in getattr(o, "messages", [])]
        found += list(getattr(plan, "problems", []))
    found += [str(e) for e in context.get("errors") or []]
    return found


@pytest.mark.parametrize("importer", sorted(UPLOAD_PAGES))
def test_upload_page_refuses_a_sample_of_the_corpus(importer: str, env: dict[str, Any]) -> None:
    url, role = UPLOAD_PAGES[importer]
    client = Client()
    client.force_login(env[role])
    files = [p for p in corpus(importer) if p.name not in KNOWN_BAD[importer]]
    suffix = {"registry": ".csv", "iati": ".xml", "kpi": ".xlsx", "press": ".txt"}[importer]
    sample = [(p.name, p.read_bytes()) for p in files[:: max(1, len(files) // 12)]]
    sample.append((f"oversized{suffix}", oversized(settings.TANDEM_UPLOAD_MAX_BYTES, suffix)))
    problems = []
    for name, raw in sample:
        with transaction.atomic():
            before = table_counts()
            response = client.post(url, {"file": SimpleUploadedFile(name, raw)})
            after = table_counts()
            transaction.set_rollback(True)
        if response.status_code != 200:
            problems.append(f"{name}: HTTP {response.status_code}")
            continue
        found = _page_messages(response)
        if not found or not all(clear(m) for m in found):
            problems.append(f"{name}: messages {found[:2]!r}")
        if written(before, after):
            problems.append(f"{name}: wrote {written(before, after)}")
    print(f"\n[bad inputs] {importer} upload page: {len(sample)} files, {len(problems)} problems")
    assert problems == []


@pytest.mark.parametrize(
    ("importer", "name"),
    [
        pytest.param(i, n, id=f"{i}/{n}", marks=pytest.mark.xfail(strict=True, reason=r))
        for i, files in KNOWN_BAD.items()
        for n, r in files.items()
    ],
)
def test_known_bad_file_is_refused(importer: str, name: str, env: dict[str, Any]) -> None:
    with transaction.atomic():
        before = table_counts()
        message = IMPORTERS[importer]((BAD / importer / name).read_bytes(), name, env)
        after = table_counts()
        transaction.set_rollback(True)
    assert clear(message)
    assert written(before, after) == {}
