"""Live input: news feeds watched and web archives read (`lagebild watch`, WARC files for `ingest`).

settings.py   CrawlSettings: every tunable of fetching and watching, with its default
fetch.py      Fetcher: robots.txt, per-host limits, conditional requests, retries, size limit
feeds.py      RSS/Atom entries (feedparser), OPML, canonical URLs (courlan)
pages.py      a web page as an Article, or why it is left out (not German, not news)
state.py      the watcher's state in the store (watch_* tables)
storing.py    one article into the store (new, duplicate text, or an update with its revision kept)
watch.py      Watcher: a poll of every feed
warc.py       HTML responses of WARC/ARC files as articles, streamed (warcio)
"""
