"""App mode: the course served by Voila, with no code shown, on this computer only.

``goingfirst app`` (or ``make app``) starts Voila on 127.0.0.1 with a fresh
token and opens the first lesson, whose course map is the contents page. The
generated navigation links (``../lessons/NN-slug.ipynb``) are relative, so they
resolve to Voila's ``/voila/render/...`` pages without any rewriting.

Four things are added to Voila here:

- ``/`` goes to the first lesson instead of Voila's file list;
- every page carries the course stylesheet, also lessons with no exercise
  (whose widgets otherwise bring it), so links and layout match everywhere;
- a Content-Security-Policy lets the page load only from this server (Voila's
  ``lab`` template links Font Awesome from a CDN; the icons the exercises use
  come from the copy bundled with Voila, so nothing is lost);
- every page sets the ``_xsrf`` cookie that Voila's page sends back when it asks
  the server to stop its kernel on leaving. Without it that request is refused
  and every page visited leaves a Python kernel running.
"""

from __future__ import annotations

import argparse
import secrets
import sys
import webbrowser
from pathlib import Path

import nbformat
from jupyter_server.utils import url_path_join
from tornado.ioloop import IOLoop
from tornado.web import RedirectHandler
from voila.app import Voila
from voila.tornado.handler import TornadoVoilaHandler

from goingfirst.manifest import load_course
from goingfirst.paths import course_root
from goingfirst.widgets.style import stylesheet

DEFAULT_PORT = 8866
HOST = "127.0.0.1"
# Only the widgets: Voila would otherwise load every JupyterLab extension installed
# (nbdime, the Notebook 7 buttons, ...), which fail outside JupyterLab. Voila keeps
# whichever of its two widget managers matches the installed ipywidgets.
EXTENSIONS = [
    "@jupyter-widgets/jupyterlab-manager",
    "@voila-dashboards/widgets-manager8",
    "@voila-dashboards/widgets-manager7",
]
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        # Voila's page is built from inline scripts and styles.
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        "font-src 'self' data:",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
    ]
)


def start_page(root: Path | None = None) -> str:
    """The contents page: the first lesson, which holds the course map."""
    return load_course(root or course_root()).lessons[0].lesson_path


def page_url(path: str, port: int, token: str = "") -> str:
    """The address of one course notebook in app mode."""
    query = f"?token={token}" if token else ""
    return f"http://{HOST}:{port}/voila/render/{path}{query}"


def voila_arguments(
    root: Path | None = None, port: int | None = None, token: str | None = None, browser: bool = True
) -> list[str]:
    """Voila's command line for the course (without the program name)."""
    arguments = [
        str(root or course_root()),
        f"--Voila.ip={HOST}",
        f"--Voila.port={port or DEFAULT_PORT}",
        f"--Voila.token={token if token is not None else secrets.token_urlsafe(24)}",
        "--VoilaConfiguration.strip_sources=True",
        "--VoilaConfiguration.template=lab",
        "--VoilaConfiguration.theme=light",
        *(f"--VoilaConfiguration.extension_allowlist={name}" for name in EXTENSIONS),
    ]
    if not browser:
        arguments.append("--no-browser")
    return arguments


def add_course_style(request_handler, notebook: nbformat.NotebookNode, cwd: str) -> nbformat.NotebookNode:
    """Voila's prelaunch hook: put the course stylesheet at the top of the page."""
    # A markdown cell: Voila passes its HTML through (raw cells are escaped).
    notebook.cells.insert(0, nbformat.v4.new_markdown_cell(f"<style>\n{stylesheet()}\n</style>"))
    return notebook


class CoursePageHandler(TornadoVoilaHandler):
    """Voila's notebook page, plus the cookie its leave-the-page request needs."""

    async def get(self, path: str | None = None) -> None:
        self.xsrf_token  # noqa: B018 - reading it sets the _xsrf cookie
        await super().get(path)


class CourseVoila(Voila):
    """Voila for the course: starts at the first lesson, loads nothing from elsewhere."""

    name = "goingfirst-app"
    description = "Serve the Going First course as a simple app, with no code shown."

    def initialize(self, argv: list[str] | None = None) -> None:
        super().initialize(argv)
        self.voila_configuration.prelaunch_hook = add_course_style

    def init_settings(self) -> dict:
        settings = super().init_settings()
        # Voila allows any Host header; keep the loopback check of Jupyter Server,
        # which blocks DNS-rebinding pages from reading the course.
        settings["allow_remote_access"] = False
        settings["headers"] = {
            **settings.get("headers", {}),
            "Content-Security-Policy": CONTENT_SECURITY_POLICY,
            "Referrer-Policy": "no-referrer",
        }
        return settings

    def init_handlers(self) -> list:
        handlers = [
            (spec[0], CoursePageHandler, *spec[2:]) if spec[1] is TornadoVoilaHandler else spec
            for spec in super().init_handlers()
        ]
        start = url_path_join(self.base_url, "voila/render", start_page(Path(self.root_dir)))
        contents = (url_path_join(self.server_url, "/?"), RedirectHandler, {"url": start, "permanent": False})
        return [contents, *handlers]

    def start(self) -> None:
        # Voila's start() listens, then runs the IO loop: the callback runs once the
        # server is up and the port it settled on is known.
        IOLoop.current().add_callback(self._announce)
        super().start()

    def launch_browser(self) -> None:
        """Voila would open its file list without the token; ``_announce`` opens the course."""

    def _announce(self) -> None:
        url = page_url(start_page(Path(self.root_dir)), self.port, self.identity_provider.token)
        print(
            f"Going First is open at {url}\n"
            "Keep this address to yourself: it opens your answers. Press Ctrl+C here to stop.",
            flush=True,
        )
        if self.open_browser:
            try:
                webbrowser.open(url, new=2)
            except webbrowser.Error:
                print("No web browser was found. Open the address above in one.", flush=True)


def main(argv: list[str] | None = None) -> int:
    """Run the app with Voila's own command line (``python -m goingfirst.app --help``)."""
    CourseVoila.launch_instance(argv=sys.argv[1:] if argv is None else argv)
    return 0


def run(options: argparse.Namespace) -> int:
    """What ``goingfirst app`` calls."""
    return main(voila_arguments(port=options.port, browser=not options.no_browser))


if __name__ == "__main__":
    sys.exit(main())
