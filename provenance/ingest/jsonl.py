"""JSONL and JSON corpora: one article per record.

A JSONL file holds one JSON object per line; a JSON file holds a list of such
objects (or one object). Each record names its parts in fields, ``text``
required and ``id``, ``url``, ``publisher``, ``title``, ``published``,
``author``, ``credits`` optional; :class:`RecordFields` renames them for
corpora that call them otherwise (``body``, ``headline``, ``meta.source``:
a dotted name reaches into nested objects).

A record that cannot be used (malformed JSON, no text, too large) becomes a
:class:`~provenance.model.Failure` with its line number (for a JSON list, its
position in the list) and the other records are kept. A record without an id
gets ``path:line``. A ``published`` value that is not a date is dropped with
the article kept. Lines are read one at a time, so a corpus may be far larger
than memory; the size limit applies to each line.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, fields as dataclass_fields
from datetime import datetime, timezone
from typing import Any, BinaryIO
from zlib import error as ZlibError

from dateutil import parser as date_parser

from ..errors import InputError
from ..model import Article, Failure
from ..settings import DEFAULT_SETTINGS, Settings
from .files import too_large
from .text import article_from_text

__all__ = ["DEFAULT_FIELDS", "RecordFields", "article_from_record", "iter_json", "iter_jsonl", "parse_published"]

logger = logging.getLogger(__name__)

RE_SURROGATE = re.compile("[\ud800-\udfff]")

#: Two defaults far apart: a date string missing a part parses differently under each.
_PROBE_DEFAULTS = (datetime(2000, 1, 1), datetime(2001, 2, 2))


@dataclass(frozen=True, slots=True)
class RecordFields:
    """The field of a JSON record that holds each part of an article.

    Examples
    --------
    >>> RecordFields(text="body").text, RecordFields().title
    ('body', 'title')
    """

    id: str = "id"
    url: str = "url"
    publisher: str = "publisher"
    title: str = "title"
    published: str = "published"
    text: str = "text"
    author: str = "author"
    credits: str = "credits"

    def __post_init__(self) -> None:
        for item in dataclass_fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"the {item.name} field name must be a non-empty string, not {value!r}")


DEFAULT_FIELDS = RecordFields()


def iter_jsonl(
    handle: BinaryIO,
    *,
    name: str,
    fields: RecordFields = DEFAULT_FIELDS,
    settings: Settings = DEFAULT_SETTINGS,
) -> Iterator[Article | Failure]:
    """Yield an Article or a Failure for each non-blank line of a JSONL stream.

    Parameters
    ----------
    handle : binary file
        The open JSONL file (or a gzip stream over it).
    name : str
        The file's path, for ids and failures.
    fields : RecordFields
        Which field holds which part.
    settings : Settings
        ``max_article_bytes`` caps each line.

    Yields
    ------
    Article or Failure
        In line order; a Failure carries the line number.

    Examples
    --------
    >>> import io
    >>> lines = b'{"id": "a1", "text": "Reuters said."}\\n{"text": oops}\\n{"text": "AP said."}\\n'
    >>> for item in iter_jsonl(io.BytesIO(lines), name="dump.jsonl"):
    ...     print(item.id if isinstance(item, Article) else item)
    a1
    dump.jsonl:2: malformed JSON: expecting value (column 10)
    dump.jsonl:3
    """
    limit = settings.max_article_bytes
    number = 0
    while True:
        number += 1
        try:
            line = handle.readline(limit + 1)
            if len(line) > limit and not line.endswith(b"\n"):
                while line and not line.endswith(b"\n"):
                    line = handle.readline(limit + 1)
                yield Failure(name, too_large(limit, limit, exact=False), number)
                continue
        except EOFError:
            yield Failure(name, f"truncated gzip data after line {number - 1}")
            return
        except (OSError, ZlibError) as err:
            yield Failure(name, f"unreadable after line {number - 1}: {str(err).lower()}")
            return
        if not line:
            return
        if not line.strip():
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        yield _record_article(line, name=name, number=number, fields=fields, settings=settings)


def iter_json(
    data: bytes,
    *,
    name: str,
    fields: RecordFields = DEFAULT_FIELDS,
    settings: Settings = DEFAULT_SETTINGS,
) -> Iterator[Article | Failure]:
    """Yield the articles of a JSON document: a list of records, or one record.

    A file of several JSON objects one per line is read as JSONL. A Failure's
    ``line`` is the record's position in the list (1-based).

    Examples
    --------
    >>> data = b'[{"text": "Reuters said."}, {"title": "no text"}]'
    >>> [str(item) if isinstance(item, Failure) else item.id for item in iter_json(data, name="c.json")]
    ['c.json:1', "c.json:2: no 'text' field"]
    """
    import io

    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as err:
        yield Failure(name, f"not UTF-8 (byte {err.start})")
        return
    except json.JSONDecodeError as err:
        if err.msg == "Extra data":  # one object per line: JSONL named .json
            yield from iter_jsonl(io.BytesIO(data), name=name, fields=fields, settings=settings)
        else:
            yield Failure(name, f"malformed JSON: {err.msg.lower()} (column {err.colno})", err.lineno)
        return
    except (ValueError, RecursionError) as err:  # huge numbers, deep nesting
        yield Failure(name, f"malformed JSON: {str(err).lower() or 'nested too deeply'}")
        return
    if isinstance(document, dict):
        records, single = [document], True
    elif isinstance(document, list):
        records, single = document, False
    else:
        yield Failure(name, f"expected a list of records or one record, not {type(document).__name__}")
        return
    for number, record in enumerate(records, start=1):
        line = None if single else number
        try:
            default_id = name if single else f"{name}:{number}"
            yield article_from_record(record, default_id=default_id, path=name, fields=fields, settings=settings)
        except InputError as err:
            yield Failure(name, err.reason, line)


def article_from_record(
    record: Any,
    *,
    default_id: str,
    path: str | None = None,
    fields: RecordFields = DEFAULT_FIELDS,
    settings: Settings = DEFAULT_SETTINGS,
) -> Article:
    """Return the Article one decoded JSON record describes.

    Raises
    ------
    InputError
        When the record is not an object, has no usable text, or is too large.

    Examples
    --------
    >>> record = {"body": "AP said.", "source": "AP", "date": "March 24, 2022 08:12 PM"}
    >>> article = article_from_record(record, default_id="x:1",
    ...     fields=RecordFields(text="body", publisher="source", published="date"))
    >>> article.id, article.publisher, article.published.isoformat()
    ('x:1', 'AP', '2022-03-24T20:12:00')
    """
    where = path or default_id
    if not isinstance(record, dict):
        raise InputError(where, f"expected a JSON object, not {_json_type(record)}")
    text = _field(record, fields.text)
    if text is None:
        raise InputError(where, f"no {fields.text!r} field")
    if not isinstance(text, str):
        raise InputError(where, f"the {fields.text!r} field is {_json_type(text)}, not a string")
    if not text.strip():
        raise InputError(where, "empty text")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > settings.max_article_bytes:
        raise InputError(where, too_large(size, settings.max_article_bytes))
    published_value = _field(record, fields.published)
    published = parse_published(published_value)
    if published_value not in (None, "") and published is None:
        logger.debug("%s: %r is not a date; published left empty", default_id, published_value)
    return article_from_text(
        RE_SURROGATE.sub("\ufffd", text),
        id=_string(_field(record, fields.id)) or default_id,
        path=path,
        url=_string(_field(record, fields.url)),
        publisher=_string(_field(record, fields.publisher)),
        title=_string(_field(record, fields.title)),
        author=_string(_field(record, fields.author)),
        published=published,
        credits=_credits(_field(record, fields.credits)),
    )


def parse_published(value: Any) -> datetime | None:
    """Return a publication time from an ISO 8601 string, a common date string or epoch seconds.

    A string missing its year, month or day gives None rather than a guess.

    Examples
    --------
    >>> parse_published("2022-03-24T20:12:00Z").isoformat()
    '2022-03-24T20:12:00+00:00'
    >>> parse_published("Thu, 24 Mar 2022 15:12:00 GMT").isoformat()
    '2022-03-24T15:12:00+00:00'
    >>> parse_published(1648152720).isoformat()
    '2022-03-24T20:12:00+00:00'
    >>> parse_published("March 24"), parse_published("soon")
    (None, None)
    """
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip() or len(value) > 200:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        pass
    try:
        first, second = (date_parser.parse(value, default=default) for default in _PROBE_DEFAULTS)
    except (ValueError, OverflowError):
        return None
    return first if first == second else None


def _record_article(
    line: bytes, *, name: str, number: int, fields: RecordFields, settings: Settings
) -> Article | Failure:
    """The Article on one JSONL line, or the Failure saying why not."""
    try:
        record = json.loads(line.rstrip(b"\r\n").decode("utf-8"))
    except UnicodeDecodeError as err:
        return Failure(name, f"not UTF-8 (byte {err.start} of the line)", number)
    except json.JSONDecodeError as err:
        return Failure(name, f"malformed JSON: {err.msg.lower()} (column {err.colno})", number)
    except ValueError as err:  # a number of more than 4,300 digits
        return Failure(name, f"malformed JSON: {str(err).lower()}", number)
    except RecursionError:
        return Failure(name, "malformed JSON: nested too deeply", number)
    try:
        return article_from_record(record, default_id=f"{name}:{number}", path=name, fields=fields, settings=settings)
    except InputError as err:
        return Failure(name, err.reason, number)


def _field(record: dict, name: str) -> Any:
    """``record[name]``, or the value a dotted name reaches in nested objects."""
    if name in record:
        return record[name]
    value: Any = record
    for part in name.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value


def _string(value: Any) -> str | None:
    """A field as a stripped string (numbers as written), or None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, str) and value.strip():
        return RE_SURROGATE.sub("\ufffd", value.strip())
    return None


def _credits(value: Any) -> tuple[str, ...]:
    """The credited sources: a list of names, or one name."""
    items = value if isinstance(value, list) else [value]
    return tuple(name for name in (_string(item) for item in items) if name)


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type."""
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
