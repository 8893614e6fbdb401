"""Decode a trade file and stream its rows as flows or one-line errors, in bounded memory."""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Container, Iterator
from typing import IO, Any

from tandem.trade.formats import comtrade, japan, japan_wide, russia
from tandem.trade.formats.base import (
    FORMATS,
    FileRejectedError,
    Flow,
    Problem,
    RowError,
    SkipRow,
    looks_like_formula,
    refuse_formula,
)
from tandem.trade.formats.checks import Check, Ledger, Part, Plan, Survey
from tandem.trade.formats.columns import Layout

# Each format's layouts, the usual one first: Japan's Customs publish a long form and a wide
# one (the months side by side).
PARSERS: dict[str, tuple[Any, ...]] = {
    "comtrade": (comtrade,),
    "japan": (japan, japan_wide),
    "russia": (russia,),
}
CHUNK = 1 << 20
FALLBACK = {"japan": ("cp932",), "russia": ("cp1251",), "comtrade": ("cp1251", "cp932")}
LABELS = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "cp932": "CP932", "cp1251": "CP1251"}


def _decodes(stream: IO[bytes], encoding: str) -> bool:
    stream.seek(0)
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    try:
        while chunk := stream.read(CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    finally:
        stream.seek(0)
    return True


def detect_encoding(stream: IO[bytes], file_format: str) -> str:
    """UTF-8 (with or without BOM) when the whole file decodes as UTF-8; else the format's
    usual legacy encoding (CP932 for Japan, CP1251 for Russia)."""
    start = stream.read(4)
    stream.seek(0)
    if not start:
        raise FileRejectedError("The file is empty.", code="empty")
    if start.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if _decodes(stream, "utf-8"):
        return "utf-8"
    for encoding in FALLBACK[file_format]:
        if _decodes(stream, encoding):
            return encoding
    raise FileRejectedError(
        "The file is not in UTF-8, CP932 (Japanese) or CP1251 (Russian): save it as UTF-8 CSV.",
        code="encoding",
    )


def guess_format(header_line: str) -> str | None:
    """The format whose required columns the header names, if exactly one does."""
    cells = next(csv.reader([header_line], delimiter=_delimiter(header_line)), [])
    found = [name for name in FORMATS if _layout(cells, name) is not None]
    return found[0] if len(found) == 1 else None


def _layout(header: list[str], file_format: str) -> tuple[Any, Layout] | None:
    """The parser of the first of the format's layouts whose columns the header has."""
    for parser in PARSERS[file_format]:
        layout = Layout(header, parser.COLUMNS, parser.REQUIRED)
        if not layout.missing():
            return parser, layout
    return None


def _delimiter(line: str) -> str:
    counts = {d: line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d])


