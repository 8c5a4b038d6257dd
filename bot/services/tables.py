"""CSV files that staff keep in a spreadsheet: plain headers, HXL hashtags, or both.

HXL (the Humanitarian Exchange Language, hxlstandard.org) adds a row of hashtags such as
``#geo+lat`` under or instead of the headers, so that files from different organisations line
up. A file is read whole and checked whole: the caller gets every row or a list of problems.
"""

from __future__ import annotations

import csv
import enum
import io
import json
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Generic, TypeVar

from bot.typed_text import clean_text

# HXL allows a title or notes above the hashtag row; we look this far down for it.
HXL_ROW_SEARCH = 5
DELIMITERS = (",", ";", "\t")  # spreadsheets in Russian locales save with ";"
PHONE_SHAPE = re.compile(r"\+?\d{3,15}")
PHONE_SEPARATORS = re.compile(r"[\s\-().\u00a0]")
FLAGS = {"yes": True, "true": True, "1": True, "no": False, "false": False, "0": False, "": False}


class ProblemCode(enum.StrEnum):
    """Why a file or a row is refused; each has a message `import-problem-<code>` in locales."""

    NOT_UTF8 = "not-utf8"
    NOT_CSV = "not-csv"
    EMPTY_FILE = "empty-file"
    MISSING_COLUMN = "missing-column"
    REPEATED_COLUMN = "repeated-column"
    MISSING_VALUE = "missing-value"
    MISSING_COORDINATES = "missing-coordinates"
    NOT_A_NUMBER = "not-a-number"
    NOT_A_COORDINATE = "not-a-coordinate"
    OUTSIDE_REGION = "outside-region"
    NEGATIVE = "negative"
    MORE_THAN_CAPACITY = "more-than-capacity"
    DUPLICATE_ID = "duplicate-id"
    UNKNOWN_DISTRICT = "unknown-district"
    UNKNOWN_VALUE = "unknown-value"
    BAD_PHONE = "bad-phone"
    BAD_DATE = "bad-date"
    TOO_LONG = "too-long"
    NOT_JSON = "not-json"
    BAD_SEX = "bad-sex"
    BAD_AGE = "bad-age"
    BAD_BIRTH_YEAR = "bad-birth-year"
    AGE_AND_BIRTH_YEAR = "age-and-birth-year"


@dataclass(frozen=True)
class Problem:
    """One reason to refuse a file: where (line and column as the file names it) and why."""

    line: int
    column: str
    code: ProblemCode
    value: str = ""  # what the file says there, or what would be accepted
    other_line: int = 0  # for a duplicate: where the same id was first

    def sort_key(self) -> tuple[int, str]:
        return self.line, self.column


@dataclass(frozen=True)
class Column:
    """A field the file may carry, under plain headers or HXL hashtags (first ones are written)."""

    key: str
    headers: tuple[str, ...]
    tags: tuple[str, ...]
    required: bool = False


@dataclass
class Row:
    line: int
    values: dict[str, str]
    labels: dict[str, str]  # key -> the column's name as the file writes it

    def get(self, key: str) -> str:
        return self.values.get(key, "")


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_table(data: bytes, columns: Sequence[Column]) -> Table:
    """Decodes, finds the header or hashtag row, and maps each column to a field key."""
    text, problem = _decode(data)
    if problem is not None:
        return Table(problems=[problem])
    try:
        lines = [(number, cells) for number, cells in _rows(text) if any(c.strip() for c in cells)]
    except BrokenCsvError as error:
        return Table(problems=[Problem(error.line, "", ProblemCode.NOT_CSV)])
    if not lines:
        return Table(problems=[Problem(1, "", ProblemCode.EMPTY_FILE)])
    header_index, uses_tags = _find_header(lines)
    line, cells = lines[header_index]
    # With a hashtag row under plain headers, the headers name the columns in messages.
    above = lines[header_index - 1][1] if header_index > 0 else []
    labels = above if uses_tags and sum(1 for c in above if c.strip()) > 1 else cells
    mapping, problems = _map_columns(line, cells, labels, columns, uses_tags)
    present = {key for key, _ in mapping.values()}
    problems += [
        Problem(line, _label(column, uses_tags), ProblemCode.MISSING_COLUMN)
        for column in columns
        if column.required and column.key not in present
    ]
    if problems:
        return Table(problems=problems)
    body = lines[header_index + 1 :]
    return Table(rows=[_row(number, cells, mapping) for number, cells in body])


