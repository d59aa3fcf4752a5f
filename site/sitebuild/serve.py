"""A small static file server for looking at the built site locally (not for production)."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path


class _Handler(http.server.SimpleHTTPRequestHandler):
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


def serve(root: Path, host: str = "127.0.0.1", port: int = 8001) -> int:
    root = Path(root).resolve()
    if not root.is_dir():
        print(f"hub serve: {root} finns inte. Kör 'hub build' först.")
        return 1
    handler = functools.partial(_Handler, directory=str(root))
    with http.server.ThreadingHTTPServer((host, port), handler) as httpd:
        print(f"Webbplatsen: http://{host}:{port}/  (avsluta med Ctrl+C)", flush=True)
        try:
            httpd.serve_forever()
        except KeyboardInterrupt:
            pass
    return 0
