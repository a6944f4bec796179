"""Fetch the http(s) URLs a user names, with a timeout and a size limit.

Only ``http`` and ``https`` are fetched; any other scheme (``file://``,
``ftp://``, ``data:``) is refused, and so is a redirect to one. Requests say
who they are (``User-Agent: provenance/<version>``), wait at most
``Settings.fetch_timeout`` seconds for the whole download and read at most
``Settings.max_article_bytes``. Nothing is cached and no cookies are kept.

This module only downloads; :mod:`provenance.ingest` turns the bytes into
an article. It is used for URLs given on the command line, never for links
found inside articles.
"""

from __future__ import annotations

import http.client
import logging
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from .. import __version__
from ..errors import InputError
from ..settings import DEFAULT_SETTINGS, Settings
from .files import too_large

__all__ = ["ALLOWED_SCHEMES", "USER_AGENT", "Fetched", "fetch_url", "split_content_type"]

logger = logging.getLogger(__name__)

#: The URL schemes that are fetched.
ALLOWED_SCHEMES = ("http", "https")
#: How requests introduce themselves.
USER_AGENT = f"provenance/{__version__}"
#: Bytes read at a time, so the deadline is checked while a slow server drips.
CHUNK_BYTES = 65536


@dataclass(frozen=True, slots=True)
class Fetched:
    """A downloaded page: the URL it ended at, its Content-Type and its bytes."""

    url: str
    content_type: str
    body: bytes


class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects only to http(s) URLs."""

    def http_error_302(self, req, fp, code, msg, headers):
        target = urljoin(req.full_url, headers.get("Location") or headers.get("URI") or "")
        scheme = urlsplit(target).scheme.casefold()
        if scheme not in ALLOWED_SCHEMES:
            raise urllib.error.HTTPError(target, code, f"redirect to a {scheme}:// URL refused", headers, fp)
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


_OPENER = urllib.request.build_opener(_HttpOnlyRedirects)


def fetch_url(url: str, *, settings: Settings = DEFAULT_SETTINGS) -> Fetched:
    """Download one http(s) URL.

    Parameters
    ----------
    url : str
        An ``http://`` or ``https://`` URL.
    settings : Settings
        ``fetch_timeout`` (seconds for the whole download) and
        ``max_article_bytes``.

    Returns
    -------
    Fetched
        The final URL after redirects, the Content-Type and the body.

    Raises
    ------
    InputError
        For another scheme, an HTTP error status, a network error, a
        timeout, or a body over the size limit.

    Examples
    --------
    >>> fetch_url("file:///etc/passwd")
    Traceback (most recent call last):
    ...
    provenance.errors.InputError: file:///etc/passwd: unsupported URL scheme 'file'; expected one of: http, https
    """
    scheme = urlsplit(url).scheme.casefold()
    if scheme not in ALLOWED_SCHEMES:
        raise InputError(url, f"unsupported URL scheme {scheme!r}; expected one of: {', '.join(ALLOWED_SCHEMES)}")
    timeout = settings.fetch_timeout
    request = urllib.request.Request(
        url, headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.5"}
    )
    try:
        with _OPENER.open(request, timeout=timeout) as response:
            body = _read_body(response, url=url, settings=settings, deadline=time.monotonic() + timeout)
            return Fetched(response.geturl(), response.headers.get("Content-Type", ""), body)
    except urllib.error.HTTPError as err:
        if str(err.reason).startswith("redirect to a "):
            raise InputError(url, str(err.reason)) from err
        raise InputError(url, f"http error {err.code} ({str(err.reason).lower()})") from err
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise InputError(url, f"timed out after {timeout:g} s (Settings.fetch_timeout)") from err
        raise InputError(url, f"cannot fetch: {str(err.reason).lower()}") from err
    except TimeoutError as err:
        raise InputError(url, f"timed out after {timeout:g} s (Settings.fetch_timeout)") from err
    except (OSError, http.client.HTTPException, ValueError) as err:
        raise InputError(url, f"cannot fetch: {str(err).lower() or type(err).__name__}") from err


def split_content_type(value: str | None) -> tuple[str, str | None]:
    """Return the media type (lowercase) and the charset of a Content-Type header.

    Examples
    --------
    >>> split_content_type('text/HTML; charset="windows-1252"')
    ('text/html', 'windows-1252')
    >>> split_content_type(None)
    ('', None)
    """
    media_type, _, parameters = (value or "").partition(";")
    charset = None
    for parameter in parameters.split(";"):
        key, _, raw = parameter.partition("=")
        if key.strip().casefold() == "charset" and raw.strip().strip("\"'"):
            charset = raw.strip().strip("\"'")
    return media_type.strip().casefold(), charset


def _read_body(response, *, url: str, settings: Settings, deadline: float) -> bytes:
    """The body, refused when larger than the limit or slower than the deadline."""
    limit = settings.max_article_bytes
    declared = response.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise InputError(url, too_large(int(declared), limit))
    chunks: list[bytes] = []
    received = 0
    while True:
        chunk = response.read(CHUNK_BYTES)
        if not chunk:
            break
        chunks.append(chunk)
        received += len(chunk)
        if received > limit:
            raise InputError(url, too_large(limit, limit, exact=False))
        if time.monotonic() > deadline:
            raise InputError(url, f"timed out after {settings.fetch_timeout:g} s (Settings.fetch_timeout)")
    return b"".join(chunks)
