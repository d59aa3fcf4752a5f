"""A small static file server for looking at the built site locally (not for production).

The live output (``site/build``) is a symbolic link that every build swaps to a new
directory, and a later build removes the directory it pointed to before. So the link is
followed anew for every request, never once at start: each request is answered from the
build that is live when it arrives, a swap shows at the next request, and a removed build
is never asked for. Responses say ``Cache-Control: no-cache``, so that a browser asks
again (and gets a 304 for a file the build left alone) instead of showing a page it kept.
"""

from __future__ import annotations

import errno
import functools
import http.server
import os
import sys
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves ``directory`` (a link is followed for each request) with the site's own 404
    page for a missing path, as a static host is configured to."""

    def __init__(self, *args, directory: str, **kwargs):
        # One handler per request (HTTP/1.0: one request per connection), so the link is
        # resolved once per request, and the whole request is answered from one build.
        super().__init__(*args, directory=os.path.realpath(directory), **kwargs)

    def end_headers(self):
        self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.exists():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def server(root: Path, host: str = "127.0.0.1", port: int = 8001) -> http.server.HTTPServer:
    """A server for ``root`` bound to ``host:port`` (0: any free port), not yet serving.
    ``OSError`` when the port is taken."""
    handler = functools.partial(_Handler, directory=os.fspath(Path(root).absolute()))
    httpd = http.server.ThreadingHTTPServer((host, port), handler)
    httpd.daemon_threads = True
    return httpd


def serve(root: Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    root = Path(root).absolute()
    if not root.is_dir():
        print(f"hub serve: {root} finns inte. Kör 'hub build' först.", file=sys.stderr)
        return 1
    try:
        httpd = server(root, host, port)
    except OSError as exc:
        if exc.errno != errno.EADDRINUSE:
            raise
        print(f"hub serve: porten {port} används redan. Välj en annan med --port.", file=sys.stderr)
        return 1
    with httpd:
        print(f"Webbplatsen: http://{host}:{port}/  (avsluta med Ctrl+C)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
