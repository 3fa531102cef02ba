"""Serve a built site over HTTP on 127.0.0.1, as a static host would.

Used by the browser tests and the benchmarks. Options: a sub-path prefix (the
site served under e.g. /research-security/), extra response headers (a
Content-Security-Policy), gzip compression of text and wasm responses, and a
set of path suffixes to refuse (to simulate a blocked download). Responses
carry an ETag and answer If-None-Match with 304, as static hosts do.
"""

from __future__ import annotations

import gzip
import hashlib
import mimetypes
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("text/javascript", ".mjs")
_COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/wasm", "image/svg+xml")


@dataclass
class ServerOptions:
    prefix: str = "/"
    headers: dict[str, str] = field(default_factory=dict)
    gzip: bool = False
    refuse: tuple[str, ...] = ()
    wrong_mime: tuple[str, ...] = ()
    cache_control: str = "no-cache"
    # Per path (site-relative) instead of cache_control, e.g. immutable for content-hashed files.
    cache_control_for: Callable[[str], str] | None = None
    # Answer a missing file with the site's 404.html (status 404), as static hosts do.
    not_found_page: bool = False


def _handler(root: Path, options: ServerOptions) -> type[SimpleHTTPRequestHandler]:
    cache: dict[str, bytes] = {}
    etags: dict[str, str] = {}

    def cache_control(rel: str) -> str:
        return options.cache_control_for(rel) if options.cache_control_for else options.cache_control

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = unquote(urlsplit(self.path).path)
            if not path.startswith(options.prefix):
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            rel = path[len(options.prefix):]
            if any(rel.endswith(s) for s in options.refuse):
                self.send_error(HTTPStatus.FORBIDDEN, "blocked by the test")
                return
            target = (root / rel).resolve()
            if root not in target.parents and target != root:
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            if target.is_dir():
                if not path.endswith("/"):
                    self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                    self.send_header("Location", path + "/")
                    self.end_headers()
                    return
                target = target / "index.html"
            if not target.is_file():
                if options.not_found_page and (root / "404.html").is_file():
                    body = (root / "404.html").read_bytes()
                    self.send_response(HTTPStatus.NOT_FOUND)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if any(rel.endswith(s) for s in options.wrong_mime):
                ctype = "application/octet-stream"
            data = target.read_bytes()
            key = str(target)
            if key not in etags:
                etags[key] = '"' + hashlib.sha256(data).hexdigest()[:20] + '"'
            if self.headers.get("If-None-Match") == etags[key]:
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self.send_header("ETag", etags[key])
                self.send_header("Cache-Control", cache_control(rel))
                self.end_headers()
                return
            encoding = None
            if options.gzip and ctype.startswith(_COMPRESSIBLE) and "gzip" in self.headers.get("Accept-Encoding", ""):
                if key not in cache:
                    cache[key] = gzip.compress(data, compresslevel=6)
                data, encoding = cache[key], "gzip"
            self.send_response(HTTPStatus.OK)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
            if encoding:
                self.send_header("Content-Encoding", encoding)
            self.send_header("Cache-Control", cache_control(rel))
            self.send_header("ETag", etags[key])
            for name, value in options.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(data)

        def do_HEAD(self) -> None:
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)

    return Handler


@contextmanager
def serve(root: Path, options: ServerOptions | None = None) -> Iterator[str]:
    """Yield the base URL (ending in the prefix) of `root` served on 127.0.0.1."""
    options = options or ServerOptions()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(Path(root).resolve(), options))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{options.prefix}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