class FlowReader:
    """Iterate over ``rows()``: (row number, Flow) or (row number, error message). Rows
    deliberately left out (partner World, re-exports, totals) are counted in ``skipped``."""

    def __init__(
        self, stream: IO[bytes], file_format: str | None, known_codes: Container[str]
    ) -> None:
        self.stream = stream
        self.known_codes = known_codes
        self.encoding = ""
        self.skipped: Counter[str] = Counter()
        self.level: int | None = None
        self.ledger = Ledger(Plan())
        self.coarser = 0  # rows whose national code is filed under its heading or chapter
        self.file_format = file_format or ""
        if file_format is not None and file_format not in FORMATS:
            raise FileRejectedError(
                f"Unknown format '{file_format}': use {', '.join(FORMATS)}.",
                code="unknown_format",
                value=file_format,
                formats=list(FORMATS),
            )

    @property
    def encoding_label(self) -> str:
        return LABELS.get(self.encoding, self.encoding)

    def _guess(self) -> str:
        """The format named by the header, decoded as UTF-8, CP932 or CP1251 in turn."""
        first = self.stream.readline(65536)
        self.stream.seek(0)
        for encoding in ("utf-8-sig", "cp932", "cp1251"):
            guessed = guess_format(first.decode(encoding, errors="replace"))
            if guessed is not None:
                return guessed
        raise FileRejectedError(
            "The format could not be told from the header: name it (comtrade, japan or russia).",
            code="format_not_told",
        )

    def rows(self) -> Iterator[tuple[int, Flow | str]]:
        if not self.file_format:
            if not self.stream.read(1):
                raise FileRejectedError("The file is empty.", code="empty")
            self.stream.seek(0)
            self.file_format = self._guess()
        self.encoding = detect_encoding(self.stream, self.file_format)
        text = io.TextIOWrapper(self.stream, encoding=self.encoding, newline="")
        try:
            header_line = text.readline()
            parser, layout, delimiter = self._layout(header_line)
            if hasattr(parser, "surveyor"):  # totals may sit beside their parts
                self.ledger = Ledger(self._survey(text, parser, layout, delimiter))
                text.detach()
                self.stream.seek(0)
                text = io.TextIOWrapper(self.stream, encoding=self.encoding, newline="")
                text.readline()
            yield from self._rows(text, parser, layout, delimiter)
            for number, key in self.ledger.missing_totals():
                yield (
                    number,
                    Problem(
                        f"Row {number}: the rows broken down by second partner, customs procedure "
                        f"or mode of transport for {'/'.join(key)} have no total row (second "
                        "partner World, customs procedure C00, mode of transport 0): download "
                        "the file with its total rows.",
                        "row",
                        {
                            "row": number,
                            "problem": {"code": "no_total_row", "params": {"key": "/".join(key)}},
                        },
                    ),
                )
        finally:
            text.detach()

    @property
    def plan(self) -> Plan:
        return self.ledger.plan

    def checks(self) -> list[Check]:
        """Each total of the file compared with its parts (after ``rows()`` is read)."""
        return self.ledger.checks()

    def _layout(self, header_line: str) -> tuple[Any, Layout, str]:
        delimiter = _delimiter(header_line)
        header = next(csv.reader([header_line.lstrip("\ufeff")], delimiter=delimiter), [])
        found = _layout(header, self.file_format)
        if found is None:
            usual = PARSERS[self.file_format][0]
            missing = Layout(header, usual.COLUMNS, usual.REQUIRED).missing()
            raise FileRejectedError(
                f"The header of a {self.file_format} file lacks the columns: {', '.join(missing)}.",
                code="missing_columns",
                file_format=self.file_format,
                columns=list(missing),
            )
        return found[0], found[1], delimiter

    def _survey(self, text: io.TextIOWrapper, parser: Any, layout: Layout, delimiter: str) -> Plan:
        survey = Survey()
        note = parser.surveyor(layout, survey)
        for row in csv.reader(text, delimiter=delimiter):
            if row:
                note(row)
        return survey.plan(self.known_codes)

    def _rows(
        self, text: io.TextIOWrapper, parser: Any, layout: Layout, delimiter: str
    ) -> Iterator[tuple[int, Flow | str]]:
        known = self.known_codes
        ledger = self.ledger
        planned = hasattr(parser, "surveyor")
        for number, row in enumerate(csv.reader(text, delimiter=delimiter), start=2):
            if not row or all(not cell.strip() for cell in row):
                continue
            try:
                for position, cell in enumerate(row):
                    if looks_like_formula(cell):
                        refuse_formula(layout.name(position), cell)
                if planned:
                    found = parser.parse(layout.reader(row), known, ledger)
                    if isinstance(found, Part):
                        ledger.add(found, number)
                        self.skipped[parser.skip_reason(found)] += 1
                        continue
                    flows = [found]
                elif hasattr(parser, "parse_all"):  # a wide row holds several periods
                    flows = parser.parse_all(layout.reader(row), known, ledger)
                else:
                    flows = [parser.parse(layout.reader(row), known)]
            except SkipRow as skip:
                self.skipped[str(skip)] += 1
                continue
            except RowError as error:
                problem = {"code": error.code or "as_given", "params": error.params}
                if not error.code:
                    problem["params"] = {"text": str(error)}
                yield (
                    number,
                    Problem(f"Row {number}: {error}.", "row", {"row": number, "problem": problem}),
                )
                continue
            for flow in flows:
                yield number, self._same_level(number, flow)

    def _same_level(self, number: int, flow: Flow) -> Flow | str:
        """The flow, or an error if its HS level differs from the file's first row's (a
        national code counts as a subheading, also when filed under its heading)."""
        level = len(flow.hs_code)
        if flow.national_code and level < 6:
            self.coarser += 1
            level = 6
        if self.level is None:
            self.level = level
        elif level != self.level:
            return Problem(
                f"Row {number}: HS code {flow.hs_code} has {level} digits where the rows "
                f"before have {self.level}: import one level of detail per file.",
                "row",
                {
                    "row": number,
                    "problem": {
                        "code": "mixed_levels",
                        "params": {"value": flow.hs_code, "digits": level, "before": self.level},
                    },
                },
            )
        return flow
