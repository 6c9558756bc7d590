"""A local HTTP server for the tests of fetched inputs: 127.0.0.1, a free port,
started and stopped by the test (a thread, bounded by a timeout)."""
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@contextmanager
def serving(routes: dict):
    """Serve ``routes`` ({path: (status, content type, bytes or str)}; a status 30x
    redirects to the str given); yields (base URL, list of (path, User-Agent) requested)."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            requests.append((self.path, self.headers.get("User-Agent")))
            status, kind, body = routes.get(self.path, (404, "text/plain", b"not found"))
            if 300 <= status < 400:
                self.send_response(status)
                self.send_header("Location", body)
                self.end_headers()
                return
            data = body.encode("utf-8") if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.timeout = 5
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
