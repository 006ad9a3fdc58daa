"""A news site on loopback for the watcher's tests: feeds and pages served by a threaded
http.server on a free port, started and stopped by the test. Every text is written for these
tests (German news sentences, one French page)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

ARTICLES = {
    "gipfel": (
        "Außenminister beraten in Wien über Waffenruhe",
        "Die Außenminister Österreichs und Ungarns haben am Dienstag in Wien über eine Waffenruhe im Osten der "
        "Ukraine beraten. Nach Angaben des österreichischen Außenministeriums dauerte das Treffen mehr als drei "
        "Stunden. Beide Seiten kündigten an, die Gespräche im kommenden Monat in Budapest fortzusetzen.\n\n"
        "Der ungarische Minister sagte nach dem Treffen, man sei sich in vielen Fragen näher gekommen. "
        "Eine gemeinsame Erklärung wurde nicht veröffentlicht, doch beide Regierungen wollen ihre Vorschläge "
        "schriftlich austauschen und die Nachbarstaaten einbeziehen.",
    ),
    "proteste": (
        "Tausende protestieren in Belgrad gegen Wahlfälschung",
        "In der serbischen Hauptstadt Belgrad haben am Samstag Tausende Menschen gegen mutmaßliche Fälschungen "
        "bei der Parlamentswahl protestiert. Die Demonstranten zogen vom Parlament zur Wahlkommission und "
        "forderten eine Wiederholung der Abstimmung in mehreren Bezirken.\n\n"
        "Die Polizei meldete keine Zwischenfälle. Oppositionspolitiker kündigten weitere Kundgebungen für die "
        "kommende Woche an und verlangten, dass unabhängige Beobachter die Auszählung der Stimmen prüfen.",
    ),
    "abkommen": (
        "Chile und Argentinien unterzeichnen Abkommen über Wasserrechte",
        "Chile und Argentinien haben am Montag in Santiago ein Abkommen über die gemeinsame Nutzung von Flüssen "
        "in den Anden unterzeichnet. Die Präsidenten beider Länder setzten ihre Unterschriften unter den Vertrag, "
        "über den die Regierungen fast zwei Jahre verhandelt hatten.\n\n"
        "Das Abkommen regelt, wie viel Wasser in trockenen Sommern entnommen werden darf. Landwirte auf beiden "
        "Seiten der Grenze hatten lange auf eine Einigung gewartet, weil die Dürre ihre Ernten bedroht.",
    ),
    "sanktionen": (
        "EU verhängt neue Sanktionen gegen Belarus",
        "Die Europäische Union hat am Donnerstag neue Sanktionen gegen Belarus verhängt. Betroffen sind nach "
        "Angaben aus Brüssel mehrere Staatsunternehmen sowie zwanzig Beamte, denen die Union die Unterdrückung "
        "friedlicher Proteste vorwirft.\n\n"
        "Die Regierung in Minsk wies die Vorwürfe zurück und kündigte Gegenmaßnahmen an. Diplomaten in Brüssel "
        "erwarten, dass die Mitgliedstaaten im Herbst über weitere Schritte beraten werden.",
    ),
    "hilfe": (
        "Japan sagt Indonesien Hilfe nach Erdbeben zu",
        "Japan hat Indonesien nach dem schweren Erdbeben auf der Insel Sulawesi Hilfe zugesagt. Die Regierung in "
        "Tokio kündigte am Mittwoch an, Zelte, Medikamente und Trinkwasser in die betroffenen Gebiete zu "
        "schicken und ein Team von Ärzten zu entsenden.\n\n"
        "Nach Angaben der indonesischen Behörden wurden Hunderte Häuser zerstört. Viele Familien verbrachten die "
        "Nacht im Freien, weil sie weitere Erdstöße fürchteten und die Straßen in die Berge verschüttet waren.",
    ),
}

FRENCH = (
    "Les ministres se réunissent à Paris",
    "Les ministres des affaires étrangères de la France et de l'Allemagne se sont réunis mardi à Paris pour "
    "discuter de la situation en Ukraine. Selon le ministère français, la réunion a duré plus de trois heures "
    "et les deux pays ont annoncé de nouvelles consultations le mois prochain à Berlin avec leurs partenaires.",
)


def page_html(title: str, text: str, lang: str | None = "de", published: str = "2024-03-05") -> bytes:
    paragraphs = "".join(f"<p>{escape(paragraph)}</p>" for paragraph in text.split("\n\n"))
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (
        f"<!DOCTYPE html><html{lang_attribute}><head><meta charset='utf-8'><title>{escape(title)}</title>"
        f"<meta name='date' content='{published}'><meta property='og:site_name' content='Testzeitung'></head>"
        f"<body><nav><a href='/'>Start</a></nav><article><h1>{escape(title)}</h1>{paragraphs}</article>"
        "<footer>Impressum</footer></body></html>"
    ).encode()


def article_page(name: str, extra: str = "") -> bytes:
    title, text = ARTICLES[name]
    return page_html(title, text + extra)


def rss(base: str, links: list[str], updated: dict[str, str] | None = None) -> bytes:
    """An RSS 2.0 feed of `links` (paths or URLs); `updated` gives an entry's atom:updated stamp."""
    updated = updated or {}
    items = []
    for link in links:
        url = link if "://" in link else base + link
        stamp = f"<atom:updated>{updated[link]}</atom:updated>" if link in updated else ""
        items.append(f"<item><title>{escape(link)}</title><link>{escape(url)}</link>{stamp}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">'
        f"<channel><title>Testzeitung</title><link>{base}/</link>{''.join(items)}</channel></rss>"
    ).encode()