def _decode(data: bytes) -> tuple[str, Problem | None]:
    try:
        # utf-8-sig drops the byte-order mark that spreadsheets put in front.
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return "", Problem(line, "", ProblemCode.NOT_UTF8)


class BrokenCsvError(Exception):
    def __init__(self, line: int) -> None:
        super().__init__(line)
        self.line = line


def _rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """Rows with the line each starts on (a quoted cell may span lines)."""
    first_line = text.split("\n", 1)[0]
    delimiter = max(DELIMITERS, key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        raise BrokenCsvError(max(reader.line_num, start)) from error


def _find_header(lines: list[tuple[int, list[str]]]) -> tuple[int, bool]:
    """The index of the row naming the columns, and whether it is a row of HXL hashtags."""
    for index, (_, cells) in enumerate(lines[:HXL_ROW_SEARCH]):
        filled = [c.strip() for c in cells if c.strip()]
        if filled and all(c.startswith("#") for c in filled):
            return index, True
    return 0, False


def _map_columns(
    line: int,
    cells: list[str],
    labels: list[str],
    columns: Sequence[Column],
    uses_tags: bool,
) -> tuple[dict[int, tuple[str, str]], list[Problem]]:
    """Position -> (field key, label). Unknown columns are left alone: files carry extras."""
    by_name: dict[str, str] = {}
    for column in columns:
        names = column.tags if uses_tags else column.headers
        by_name.update({_normalize(name, uses_tags): column.key for name in names})
    mapping: dict[int, tuple[str, str]] = {}
    problems: list[Problem] = []
    seen: set[str] = set()
    for position, cell in enumerate(cells):
        key = by_name.get(_normalize(cell, uses_tags))
        if key is None:
            continue
        label = cell.strip()
        if position < len(labels) and labels[position].strip():
            label = labels[position].strip()
        if key in seen:
            problems.append(Problem(line, label, ProblemCode.REPEATED_COLUMN))
        seen.add(key)
        mapping[position] = (key, label)
    return mapping, problems


def _normalize(name: str, is_tag: bool) -> str:
    cleaned = "".join(name.split()).lower() if is_tag else name.strip().lower()
    if is_tag:
        tag, *attributes = cleaned.split("+")
        return "+".join([tag, *sorted(a for a in attributes if a)])
    return re.sub(r"[\s\-]+", "_", cleaned)


def _label(column: Column, uses_tags: bool) -> str:
    return column.tags[0] if uses_tags else column.headers[0]


def _row(line: int, cells: list[str], mapping: dict[int, tuple[str, str]]) -> Row:
    values: dict[str, str] = {}
    labels: dict[str, str] = {}
    for position, (key, label) in mapping.items():
        # Control characters go here, at the edge, as they do from everything typed in the bot.
        values[key] = clean_text(cells[position]).strip() if position < len(cells) else ""
        labels[key] = label
    return Row(line, values, labels)


# --- JSON lines ----------------------------------------------------------------------------


def is_json_lines(data: bytes) -> bool:
    """A file whose first thing is an object: JSON lines, one object a line (a CSV header row
    never starts with a brace)."""
    return data.removeprefix(b"\xef\xbb\xbf").lstrip().startswith(b"{")


def read_json_lines(data: bytes, columns: Sequence[Column]) -> Table:
    """One object a line, its fields named as the columns' plain headers; a field left out is
    empty. Numbers become their text, so that rows are checked as those of a CSV file are."""
    text, problem = _decode(data)
    if problem is not None:
        return Table(problems=[problem])
    by_name = {_normalize(name, False): column.key for column in columns for name in column.headers}
    table = Table()
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except ValueError:
            item = None
        if not isinstance(item, dict):
            table.problems.append(Problem(number, "", ProblemCode.NOT_JSON))
            continue
        row, problems = _json_row(number, item, by_name)
        table.problems += problems
        if not problems:
            table.rows.append(row)
    if not table.rows and not table.problems:
        table.problems.append(Problem(1, "", ProblemCode.EMPTY_FILE))
    # Unlike a table with a broken header, the lines that are objects are checked as rows
    # (parse_records), so that one pass lists every problem of the file.
    return table


def _json_row(
    number: int, item: dict[str, object], by_name: dict[str, str]
) -> tuple[Row, list[Problem]]:
    row = Row(number, {}, {})
    problems: list[Problem] = []
    for name, value in item.items():
        key = by_name.get(_normalize(name, False))
        if key is None:
            continue  # fields of other tools, like extra columns of a spreadsheet
        if key in row.values:
            problems.append(Problem(number, name, ProblemCode.REPEATED_COLUMN))
        cell = _json_cell(value)
        if cell is None:
            problems.append(
                Problem(number, name, ProblemCode.UNKNOWN_VALUE, json.dumps(value)[:50])
            )
        row.labels[key], row.values[key] = name, cell or ""
    return row, problems


def _json_cell(value: object) -> str | None:
    """A field's value as a cell's text; None for what no cell holds (true, lists, objects)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return clean_text(value).strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def header_rows(columns: Sequence[Column]) -> list[list[str]]:
    """Plain headers, then HXL hashtags: readable by people and by HXL tools alike."""
    return [[c.headers[0] for c in columns], [c.tags[0] for c in columns]]


def write_table(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


# --- values ------------------------------------------------------------------------------


class Cells:
    """Reads typed values from one row, noting a problem for each value that doesn't fit."""

    def __init__(self, row: Row, problems: list[Problem]) -> None:
        self.row = row
        self.problems = problems

    def fail(self, key: str, code: ProblemCode, value: str = "") -> None:
        self.problems.append(Problem(self.row.line, self.row.labels.get(key, key), code, value))

    def text(self, key: str, max_length: int, *, required: bool = False) -> str | None:
        value = self.row.get(key)
        if not value:
            if required:
                self.fail(key, ProblemCode.MISSING_VALUE)
            return None
        if len(value) > max_length:
            self.fail(key, ProblemCode.TOO_LONG, str(max_length))
            return None
        return value

    def whole_number(self, key: str, *, required: bool = False) -> int | None:
        value = self.row.get(key)
        if not value:
            if required:
                self.fail(key, ProblemCode.MISSING_VALUE)
            return None
        digits = "".join(value.split())
        if digits.startswith("-") and digits[1:].isdigit():
            self.fail(key, ProblemCode.NEGATIVE, value)
            return None
        if not digits.isascii() or not digits.isdigit():
            self.fail(key, ProblemCode.NOT_A_NUMBER, value)
            return None
        return int(digits)

    def coordinate(self, key: str, limit: float) -> float | None:
        value = self.row.get(key).replace(",", ".")  # a decimal comma from a Russian spreadsheet
        try:
            number = float(value)
        except ValueError:
            self.fail(key, ProblemCode.NOT_A_COORDINATE, self.row.get(key))
            return None
        if not -limit <= number <= limit:
            self.fail(key, ProblemCode.NOT_A_COORDINATE, self.row.get(key))
            return None
        return number

    def choice(self, key: str, allowed: dict[str, str]) -> str | None:
        """A value from a fixed set (after aliases), or None with a problem; empty is None."""
        value = self.row.get(key)
        if not value:
            return None
        found = allowed.get(_token(value))
        if found is None:
            self.fail(key, ProblemCode.UNKNOWN_VALUE, value)
        return found

    def choices(self, key: str, allowed: dict[str, str]) -> list[str]:
        found: list[str] = []
        for part in re.split(r"[;,|/]", self.row.get(key)):
            if not part.strip():
                continue
            value = allowed.get(_token(part))
            if value is None:
                self.fail(key, ProblemCode.UNKNOWN_VALUE, part.strip())
            elif value not in found:
                found.append(value)
        return found

    def phones(self, key: str, *, required: bool = False) -> list[str]:
        parts = [p for p in re.split(r"[;,]", self.row.get(key)) if p.strip()]
        if not parts and required:
            self.fail(key, ProblemCode.MISSING_VALUE)
        phones: list[str] = []
        for part in parts:
            phone = normalize_phone(part)
            if phone is None:
                self.fail(key, ProblemCode.BAD_PHONE, part.strip())
            else:
                phones.append(phone)
        return phones

    def flag(self, key: str) -> bool:
        value = _token(self.row.get(key))
        if value not in FLAGS:
            self.fail(key, ProblemCode.UNKNOWN_VALUE, self.row.get(key))
            return False
        return FLAGS[value]

    def moment(self, key: str, now: datetime) -> datetime | None:
        """An ISO date or date and time (UTC when no zone is given), not in the future."""
        value = self.row.get(key)
        if not value:
            return None
        try:
            moment = datetime.fromisoformat(value.replace(" ", "T", 1))
        except ValueError:
            self.fail(key, ProblemCode.BAD_DATE, value)
            return None
        moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
        if moment > now:
            self.fail(key, ProblemCode.BAD_DATE, value)
            return None
        return moment


def duplicate_id(row: Row, first_line: dict[str, int]) -> list[Problem]:
    """The id of a row seen before in the same file; remembers it otherwise."""
    external_id = row.get("id")
    if not external_id:
        return []
    if external_id in first_line:
        label = row.labels.get("id", "id")
        return [
            Problem(row.line, label, ProblemCode.DUPLICATE_ID, external_id, first_line[external_id])
        ]
    first_line[external_id] = row.line
    return []


def normalize_phone(text: str) -> str | None:
    """A number people can tap: +996… in full, or a short service number such as 112."""
    compact = PHONE_SEPARATORS.sub("", text)
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if compact.startswith("0") and len(compact) == 10:  # 0555 123 456, dialled inside the country
        compact = "+996" + compact[1:]
    if compact.startswith("996") and len(compact) == 12:
        compact = "+" + compact
    if not PHONE_SHAPE.fullmatch(compact):
        return None
    if not compact.startswith("+") and len(compact) > 6:
        return None  # a long number without its country code would not connect from abroad
    return compact


def _token(value: str) -> str:
    return re.sub(r"[\s\-]+", "_", value.strip().lower())


R = TypeVar("R")


@dataclass
class ParsedFile(Generic[R]):
    records: list[R] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def parse_records(
    data: bytes,
    columns: Sequence[Column],
    build: Callable[[Cells], R | None],
    *,
    json_lines: bool = False,
) -> ParsedFile[R]:
    """Every row checked; a single problem anywhere means no records at all. With `json_lines`,
    a file of JSON objects is read as well as a CSV one."""
    if json_lines and is_json_lines(data):
        table = read_json_lines(data, columns)
    else:
        table = read_table(data, columns)
    result: ParsedFile[R] = ParsedFile(problems=list(table.problems))
    first_line: dict[str, int] = {}
    for row in table.rows:
        problems: list[Problem] = []
        record = build(Cells(row, problems))
        problems += duplicate_id(row, first_line)
        if problems or record is None:
            result.problems += problems
        else:
            result.records.append(record)
    if result.problems:
        result.records = []
    return result
