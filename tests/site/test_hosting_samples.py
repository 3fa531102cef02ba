"""The hosting guide's nginx and Apache samples, taken from docs/hosting.md as written and run
against real nginx and apache2 serving the built site under a sub-path: the precompressed copies
are served as they are, content-hashed files are cached for a year and the rest revalidated, the
Content-Security-Policy header is sent, and the pages answer under /research-security/.

`./dev test` installs nginx and apache2 with apt-get, as it installs Chromium; where they cannot
be installed these tests are skipped with a message saying so."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import ROOT

HOSTING = ROOT / "docs" / "hosting.md"
PREFIX = "/research-security/"


def _sample(heading: str) -> str:
    """The first code block under a heading of the hosting guide."""
    text = HOSTING.read_text(encoding="utf-8")
    start = text.index(f"### {heading}")
    match = re.search(r"```text\n(.*?)\n```", text[start:], flags=re.S)
    assert match, f"no code block under '### {heading}' in docs/hosting.md"
    return match[1]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for(port: int, proc: subprocess.Popen[bytes], log: Path) -> None:
    for _ in range(200):
        if proc.poll() is not None:
            pytest.fail(f"the server stopped: {log.read_text(errors='replace') if log.exists() else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    pytest.fail(f"nothing answers on port {port}")


def _get(url: str, encoding: str = "br, gzip") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()


def _binary(name: str) -> str:
    path = shutil.which(name) or (f"/usr/sbin/{name}" if Path(f"/usr/sbin/{name}").exists() else None)
    if path is None:
        pytest.skip(f"{name} is not installed here (./dev test installs it with apt-get where it can): "
                    f"the {name} sample of docs/hosting.md was not run")
    return path


@pytest.fixture(scope="module")
def nginx_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    nginx = _binary("nginx")
    tmp = tmp_path_factory.mktemp("nginx")
    port = _free_port()
    sample = _sample("nginx").replace("/srv/research-security/site/", f"{built_site}/")
    kinds = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    temp = "".join(f"    {kind}_temp_path {tmp}/{kind};\n" for kind in kinds)
    # Started as root, nginx's workers would run as nobody, who cannot read the test's private folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(f"daemon off;\n{user}worker_processes 1;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\n"
                    f"events {{}}\nhttp {{\n    access_log off;\n{temp}    default_type application/octet-stream;\n"
                    f"    server {{\n        listen 127.0.0.1:{port};\n{sample}\n    }}\n}}\n", encoding="utf-8")
    yield from _run_server("nginx", [nginx, "-t", "-p", str(tmp), "-c", str(conf)],
                           [nginx, "-p", str(tmp), "-c", str(conf)], port, tmp)


APACHE_MODULES = ("mpm_event", "authz_core", "mime", "headers", "rewrite", "deflate", "filter", "alias", "dir")


@pytest.fixture(scope="module")
def apache_url(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    apache = _binary("apache2")
    tmp = tmp_path_factory.mktemp("apache")
    port = _free_port()
    modules = "".join(f"LoadModule {m}_module /usr/lib/apache2/modules/mod_{m}.so\n" for m in APACHE_MODULES)
    # The sample as it stands, in the site folder's <Directory> (the guide: ".htaccess or the virtual host").
    conf = tmp / "apache2.conf"
    conf.write_text(f"{modules}ServerName 127.0.0.1\nListen 127.0.0.1:{port}\nPidFile {tmp}/httpd.pid\n"
                    f"ErrorLog {tmp}/error.log\nDefaultRuntimeDir {tmp}\nTypesConfig /etc/mime.types\n"
                    f"DirectoryIndex index.html\nAlias {PREFIX} \"{built_site}/\"\n"
                    f"<Directory \"{built_site}\">\n    Require all granted\n    AllowOverride None\n"
                    f"{_sample('Apache')}\n</Directory>\n", encoding="utf-8")
    yield from _run_server("apache2", [apache, "-t", "-f", str(conf)], [apache, "-X", "-f", str(conf)], port, tmp)


def _run_server(name: str, check_cmd: list[str], run_cmd: list[str], port: int, tmp: Path) -> Iterator[str]:
    """Check the configuration (`-t`: the guide's sample must pass as written), start the server, yield its URL."""
    check = subprocess.run(check_cmd, capture_output=True, text=True, check=False)
    assert check.returncode == 0, f"{name} -t refuses the guide's sample:\n{check.stderr}"
    proc = subprocess.Popen(run_cmd, stderr=subprocess.DEVNULL)
    try:
        _wait_for(port, proc, tmp / "error.log")
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _hashed_wasm(site: Path) -> str:
    [wasm] = site.glob("assets/pyodide/*/pyodide.asm.wasm")
    return wasm.relative_to(site).as_posix()


def _check_host(url: str, site: Path, encodings: dict[str, str]) -> None:
    # A page under the sub-path: HTML, revalidated, with the Content-Security-Policy of the page.
    status, headers, body = _get(url + PREFIX + "self-assessment/", "identity")
    assert status == 200 and headers["content-type"].startswith("text/html") and b"rs-result" in body
    assert headers.get("cache-control") == "no-cache"
    assert "default-src 'self'" in headers.get("content-security-policy", ""), "no CSP header"
    assert headers.get("x-content-type-options") == "nosniff"
    # The content-hashed runtime: the build's precompressed copy, byte for byte, cached for a year.
    wasm = _hashed_wasm(site)
    for accept, suffix in encodings.items():
        status, headers, body = _get(url + PREFIX + wasm, accept)
        assert status == 200 and headers["content-type"] == "application/wasm", headers
        assert headers.get("content-encoding") == {".br": "br", ".gz": "gzip"}[suffix], headers
        assert body == (site / (wasm + suffix)).read_bytes(), f"{suffix}: not the build's precompressed copy"
        assert headers.get("cache-control") == "public, max-age=31536000, immutable", headers
    # The standard library, compressed by the build: sent as it is, with no Content-Encoding (the engine
    # checks the bytes that arrive against the build's hash, then decompresses them), cached for a year.
    packed = next(site.glob("assets/pyodide/*/python_stdlib.pyc.zip.gzip")).relative_to(site).as_posix()
    status, headers, body = _get(url + PREFIX + packed, "br, gzip")
    assert status == 200 and "content-encoding" not in headers, headers
    assert body == (site / packed).read_bytes(), "the standard library was not sent as the build wrote it"
    assert headers.get("cache-control") == "public, max-age=31536000, immutable", headers
    # Outside the sub-path nothing of the site is served.
    with pytest.raises(urllib.error.HTTPError):
        _get(url + "/self-assessment/", "identity")


def test_the_nginx_sample_serves_the_site_as_the_guide_says(nginx_url: str, built_site: Path) -> None:
    # Stock nginx has gzip_static; the Brotli copies need a module the sample leaves commented out.
    _check_host(nginx_url, built_site, {"gzip": ".gz"})


def test_the_apache_sample_serves_the_site_as_the_guide_says(apache_url: str, built_site: Path) -> None:
    _check_host(apache_url, built_site, {"br, gzip": ".br", "gzip": ".gz"})