@dataclass
class Reply:
    """What a path answers: a body (with ETag honoured), a status, a redirect, a delay, or a
    body of `size` bytes streamed in chunks."""

    body: bytes = b""
    status: int = 200
    etag: str | None = None
    location: str | None = None
    delay: float = 0.0
    size: int = 0
    content_type: str = "text/html; charset=utf-8"


Route = Reply | list[Reply] | Callable[[], Reply]


@dataclass
class Site:
    routes: dict[str, Route] = field(default_factory=dict)
    hits: Counter = field(default_factory=Counter)
    request_headers: dict[str, dict[str, str]] = field(default_factory=dict)
    starts: list[tuple[float, str]] = field(default_factory=list)
    in_flight: int = 0
    most_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    closed: threading.Event = field(default_factory=threading.Event)  # ends delays when the test is done
    base: str = ""

    def reply_for(self, path: str) -> Reply:
        route = self.routes.get(path)
        if route is None:
            return Reply(b"not found", status=404)
        if isinstance(route, list):
            return route.pop(0) if len(route) > 1 else route[0]
        return route() if callable(route) else route


def handler_for(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with site.lock:
                site.hits[self.path] += 1
                site.request_headers[self.path] = dict(self.headers)
                site.starts.append((time.monotonic(), self.path))
                site.in_flight += 1
                site.most_in_flight = max(site.most_in_flight, site.in_flight)
                reply = site.reply_for(self.path)
            try:
                self.answer(reply)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (size limit, timeout): what the test wants
            finally:
                with site.lock:
                    site.in_flight -= 1

        def answer(self, reply: Reply) -> None:
            site.closed.wait(reply.delay)
            if reply.etag and self.headers.get("If-None-Match") == reply.etag:
                self.send_response(304)
                self.send_header("ETag", reply.etag)
                self.end_headers()
                return
            self.send_response(reply.status)
            if reply.location:
                self.send_header("Location", reply.location)
            if reply.etag:
                self.send_header("ETag", reply.etag)
            self.send_header("Content-Type", reply.content_type)
            if reply.size:  # streamed without Content-Length, so only counting can stop it
                self.end_headers()
                chunk = b"<p>" + b"Ein sehr langer Satz. " * 3000 + b"</p>"
                for _ in range(reply.size // len(chunk)):
                    self.wfile.write(chunk)
                return
            self.send_header("Content-Length", str(len(reply.body)))
            self.end_headers()
            self.wfile.write(reply.body)

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def serve(site: Site) -> Iterator[Site]:
    """The site on 127.0.0.1 at a free port, for the duration of the block."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler_for(site))
    server.daemon_threads = True
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.closed.set()
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
