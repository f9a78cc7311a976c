"""The extension's caches, and the one rule they share.

A project writes the same few status references thousands of times, so the
work behind a reference is done once and remembered. Every cache, with its
lifetime:

- ``StatusRole._memo`` (:mod:`.role`): what each role text renders as. Per
  build: the role object is made at ``config-inited``.
- ``HTTPStatusDomain._destinations`` (:mod:`.domain`): where each code or
  class links. Emptied after every read phase (``env-updated``), when rows
  may have moved.
- ``_httpstatus_page`` on a page's HTML translator (:mod:`.writers`): the
  start and end tags and the card of each kind of reference on the page,
  and which descriptions already have their id there. Per page.
- ``_httpstatus_written`` on the HTML builder (:mod:`.writers`): what each
  kind of reference is written as (tags and card) for each ``href``, shared
  by the pages that link alike. Per build (a builder serves one build; each
  parallel writer process has its own copy).
- ``_httpstatus_inserts`` on the HTML builder (:mod:`.writers`): the cards
  (and each page's printed list) that fill the markers of the pages' bodies
  at ``html-page-context``, each distinct one once. Per build.
- ``Config._httpstatus_settings`` (:mod:`.config`): the validated
  :class:`.Settings`. Per build; never pickled.
- ``StatusCodeRole._memo`` (:mod:`.httpdomain`): as the role's, for
  httpdomain's status fields and roles. Per build.
- ``dataset.bundled()``, ``catalogs.bundled(language)``,
  ``catalogs.bundled_languages()`` and ``links.mdn_pages()``: the package's
  own data files (the dataset with our translations, each language's
  compiled catalog, which languages we ship, MDN's pages per locale), read
  on first use. Never emptied: they are read-only and the same for every
  project in the process. A project's own catalogs are read per build, into
  its :class:`.Settings`.

**The rule.** A warning is due at every place a mistake occurs, so an answer
whose working-out gave a warning is never remembered: the next occurrence
works it out again and warns again, at its own line. Every cache above that
can meet a mistake goes through :meth:`Memo.remember`, which is where the rule
is kept.
"""

from __future__ import annotations

from typing import TypeVar

K = TypeVar("K")
V = TypeVar("V")


class Memo(dict[K, V]):
    """A dict that remembers only answers given without a warning."""

    def remember(self, key: K, value: V, *, warned: bool) -> V:
        """Keep *value* for *key* unless working it out *warned*; return it."""
        if not warned:
            self[key] = value
        return value
