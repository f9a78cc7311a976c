"""A reader's view, in a real browser: Debian's Chromium, driven by Selenium,
against the built docs site and a sample project served on 127.0.0.1.

The sample is built in five themes (alabaster, furo, pydata-sphinx-theme,
sphinx-rtd-theme, sphinx-book-theme); each page is checked in the theme's
light mode and, where it has one, its dark mode, at 1280×800 (desktop) and
390×844 (a phone, emulated as mobile). What is checked, per theme, mode and
width:

* keyboard: Tab reaches every reference (``!404`` spans too), its card shows
  on screen with the description, Tab goes on into the card's links;
* hover: the card shows, stays while the pointer moves onto it (its text can
  be selected, its links clicked) and goes when the pointer leaves;
* Escape hides a hovered or focused card without moving focus (from inside
  the card, focus goes back to its reference);
* touch (390 px): a first tap opens the card without leaving the page, a
  second tap or a tap on the card's link follows it, a tap elsewhere closes;
* the accessibility tree: name "404 Not Found", the card text as description
  (and a name for ``!404``, which Chromium gives no span without a role);
* no sideways scrolling at 390 px, with or without a card open; the status
  table's columns are never cut off;
* contrast of 4.5:1 for every reference (page, admonitions, titles), the
  table (codes, unused and obsoleted rows, class headings, the ``:target``
  row) and the card; ``!404`` differs from a link by shape, not colour;
* print, forced colours and axe-core (zero violations on our elements).

Plus: a click on a reference lands on the highlighted table row (no
JavaScript), the script stays small, and the README's screenshot.

Needs ``/usr/bin/chromium``, ``/usr/bin/chromedriver`` (Debian's ``chromium``
and ``chromium-driver``), Selenium and, for the axe checks,
axe-selenium-python (for the axe-core script it bundles: 3.1; CI runs the
current axe-core from the npm registry instead, named by
``HTTPSTATUS_AXE_CORE``); skips without them,
unless ``HTTPSTATUS_REQUIRE_BROWSER=1`` (set by CI), which turns the skip
into a failure. Nothing here downloads a browser or a driver: both paths are
given explicitly, so Selenium Manager never runs.

``HTTPSTATUS_UPDATE_SCREENSHOT=1`` also writes the screenshot to
``docs/_static/screenshot.png`` (the README's picture).
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sphinxcontrib_httpstatus.dataset import bundled

browser = pytest.mark.browser

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
STATIC = ROOT / "sphinxcontrib_httpstatus" / "static"
SCREENSHOT = DOCS / "_static" / "screenshot.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 1200, 800
REQUIRED = os.environ.get("HTTPSTATUS_REQUIRE_BROWSER") == "1"

# name: (html_theme, which is also the module; has a dark mode)
THEMES = {
    "alabaster": ("alabaster", False),
    "furo": ("furo", True),
    "pydata": ("pydata_sphinx_theme", True),
    "rtd": ("sphinx_rtd_theme", False),
    "book": ("sphinx_book_theme", True),
}
# name: (width, height, mobile)
SIZES = {"1280": (1280, 800, False), "390": (390, 844, True)}
CASES = [
    pytest.param(theme, mode, size, id=f"{theme}-{mode}-{size}")
    for theme, (_, dark) in THEMES.items()
    for mode in (("light", "dark") if dark else ("light",))
    for size in SIZES
]
PHONE_CASES = [case for case in CASES if case.values[2] == "390"]

# What our markup and stylesheet produce: axe-core findings on these fail.
OURS = (
    ".http-status-ref, .http-status-ref *, .http-status, .http-status-table,"
    " .http-status-table *, .http-status-print, .http-status-print *"
)

SAMPLE_CONF = 'extensions = ["sphinxcontrib_httpstatus"]\nproject = "sample"\n'
ADMONITIONS = [
    *("note", "warning", "danger", "error", "attention", "caution"),
    *("hint", "tip", "important", "seealso"),
]
SAMPLE_INDEX = (
    """\
Sample
======

One of each class: :http:status:`100`, :http:status:`200`,
:http:status:`301`, :http:status:`404` and :http:status:`503`; and one not
linked: :http:status:`!404`.

"""
    + "".join(
        f".. {kind}:: In a {kind}: :http:status:`404`.\n\n" for kind in ADMONITIONS
    )
    + """\
.. admonition:: Custom

   In a plain admonition: :http:status:`404`.

Retrying after :http:status:`503`
---------------------------------

.. http-status-table:: Some codes
   :codes: 100 200 301 306 400 404 409 418 503 510
   :group:

.. list-table:: Which code when
   :header-rows: 1

   * - Case
     - Answer
   * - Missing
     - :http:status:`404` or :http:status:`410`, and :http:status:`451` when
       blocked for legal reasons
   * - Overloaded
     - :http:status:`503`, :http:status:`429` or :http:status:`504`
"""
)

# The blocks whose references the keyboard walk visits, in document order.
BLOCKS = {
    "paragraph": "p:has(> .http-status-ref)",
    "title": "h2:has(> .http-status-ref)",
    "warning": ".admonition.warning p:has(> .http-status-ref)",
    "table cell": "table:not(.http-status-table) td:has(.http-status-ref)",
}
# The paragraph's linked 404 reference and its unlinked twin.
LINK_404 = "p:has(> .http-status-ref) a.http-status[href$='-404']"
SPAN_404 = "p:has(> .http-status-ref) span.http-status"


def unavailable(reason: str) -> None:
    """Skip, or fail when CI requires the browser test to run."""
    if REQUIRED:
        pytest.fail(f"{reason} (HTTPSTATUS_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


def require_module(name: str, why: str) -> None:
    if importlib.util.find_spec(name) is None:
        unavailable(f"{name} is not installed: {why}")


@pytest.fixture(scope="module")
def browser_available() -> None:
    """Before building anything: is there a browser to drive?"""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.is_file():
            unavailable(f"{path} not found: apt-get install {package}")
    require_module("selenium", "pip install selenium")


# -- the script ---------------------------------------------------------------


def test_the_script_is_small_and_self_contained() -> None:
    """The card script ships as is, unminified: at most 2 KiB, no library,
    no network, nothing global."""
    script = (STATIC / "sphinxcontrib-httpstatus.js").read_bytes()
    assert len(script) <= 2048, f"the script is {len(script)} bytes"
    text = script.decode("utf-8")
    assert text.lstrip().startswith("/*")
    assert (
        re.search(r"\bimport\b|\brequire\(|https?:|fetch\(|XMLHttpRequest", text)
        is None
    )
    body = re.sub(r"/\*.*?\*/", "", text, flags=re.S).strip()
    assert body.startswith("(() => {"), "everything stays inside one closure"
    assert body.endswith("})();")


# -- building and serving -------------------------------------------------------


def sphinx_build(source: Path, out: Path, *overrides: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", *overrides, source, out],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def site(
    browser_available: None, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """Build the docs site and the sample project in every available theme
    (in parallel), serve them all on 127.0.0.1, and yield the base URL.

    ``/docs/`` is the docs site; ``/<theme>/`` the sample in that theme.
    """
    require_module("furo", "the docs site uses the furo theme")
    require_module("myst_parser", "the docs site has MyST pages")
    root = tmp_path_factory.mktemp("site")
    sample = tmp_path_factory.mktemp("sample")
    (sample / "conf.py").write_text(SAMPLE_CONF, encoding="utf-8")
    (sample / "index.rst").write_text(SAMPLE_INDEX, encoding="utf-8")
    builds = {"docs": sphinx_build(DOCS, root / "docs")}
    for name, (theme, _) in THEMES.items():
        if importlib.util.find_spec(theme) is not None:
            builds[name] = sphinx_build(
                sample, root / name, "-W", "-D", f"html_theme={theme}"
            )
    for name, process in builds.items():
        output, _ = process.communicate(timeout=180)
        assert process.returncode == 0, f"building {name} failed:\n{output}"

    handler = functools.partial(QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# -- the browser ------------------------------------------------------------------


@pytest.fixture(scope="module")
def driver(browser_available: None) -> Iterator[Any]:
    """One headless Debian Chromium for the module, at 1200×800."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="httpstatus-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--user-data-dir={profile}",
    ):
        options.add_argument(flag)
    # The driver path is explicit, so Selenium Manager is never consulted;
    # SE_OFFLINE keeps it from downloading anything should that ever change.
    with pytest.MonkeyPatch.context() as env:
        env.setenv("SE_OFFLINE", "true")
        browser = webdriver.Chrome(
            service=Service(str(CHROMEDRIVER)),
            options=options,
        )
    try:
        browser.set_page_load_timeout(30)
        browser.set_script_timeout(60)
        viewport(browser, WIDTH, HEIGHT, mobile=False)
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def viewport(driver: Any, width: int, height: int, *, mobile: bool) -> None:
    driver.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile},
    )


def emulate(driver: Any, mode: str, media: str = "", *, forced: bool = False) -> None:
    """Emulate the colour scheme *mode*, the media type *media* (``""`` for
    screen, or ``print``) and, with *forced*, forced colours; each call
    replaces the previous one's emulation as a whole."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {
            "media": media,
            "features": [
                {"name": "prefers-color-scheme", "value": mode},
                {"name": "forced-colors", "value": "active" if forced else "none"},
            ],
        },
    )


def color_scheme(driver: Any, mode: str) -> None:
    """Make the next page load *mode* (``light`` or ``dark``): the media
    feature for themes that follow the system (furo's, pydata's and
    sphinx-book-theme's ``auto``), and the themes' own stored choices (furo:
    ``theme``; pydata and book: ``theme`` and ``mode``). Applies to the
    current origin; reload afterwards."""
    emulate(driver, mode)
    driver.execute_script(
        "localStorage.setItem('theme', arguments[0]);"
        "localStorage.setItem('mode', arguments[0]);",
        mode,
    )


# In-page helpers. Colours are resolved through a canvas, so any CSS colour
# syntax a theme uses (hex, rgb, hsl, oklch, color-mix) comes back as sRGB.
PAGE_JS = """
const ctx = document.createElement("canvas")
  .getContext("2d", {willReadFrequently: true});
function rgba(css) {
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = "rgba(0, 0, 0, 0)";
  ctx.fillStyle = css;
  ctx.fillRect(0, 0, 1, 1);
  const d = ctx.getImageData(0, 0, 1, 1).data;
  return [d[0], d[1], d[2], d[3] / 255];
}
function over(top, bottom) {
  const a = top[3];
  return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
}
/* The opaque colour behind an element: its own and its ancestors'
   backgrounds composited down to the first opaque one (white canvas below). */
function background(el) {
  const layers = [];
  for (let node = el; node && node.nodeType === 1; node = node.parentElement) {
    const c = rgba(getComputedStyle(node).backgroundColor);
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  let result = [255, 255, 255, 1];
  for (const layer of layers.reverse()) result = over(layer, result);
  return result;
}
function foreground(el) {
  return over(rgba(getComputedStyle(el).color), background(el));
}
const OURS = __OURS__;
const $ = (selector, root = document) => root.querySelector(selector);
const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];
function wrapper(el) { return el.closest(".http-status-ref"); }
function cardOf(el) { return $(":scope > .http-status-card", wrapper(el)); }
function shown(el) { return getComputedStyle(el).display !== "none"; }
function box(el) {
  const r = el.getBoundingClientRect();
  return [r.left, r.top, r.right, r.bottom];
}
/* Does the reader see *el* at its centre and near its corners (not under a
   sticky header, not clipped by a scrolling ancestor)? */
function seen(el) {
  const r = el.getBoundingClientRect();
  const inset = Math.min(6, r.width / 3, r.height / 3);
  const points = [
    [r.left + inset, r.top + inset], [r.right - inset, r.top + inset],
    [r.left + inset, r.bottom - inset], [r.right - inset, r.bottom - inset],
    [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
  return points.every(([x, y]) => {
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (el.contains(hit) || hit.contains(el));
  });
}
function tableLink(el) {
  return $(".http-status-card-links a[href*='#http-status-']", cardOf(el));
}
/* Where to point at a reference: the middle of its first line. */
function spot(el) {
  const r = [...el.getClientRects()].find(r => r.width > 0);
  return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
}
function centre(el) {
  const r = el.getBoundingClientRect();
  return [(r.left + r.right) / 2, (r.top + r.bottom) / 2];
}
/* Everything a reader of the card of reference *el* gets. */
function view(el) {
  const card = cardOf(el);
  const text = $(".http-status-card-text", card);
  const ref = $(":scope > .http-status", wrapper(el));
  const id = ref.getAttribute("aria-describedby");
  return {
    label: el.textContent,
    shown: shown(card), box: box(card), textBox: box(text),
    viewport: [innerWidth, innerHeight],
    seen: shown(card) && seen(card) && seen(text),
    text: text.textContent,
    description: id && document.getElementById(id)
      ? document.getElementById(id).textContent : null,
    active: document.activeElement === el,
    focusVisible: el.matches(":focus-visible"),
  };
}
function describe(el) {
  if (!el || el === document.body) return "body";
  return el.tagName.toLowerCase() + "." + [...el.classList].join(".")
    + " " + JSON.stringify((el.textContent || "").trim().slice(0, 30));
}
document.documentElement.style.scrollBehavior = "auto";
""".replace("__OURS__", json.dumps(OURS))


def js(driver: Any, body: str, *args: Any) -> Any:
    return driver.execute_script(PAGE_JS + body, *args)


def luminance(rgb: list[float]) -> float:
    """WCAG 2 relative luminance of an sRGB colour (0-255 channels)."""

    def channel(value: float) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: list[float], b: list[float]) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def distance(a: list[float], b: list[float]) -> float:
    """How far apart two sRGB colours are (Euclidean, 0-441)."""
    return float(sum((x - y) ** 2 for x, y in zip(a[:3], b[:3], strict=True)) ** 0.5)


def settled(driver: Any, element: Any) -> None:
    """Wait until *element* is in the viewport and has stopped moving (themes
    such as furo scroll smoothly to a fragment)."""
    where = "const r = arguments[0].getBoundingClientRect(); return [r.top, r.bottom];"
    last: list[Any] = []

    def still(d: Any) -> bool:
        top, bottom = d.execute_script(where, element)
        height = d.execute_script("return innerHeight")
        done = [top, bottom] == last and top >= 0 and bottom <= height
        last[:] = [top, bottom]
        return done

    try:
        wait_for(driver, still)
    except Exception:
        pytest.fail(f"the row never came to rest in the viewport: {last}")


def wait_for(driver: Any, condition: Any, timeout: float = 10) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(condition)


def language(driver: Any) -> str:
    return str(driver.execute_script("return document.documentElement.lang")) or "en"


# -- input: real key presses, pointer and touch events ---------------------------


def press(driver: Any, *keys: str) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    ActionChains(driver).send_keys(*keys).perform()


def tab(driver: Any, shift: bool = False) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    if shift:
        ActionChains(driver).key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(
            Keys.SHIFT
        ).perform()
    else:
        press(driver, Keys.TAB)


def escape(driver: Any) -> None:
    from selenium.webdriver.common.keys import Keys

    press(driver, Keys.ESCAPE)


def pointer(
    driver: Any, x: float, y: float, kind: str = "mouseMoved", *, held: bool = False
) -> None:
    """A mouse event at viewport coordinates (x, y): a move (with the left
    button *held* or not), ``mousePressed`` or ``mouseReleased``."""
    event: dict[str, Any] = {"type": kind, "x": x, "y": y}
    if kind != "mouseMoved":
        event.update(button="left", buttons=1 if kind == "mousePressed" else 0)
        event.update(clickCount=1)
    elif held:
        event.update(button="left", buttons=1)
    driver.execute_cdp_cmd("Input.dispatchMouseEvent", event)


def glide(
    driver: Any,
    start: list[float],
    end: list[float],
    step: float = 4,
    *,
    held: bool = False,
) -> Iterator[None]:
    """Move the pointer from *start* to *end* in steps of *step* px, yielding
    after each move."""
    (x0, y0), (x1, y1) = start, end
    n = max(1, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / step))
    for i in range(1, n + 1):
        pointer(driver, x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n, held=held)
        yield


def move(driver: Any, start: list[float], end: list[float], **how: Any) -> None:
    """Move the pointer from *start* to *end*, a few pixels at a time."""
    for _ in glide(driver, start, end, **how):
        pass


def tap(driver: Any, x: float, y: float) -> None:
    """A finger's tap at viewport coordinates (x, y), touch emulation on."""
    driver.execute_cdp_cmd(
        "Input.dispatchTouchEvent",
        {"type": "touchStart", "touchPoints": [{"x": x, "y": y}]},
    )
    driver.execute_cdp_cmd(
        "Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []}
    )


def ax_node(driver: Any, expression: str) -> dict[str, Any]:
    """Chromium's accessibility node for the element *expression* yields."""
    result = driver.execute_cdp_cmd("Runtime.evaluate", {"expression": expression})
    object_id = result["result"]["objectId"]
    nodes = driver.execute_cdp_cmd(
        "Accessibility.getPartialAXTree",
        {"objectId": object_id, "fetchRelatives": False},
    )["nodes"]
    return dict(nodes[0])


def ax_value(node: dict[str, Any], key: str) -> Any:
    return node.get(key, {}).get("value")


def ax_property(node: dict[str, Any], name: str) -> Any:
    for prop in node.get("properties", []):
        if prop["name"] == name:
            return prop["value"].get("value")
    return None


# -- one sample page per theme, mode and width ----------------------------------


class Page:
    """The sample page in one theme, mode and width."""

    def __init__(self, driver: Any, url: str, label: str) -> None:
        self.driver = driver
        self.url = url
        self.label = label

    def load(self, fragment: str = "") -> None:
        self.driver.get(self.url + fragment)
        wait_for(
            self.driver,
            lambda d: d.execute_script("return document.readyState") == "complete",
        )
        # No smooth scrolling: positions are measured right after a focus.
        js(self.driver, "")

    def js(self, body: str, *args: Any) -> Any:
        return js(self.driver, body, *args)

    def view(self, selector: str) -> dict[str, Any]:
        return dict(self.js(f"return view($({selector!r}));"))

    def active(self) -> str:
        return str(self.js("return describe(document.activeElement);"))


@pytest.fixture
def page(site: str, driver: Any, theme: str, mode: str, size: str) -> Iterator[Page]:
    module, _ = THEMES[theme]
    require_module(module, f"pip install {module.replace('_', '-')}")
    width, height, mobile = SIZES[size]
    viewport(driver, width, height, mobile=mobile)
    if not driver.current_url.startswith(site):
        driver.get(f"{site}/")  # same origin, so the stored choice carries over
    color_scheme(driver, mode)
    sample = Page(driver, f"{site}/{theme}/index.html", f"{theme} ({mode}, {size} px)")
    sample.load()
    page_colour = js(driver, "return background(document.body);")
    if mode == "dark":
        assert luminance(page_colour) < 0.1, f"{theme} did not turn dark: {page_colour}"
    else:
        assert luminance(page_colour) > 0.7, f"{theme} is not light: {page_colour}"
    assert driver.execute_script("return innerWidth") == width
    try:
        yield sample
    finally:
        pointer(driver, 0, 0)
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": False})
        color_scheme(driver, "light")
        emulate(driver, "light")
        viewport(driver, WIDTH, HEIGHT, mobile=False)


def opens(page: Page, selector: str, what: str) -> None:
    """The card of *selector* shows (after the stylesheet's hover delay,
    0.25 s) and is on screen."""
    try:
        wait_for(page.driver, lambda d: page.view(selector)["shown"], timeout=2)
    except Exception:
        pytest.fail(f"{what}: the card is not shown")
    assert_on_screen(page.view(selector), what)


def closes(page: Page, selector: str | Any, what: str) -> None:
    """The card of *selector* (or element) closes, at once or after the
    stylesheet's grace period for the pointer (0.4 s)."""
    try:
        wait_for(
            page.driver,
            lambda d: (
                not page.js(
                    "const el = arguments[0];"
                    "return shown(cardOf(typeof el === 'string' ? $(el) : el));",
                    selector,
                )
            ),
            timeout=2,
        )
    except Exception:
        pytest.fail(what)


def assert_on_screen(view: dict[str, Any], what: str) -> None:
    """The card of *view* is shown, inside the viewport and not covered."""
    assert view["shown"], f"{what}: the card is not shown"
    left, top, right, bottom = view["box"]
    width, height = view["viewport"]
    inside = (
        left >= -0.5 and top >= -0.5 and right <= width + 0.5 and bottom <= height + 0.5
    )
    assert inside, f"{what}: card at {view['box']} leaves the {width}×{height} viewport"
    assert view["seen"], f"{what}: the card is covered or clipped at {view['box']}"
    assert view["text"].strip(), f"{what}: the card has no description"
    assert view["description"] == view["text"], (
        f"{what}: aria-describedby is not the card text"
    )


# -- keyboard -----------------------------------------------------------------------


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_keyboard_focus_shows_the_card(
    page: Page, theme: str, mode: str, size: str
) -> None:
    """Tab through each block's references (real Tab keys): each reference
    shows its card on screen, and Tab goes on into the card's links, in
    order, the card staying open; leaving the reference hides it."""
    driver = page.driver
    for name, selector in BLOCKS.items():
        stops = page.js(
            """
            const block = $(arguments[0]);
            block.tabIndex = -1;
            block.focus();
            return $$(".http-status-ref", block).flatMap(ref => [
              $(":scope > .http-status", ref),
              ...$$(":scope > .http-status-card a[href]", ref)]);
            """,
            selector,
        )
        assert len(stops) >= 2, f"no references in the {name}"
        for stop in stops:
            tab(driver)
            state = page.js(
                """
                const el = arguments[0];
                return {active: document.activeElement === el,
                        now: describe(document.activeElement),
                        status: el.matches(".http-status"),
                        size: [el.offsetWidth, el.offsetHeight],
                        view: view(el)};
                """,
                stop,
            )
            view = state["view"]
            what = f"{page.label}, {name}: {view['label']!r}"
            assert state["active"], f"{what}: Tab went to {state['now']}"
            if state["status"]:
                assert view["focusVisible"], f"{what}: no :focus-visible"
            else:  # WCAG 2.5.8: a target of 24 by 24 CSS px at least
                assert min(state["size"]) >= 24, f"{what}: a {state['size']} target"
            assert_on_screen(view, what)
        tab(driver)
        left = page.js(
            "return !wrapper(arguments[0]).contains(document.activeElement);", stops[-1]
        )
        assert left, f"{page.label}, {name}: Tab stays in the last card"
        if name == "paragraph":  # once is enough: it takes the grace period
            closes(page, stops[-1], f"{page.label}, {name}: the card outlives focus")
        page.js("$(arguments[0]).removeAttribute('tabindex');", selector)


def focus_by_tab(page: Page, selector: str) -> None:
    """Focus *selector* the way a reader does: Tab from the start of its
    block until it has focus."""
    page.js(
        "const b = $(arguments[0]).closest('p, h2, td'); b.tabIndex = -1; b.focus();",
        selector,
    )
    for _ in range(40):
        tab(page.driver)
        if page.js("return document.activeElement === $(arguments[0]);", selector):
            return
    pytest.fail(f"{page.label}: Tab never reached {selector}")


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_escape_dismisses_a_focused_card(
    page: Page, theme: str, mode: str, size: str
) -> None:
    """Escape hides the card of the focused reference and keeps focus there;
    in the card, it brings focus back to the reference; moving on re-arms."""
    driver = page.driver
    for selector in (LINK_404, SPAN_404):
        focus_by_tab(page, selector)
        assert page.view(selector)["shown"]
        escape(driver)
        view = page.view(selector)
        assert not view["shown"], f"{page.label}: Escape left {selector}'s card open"
        assert view["active"], f"{page.label}: Escape moved focus to {page.active()}"
        assert view["focusVisible"]
        # The hidden card's links are out of the way: Tab goes to the next
        # reference; back again, the card shows once more.
        tab(driver)
        assert page.js(
            "const a = document.activeElement, was = $(arguments[0]);"
            "return a.matches('.http-status') && !wrapper(a).contains(was);",
            selector,
        ), f"{page.label}: Tab after Escape went to {page.active()}"
        tab(driver, shift=True)
        view = page.view(selector)
        assert view["active"], f"{page.label}: Shift+Tab went to {page.active()}"
        assert_on_screen(view, f"{page.label}: {selector} after Escape and back")

    # Focus in the card's link: Escape hides the card and returns focus to
    # the reference instead of dropping it on the page.
    focus_by_tab(page, LINK_404)
    tab(driver)
    assert page.js(
        "const card = document.activeElement.closest('.http-status-card');"
        "return card === cardOf($(arguments[0]));",
        LINK_404,
    ), f"{page.label}: Tab did not enter the card, but {page.active()}"
    escape(driver)
    view = page.view(LINK_404)
    assert not view["shown"], f"{page.label}: Escape in the card left it open"
    assert view["active"], (
        f"{page.label}: Escape in the card moved focus to {page.active()}"
    )


# -- pointer ------------------------------------------------------------------------


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_hover_shows_and_keeps_the_card(
    page: Page, theme: str, mode: str, size: str
) -> None:
    """The pointer on a reference shows its card; it stays while the pointer
    moves onto it, its text can be selected and its link clicked; Escape
    hides it without moving focus, until the pointer leaves and comes back;
    the pointer elsewhere hides it."""
    driver = page.driver
    where = page.js(
        """
        const ref = $(arguments[0]);
        ref.scrollIntoView({block: "center"});
        const card = cardOf(ref);
        /* A place away from any reference and card, for "elsewhere". */
        const away = [[2, innerHeight - 2], [innerWidth - 2, innerHeight - 2],
                      [2, 2], [innerWidth / 2, innerHeight - 2]].find(([x, y]) => {
          const hit = document.elementFromPoint(x, y);
          return hit && !hit.closest(".http-status-ref");
        });
        return {ref: spot(ref), away, active: describe(document.activeElement),
                colour: getComputedStyle(ref).color};
        """,
        LINK_404,
    )
    pointer(driver, *where["ref"])
    opens(page, LINK_404, f"{page.label}: hovered 404")
    view = page.view(LINK_404)
    hovered = page.js("return getComputedStyle($(arguments[0])).color;", LINK_404)
    assert hovered == where["colour"], f"{page.label}: hovered, the 404 is {hovered}"

    # Onto the card, a few pixels at a time: it never closes on the way.
    text = page.js(
        "return centre($('.http-status-card-text', cardOf($(arguments[0]))));", LINK_404
    )
    for _ in glide(driver, where["ref"], text, step=5):
        assert page.view(LINK_404)["shown"], f"{page.label}: the card closed on the way"
    assert page.js("return cardOf($(arguments[0])).matches(':hover');", LINK_404)

    # Select its text with the mouse.
    start, end = page.js(
        """
        const range = document.createRange();
        range.selectNodeContents($(".http-status-card-text", cardOf($(arguments[0]))));
        const r = range.getClientRects();
        const first = r[0], last = r[r.length - 1];
        return [[first.left + 1, (first.top + first.bottom) / 2],
                [last.right - 1, (last.top + last.bottom) / 2]];
        """,
        LINK_404,
    )
    move(driver, text, start, step=12)
    pointer(driver, *start, kind="mousePressed")
    move(driver, start, end, step=20, held=True)
    pointer(driver, *end, kind="mouseReleased")
    selected = page.js("return getSelection().toString();")
    assert len(selected) > 40, (
        f"{page.label}: could not select the card's text: {selected!r}"
    )
    assert selected in view["text"]
    assert page.view(LINK_404)["shown"], f"{page.label}: selecting closed the card"

    # Escape, the pointer on the card: hidden, focus unmoved.
    escape(driver)
    assert not page.view(LINK_404)["shown"], f"{page.label}: Escape left it open"
    assert page.active() == where["active"], "Escape moved focus"

    # Away and back to the reference: shown again (Escape holds until the
    # pointer leaves). Escape with the pointer on the reference: hidden, and
    # a move within the reference does not bring it back.
    pointer(driver, *where["away"])
    pointer(driver, *where["ref"])
    opens(page, LINK_404, f"{page.label}: hovered again after Escape")
    escape(driver)
    assert not page.view(LINK_404)["shown"], f"{page.label}: Escape left it open"
    assert page.active() == where["active"], "Escape moved focus"
    pointer(driver, where["ref"][0] + 2, where["ref"][1])
    assert not page.view(LINK_404)["shown"], f"{page.label}: the dismissed card is back"

    # The unlinked reference shows its card on hover too, and the pointer
    # elsewhere hides it (after the grace period).
    pointer(driver, *where["away"])
    span = page.js(
        "const s = $(arguments[0]); s.scrollIntoView({block: 'center'});"
        "return spot(s);",
        SPAN_404,
    )
    pointer(driver, *span)
    opens(page, SPAN_404, f"{page.label}: hovered !404")
    pointer(driver, *where["away"])
    closes(page, SPAN_404, f"{page.label}: the card outlives hover")

    # Finally, back on the 404 (re-armed), a click on its card's link.
    page.js("$(arguments[0]).scrollIntoView({block: 'center'});", LINK_404)
    ref = page.js("return spot($(arguments[0]));", LINK_404)
    pointer(driver, *ref)
    opens(page, LINK_404, f"{page.label}: hovered after a second Escape")
    link = page.js(
        "return centre(tableLink($(arguments[0])));",
        LINK_404,
    )
    move(driver, ref, link, step=12)
    assert page.view(LINK_404)["shown"]
    pointer(driver, *link, kind="mousePressed")
    pointer(driver, *link, kind="mouseReleased")
    wait_for(driver, lambda d: d.current_url.endswith("#http-status-404"))


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), PHONE_CASES)
def test_touch_opens_the_card_first(
    page: Page, theme: str, mode: str, size: str
) -> None:
    """On a touch screen, a first tap on a reference opens its card and stays
    on the page; a tap on the card's link, or a second tap on the
    reference, follows it; a tap elsewhere closes the card."""
    driver = page.driver
    driver.execute_cdp_cmd(
        "Emulation.setTouchEmulationEnabled", {"enabled": True, "maxTouchPoints": 5}
    )
    page.load()
    where_js = """
        const ref = $(arguments[0]);
        ref.scrollIntoView({block: "center"});
        return spot(ref);
    """

    def opened(selector: str) -> bool:
        return bool(
            page.js(
                "return wrapper($(arguments[0])).matches('.http-status-open');",
                selector,
            )
        )

    # First tap: the card opens and the page stays where it is.
    tap(driver, *page.js(where_js, LINK_404))
    wait_for(driver, lambda d: opened(LINK_404))
    assert driver.current_url == page.url, "the first tap followed the link"
    assert_on_screen(page.view(LINK_404), f"{page.label}: tapped 404")
    # A tap on the card's link follows it.
    link = page.js(
        "return centre(tableLink($(arguments[0])));",
        LINK_404,
    )
    tap(driver, *link)
    wait_for(driver, lambda d: d.current_url == page.url + "#http-status-404")

    # Two taps on the reference: the second follows the link.
    page.load()
    spot = page.js(where_js, LINK_404)
    tap(driver, *spot)
    wait_for(driver, lambda d: opened(LINK_404))
    assert driver.current_url == page.url
    tap(driver, *spot)
    wait_for(driver, lambda d: d.current_url == page.url + "#http-status-404")

    # A tap elsewhere closes the card.
    page.load()
    tap(driver, *page.js(where_js, LINK_404))
    wait_for(driver, lambda d: opened(LINK_404))
    elsewhere = page.js("return centre($('h1'));")
    tap(driver, *elsewhere)
    wait_for(driver, lambda d: not opened(LINK_404))
    closes(page, LINK_404, f"{page.label}: the card stays after a tap elsewhere")
    assert driver.current_url == page.url

    # The unlinked reference opens on a tap as well.
    tap(driver, *page.js(where_js, SPAN_404))
    wait_for(driver, lambda d: opened(SPAN_404))
    assert_on_screen(page.view(SPAN_404), f"{page.label}: tapped !404")


# -- what assistive technology gets -------------------------------------------


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_the_accessibility_tree(page: Page, theme: str, mode: str, size: str) -> None:
    """A reference is a link named exactly "404 Not Found", described by
    its card's text (the first card of the code on the page, for every
    reference to it); no title attribute doubles the description; a closed
    card is out of the tree; ``!404`` is focusable and described."""
    driver = page.driver
    expected = bundled()[404].description(language(driver))
    facts = page.js(
        """
        return {
          titled: $$(".http-status-ref [title], .http-status[title]").map(describe),
          ids: $$(".http-status-ref > .http-status").map(
            el => el.getAttribute("aria-describedby")),
          cards: $$(".http-status-card-text[id]").map(el => el.id),
          deferred: $$("script[src*='sphinxcontrib-httpstatus']").map(s => s.defer),
        };
        """
    )
    assert facts["titled"] == [], "a title attribute in card mode"
    assert len(facts["cards"]) == len(set(facts["cards"])), "a card id repeats"
    assert set(facts["ids"]) == set(facts["cards"]), "a reference points to no card"
    assert facts["deferred"] == [True], "the script is not loaded once, deferred"

    references = {
        "linked 404": f"document.querySelector({LINK_404!r})",
        "404 in a warning": "document.querySelector('.warning .http-status')",
        "404 in a plain table": "document.querySelector('td a.http-status-4xx')",
        "503 in a title": "document.querySelector('h2 .http-status')",
    }
    for what, expression in references.items():
        node = ax_node(driver, expression)
        name = "503 Service Unavailable" if "503" in what else "404 Not Found"
        assert ax_value(node, "role") == "link", f"{what}: {node['role']}"
        assert ax_value(node, "name") == name, f"{what}: name {node.get('name')}"
        if "503" not in what:
            assert ax_value(node, "description") == expected, (
                f"{what}: {node.get('description')}"
            )
        assert ax_property(node, "focusable") is True

    card = ax_node(driver, f"document.querySelector({LINK_404!r}).nextElementSibling")
    assert card["ignored"], "a closed card is in the accessibility tree"

    span = ax_node(driver, f"document.querySelector({SPAN_404!r})")
    assert ax_property(span, "focusable") is True, "!404 cannot be focused"
    assert ax_value(span, "description") == expected, f"!404: {span.get('description')}"


@browser
@pytest.mark.parametrize("theme", list(THEMES))
def test_the_unlinked_reference_has_a_name(site: str, driver: Any, theme: str) -> None:
    """A screen reader landing on ``!404`` (focusable) hears its name:
    Chromium computes none for a focusable span without a role."""
    require_module(THEMES[theme][0], "the theme")
    driver.get(f"{site}/{theme}/index.html")
    node = ax_node(driver, f"document.querySelector({SPAN_404!r})")
    assert ax_value(node, "name") == "404 Not Found", (
        f"!404 in {theme}: role {ax_value(node, 'role')!r}, "
        f"name {ax_value(node, 'name')!r} (a focusable generic span gets no name)"
    )


# -- layout -------------------------------------------------------------------------


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_nothing_scrolls_sideways(page: Page, theme: str, mode: str, size: str) -> None:
    """The page never scrolls sideways, whatever card is open; the status
    table's cells stay within their scroll container (or the table is
    stacked); references in a plain table wrap with their cell; cells align
    at the top."""
    state = page.js(
        """
        const doc = document.documentElement;
        const wide = () => doc.scrollWidth - innerWidth;
        const result = {closed: wide(), open: [], cut: [], plain: [], aligned: []};
        for (const el of $$(".http-status-ref > .http-status")) {
          el.focus();
          const w = wide();
          if (w > 0) result.open.push([describe(el), w]);
          el.blur();
        }
        /* The box a cell has to fit in: its nearest clipping or scrolling
           ancestor's, within the viewport. */
        function room(el) {
          let left = 0, right = innerWidth;
          for (let n = el.parentElement; n && n !== doc; n = n.parentElement) {
            if (getComputedStyle(n).overflowX !== "visible") {
              const r = n.getBoundingClientRect();
              left = Math.max(left, r.left); right = Math.min(right, r.right);
            }
          }
          return [left, right];
        }
        const table = $("table.http-status-table");
        result.stacked = getComputedStyle(table).display === "block";
        for (const cell of $$("tbody th, tbody td", table)) {
          const r = cell.getBoundingClientRect();
          const [left, right] = room(cell);
          if (r.left < left - 1 || r.right > right + 1)
            result.cut.push([describe(cell), r.left, r.right, left, right]);
          result.aligned.push(getComputedStyle(cell).verticalAlign);
        }
        for (const el of $$("table:not(.http-status-table) .http-status")) {
          const cell = el.closest("td");
          result.plain.push([describe(el), getComputedStyle(el).whiteSpace,
                             getComputedStyle(cell).whiteSpace]);
        }
        const plain = $("table:not(.http-status-table)");
        result.plainWidth = plain.getBoundingClientRect().width;
        result.plainRoom = room(plain);
        return result;
        """
    )
    assert state["closed"] <= 0, (
        f"{page.label}: the page scrolls sideways by {state['closed']} px"
    )
    assert state["open"] == [], (
        f"{page.label}: an open card widens the page: {state['open']}"
    )
    assert state["cut"] == [], (
        f"{page.label}: status table cells cut off: {state['cut']}"
    )
    if size == "390":
        assert state["stacked"], f"{page.label}: the status table is not stacked"
    assert set(state["aligned"]) == {"top"}, (
        f"{page.label}: cells align {state['aligned']}"
    )
    for what, own, cell in state["plain"]:
        # No nowrap of our own: a reference wraps wherever its cell does.
        assert own == cell, f"{page.label}: {what} is {own!r} in a {cell!r} cell"
    left, right = state["plainRoom"]
    if all(cell == "normal" for _, _, cell in state["plain"]):
        width = state["plainWidth"]
        assert width <= right - left + 1, (
            f"{page.label}: the plain table is {width} px in {right - left} px"
        )


# -- colours --------------------------------------------------------------------------

CONTRAST_JS = """
const pairs = [];
function add(what, el) {
  pairs.push({what: what + " " + describe(el), fg: foreground(el), bg: background(el)});
}
function where(el) {
  const admonition = el.closest(".admonition");
  if (admonition) return "in " + [...admonition.classList].join(".");
  if (el.closest("h1, h2, h3")) return "in a title";
  if (el.closest("td, th")) return "in a table cell";
  return "in a paragraph";
}
for (const el of $$(".http-status-ref > .http-status"))
  add("reference " + where(el), el);
const table = $("table.http-status-table");
for (const a of $$("th[scope=row] a", table)) add("table code", a);
for (const a of $$("td a", table)) add("table link", a);
for (const el of $$("tr.http-status-unused, tr.http-status-obsoleted", table))
  for (const text of $$("p, a, .http-status-marker", el)) add("muted row", text);
for (const el of $$("tr.http-status-group", table))
  for (const text of $$("p, strong", el)) add("class heading", text);
/* One card of each class, opened. */
const classes = new Set();
for (const card of $$(".http-status-card")) {
  const cls = [...card.classList].find(c => /^http-status-[1-5]xx$/.test(c));
  if (classes.has(cls)) continue;
  classes.add(cls);
  card.parentElement.classList.add("http-status-open");
  for (const el of $$(":scope > span, .http-status-card-class, a", card))
    add("card", el);
  card.parentElement.classList.remove("http-status-open");
}
const paragraph = $$(".http-status-ref > .http-status", $("p:has(> .http-status-ref)"));
const span = $("span.http-status", paragraph[0].closest("p"));
const link = $("a.http-status", paragraph[0].closest("p"));
const style = el => getComputedStyle(el);
return {
  pairs,
  classes: paragraph.filter(el => el.matches("a")).map(el => [
    [...el.classList].find(c => /^http-status-[1-5]xx$/.test(c)), foreground(el)]),
  shape: {
    span: [style(span).borderTopStyle, style(span).borderBottomStyle,
           style(span).textDecorationLine],
    link: [style(link).borderTopStyle, style(link).borderBottomStyle,
           style(link).textDecorationLine],
  },
  leaked: $$("nav .http-status, nav .http-status-card,"
             + " aside:not(.http-status-print) .http-status").map(describe),
};
"""

TARGET_JS = """
const row = document.getElementById(arguments[0]);
const parity = row.classList.contains("row-odd") ? "row-odd" : "row-even";
const other = $$("tr[id]." + parity, row.parentElement.parentElement)
  .find(r => r !== row && r.cells.length === row.cells.length
        && !r.matches(".http-status-group, .http-status-unused")
        && !r.matches(".http-status-obsoleted"));
return {
  target: document.querySelector(":target") === row,
  text: $$("p, a, .http-status-marker", row).map(el => [describe(el), foreground(el),
                                                         background(el)]),
  cells: [...row.cells].map(td => background(td)),
  others: other ? [...other.cells].map(td => background(td)) : null,
};
"""


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_contrast(page: Page, theme: str, mode: str, size: str) -> None:
    """4.5:1 for every reference on its real background (page, every
    admonition, a title, a table cell), the table's codes, muted rows, class
    headings and the highlighted rows, and the card's text and links; five
    distinct class colours; ``!404`` differs from a link by its shape."""
    seen = page.js(CONTRAST_JS)
    failures = [
        f"{pair['what']}: {contrast(pair['fg'], pair['bg']):.2f}"
        f" ({pair['fg'][:3]} on {pair['bg'][:3]})"
        for pair in seen["pairs"]
        if contrast(pair["fg"], pair["bg"]) < 4.5
    ]
    assert failures == [], f"{page.label}:\n" + "\n".join(failures)
    kinds = {pair["what"].split(" ")[0] for pair in seen["pairs"]}
    assert kinds >= {"reference", "table", "muted", "class", "card"}
    assert len([p for p in seen["pairs"] if "admonition" in p["what"]]) == 11

    colours = {cls: tuple(colour) for cls, colour in seen["classes"]}
    assert sorted(colours) == [f"http-status-{n}xx" for n in range(1, 6)]
    assert len(set(colours.values())) == 5, (
        f"{page.label}: class colours repeat: {colours}"
    )

    # Not by colour or underline alone: a dotted box against an underline.
    span, link = seen["shape"]["span"], seen["shape"]["link"]
    assert span[:2] == ["dotted", "dotted"], f"!404 has no dotted box: {span}"
    assert "underline" not in span[2], f"!404 is underlined: {span}"
    assert link[:2] == ["none", "none"], f"a reference link has a border: {link}"
    assert "underline" in link[2], f"a reference link is not underlined: {link}"
    assert seen["leaked"] == [], f"{page.label}: reference markup in a sidebar"

    for code in (404, 418, 510):
        page.load(f"#http-status-{code}")
        row = page.js(TARGET_JS, f"http-status-{code}")
        assert row["target"], f"{page.label}: #http-status-{code} is not :target"
        for what, fg, bg in row["text"]:
            ratio = contrast(fg, bg)
            assert ratio >= 4.5, f"{page.label}: target row {code}, {what}: {ratio:.2f}"
        if row["others"]:
            for cell, other in zip(row["cells"], row["others"], strict=True):
                assert distance(cell, other) >= 40, (
                    f"{page.label}: no visible highlight"
                )


# -- print and forced colours -----------------------------------------------------


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_print(page: Page, theme: str, mode: str, size: str) -> None:
    """Printed, references and codes take the text colour, cards never
    float, the page's cards are listed once at its end, the :target row has
    no outline, and the table's header row repeats on every page."""
    driver = page.driver
    page.load("#http-status-404")
    emulate(driver, mode, "print")
    state = page.js(
        """
        /* A reference open by every means at once still prints no card. */
        const open = $(arguments[0]);
        open.focus();
        wrapper(open).classList.add("http-status-open");
        const off = [];
        for (const el of $$(".http-status-ref > .http-status")) {
          const own = getComputedStyle(el).color;
          const text = getComputedStyle(wrapper(el).parentElement).color;
          if (own !== text) off.push([describe(el), own, text]);
        }
        const table = $("table.http-status-table");
        for (const a of $$("th[scope=row] a", table)) {
          const own = getComputedStyle(a).color, text = getComputedStyle(table).color;
          if (own !== text) off.push([describe(a), own, text]);
        }
        const heads = [];
        for (const el of $$(".http-status-ref > .http-status")) {
          const head = $(".http-status-card-head", cardOf(el)).firstChild
            .textContent.trim();
          if (!heads.includes(head)) heads.push(head);
        }
        const list = $(".http-status-print");
        const row = $("tr:target");
        return {
          off,
          cards: $$(".http-status-card").filter(shown).map(describe),
          list: list
            ? [shown(list), $$("dt", list).map(dt => dt.textContent.trim())]
            : null,
          heads,
          outline: row ? [getComputedStyle(row).outlineStyle,
                          getComputedStyle(row).outlineWidth] : null,
          thead: getComputedStyle($("thead", table)).display,
        };
        """,
        LINK_404,
    )
    assert state["off"] == [], f"{page.label}: not in the text colour: {state['off']}"
    assert state["cards"] == [], f"{page.label}: cards print: {state['cards']}"
    assert state["list"] is not None, "no list of the page's cards"
    shown, terms = state["list"]
    assert shown, f"{page.label}: the list of cards does not print"
    assert terms == state["heads"], (
        f"{page.label}: listed {terms}, cards {state['heads']}"
    )
    assert len(terms) == len(set(terms))
    assert state["outline"] is not None
    assert state["outline"][0] == "none" or state["outline"][1] == "0px", state[
        "outline"
    ]
    assert state["thead"] == "table-header-group", (
        f"{page.label}: thead is {state['thead']}"
    )


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_forced_colours(page: Page, theme: str, mode: str, size: str) -> None:
    """In forced colours (Windows high contrast), an open card is framed,
    in the system's text colour on its canvas, and every text of the table
    and the card stays legible."""
    driver = page.driver
    page.load("#http-status-404")
    emulate(driver, mode, forced=True)
    state = page.js(
        """
        const probe = document.createElement("span");
        probe.style.color = "CanvasText";
        probe.style.backgroundColor = "Canvas";
        document.body.append(probe);
        const system = [getComputedStyle(probe).color,
                        getComputedStyle(probe).backgroundColor];
        probe.remove();
        const ref = $(arguments[0]);
        ref.focus();
        const card = cardOf(ref);
        const style = getComputedStyle(card);
        const texts = $$("table.http-status-table :is(p, a, .http-status-marker)")
          .concat($$(":scope > span, a", card), $$(".http-status-ref > .http-status"));
        return {
          forced: matchMedia("(forced-colors: active)").matches,
          system, colour: style.color, background: style.backgroundColor,
          border: [style.borderTopStyle, parseFloat(style.borderTopWidth),
                   rgba(style.borderTopColor), background(card)],
          shown: shown(card),
          texts: texts.map(el => [describe(el), foreground(el), background(el)]),
        };
        """,
        LINK_404,
    )
    assert state["forced"], "forced-colors emulation did not apply"
    assert state["shown"], f"{page.label}: focus does not show the card"
    assert state["colour"] == state["system"][0], "the card's text is not CanvasText"
    assert state["background"] == state["system"][1], (
        "the card's background is not Canvas"
    )
    style, width, border, background = state["border"]
    assert style not in ("none", "hidden"), f"{page.label}: the card has no border"
    assert width >= 1, f"{page.label}: the card's border is {width} px"
    assert distance(border, background) > 100, (
        f"{page.label}: the card's border is invisible"
    )
    for what, fg, bg in state["texts"]:
        ratio = contrast(fg, bg)
        assert ratio >= 4.5, f"{page.label}: forced colours, {what}: {ratio:.2f}"


# -- axe-core -----------------------------------------------------------------------


#: A newer axe-core than the one axe-selenium-python bundles (3.1): CI
#: installs the current one from the npm registry and names it here.
AXE_CORE = os.environ.get("HTTPSTATUS_AXE_CORE")


@pytest.fixture(scope="module")
def axe_script() -> str:
    if AXE_CORE:
        path = Path(AXE_CORE)
        assert path.is_file(), f"HTTPSTATUS_AXE_CORE={AXE_CORE} is not a file"
        return path.read_text(encoding="utf-8")
    spec = importlib.util.find_spec("axe_selenium_python")
    if spec is None or spec.origin is None:
        unavailable(
            "axe_selenium_python is not installed: pip install axe-selenium-python"
        )
    script = Path(spec.origin).parent / "node_modules" / "axe-core" / "axe.min.js"
    if not script.is_file():
        unavailable(f"{script} is missing")
    return script.read_text(encoding="utf-8")


AXE_RUN = """
const done = arguments[arguments.length - 1];
/* Did axe see the colour that is really behind the text? axe-core 3.1
   takes a dark body's background (furo's dark mode puts it on body, not
   html) for white: such a finding is the tool's, and test_contrast measures
   the same text against the real background. */
function misread(node, el) {
  const data = (node.any[0] || {}).data;
  if (!data || !data.bgColor) return false;
  const real = background(el), seen = rgba(data.bgColor);
  return Math.hypot(...[0, 1, 2].map(i => real[i] - seen[i])) > 8;
}
axe.run(document).then(results => {
  const ours = [], theirs = [], misreads = [];
  for (const rule of results.violations) {
    for (const node of rule.nodes) {
      const selector = node.target[node.target.length - 1];
      const el = typeof selector === "string" ? document.querySelector(selector) : null;
      const entry = rule.id + ": " + node.target.join(" ") + " — " + rule.help;
      if (rule.id === "color-contrast" && el && misread(node, el)) {
        misreads.push(entry + " " + JSON.stringify(node.any[0].data));
        continue;
      }
      /* furo wraps every table in a div with a copy of the table's id and
         classes: that duplicate id is the theme's, as on any other table. */
      const wrapped = rule.id === "duplicate-id" && el && el.matches(".table-wrapper");
      (el && el.closest(OURS) && !wrapped ? ours : theirs).push(entry);
    }
  }
  done({ours, theirs, misreads});
}, error => done({error: String(error)}));
"""


@browser
@pytest.mark.parametrize(("theme", "mode", "size"), CASES)
def test_axe(page: Page, axe_script: str, theme: str, mode: str, size: str) -> None:
    """axe-core finds nothing wrong with our elements, cards closed and with
    one open; the themes' own findings are printed, not failed."""
    driver = page.driver
    driver.execute_script(axe_script)
    findings: dict[str, list[str]] = {}
    for state in ("closed", "open"):
        if state == "open":
            page.js("$(arguments[0]).focus();", LINK_404)
            assert page.view(LINK_404)["shown"]
        result = driver.execute_async_script(PAGE_JS + AXE_RUN)
        assert "error" not in result, result
        print(f"[axe {driver.execute_script('return axe.version')}, {page.label}]")
        findings[state] = result["ours"]
        for entry in result["theirs"]:
            print(f"[axe, {page.label}, card {state}, the theme's] {entry}")
        for entry in result["misreads"]:
            print(f"[axe, {page.label}, card {state}, misread background] {entry}")
    assert findings == {"closed": [], "open": []}, f"{page.label}: {findings}"


# -- the docs site: a click, and the README's picture ------------------------------


@browser
def test_search_summaries_leave_the_cards_out(site: str, driver: Any) -> None:
    """Sphinx's search page quotes each found page's text: the words around
    a reference, not its card (nor the page's printed list)."""
    driver.get(f"{site}/docs/search.html?q=conflict")
    summaries = wait_for(
        driver,
        lambda d: d.execute_script(
            "const found = [...document.querySelectorAll("
            "  '#search-results p.context')].map(p => p.textContent);"
            "return found.length ? found : null;"
        ),
        timeout=30,
    )
    assert summaries
    for summary in summaries:
        assert "In the status table" not in summary, summary
        assert "Status codes on this page" not in summary, summary
        assert "\N{MIDDLE DOT} 4xx Client Error" not in summary, summary


@browser
def test_click_lands_on_the_highlighted_row(site: str, driver: Any) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/docs/index.html")
    # No JavaScript from here on: the highlight is the stylesheet's :target.
    driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        ref = driver.find_element(By.CSS_SELECTOR, "a.http-status[href$='-404']")
        ref.click()
        wait_for(driver, lambda d: d.current_url.endswith("#http-status-404"))
    finally:
        driver.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})
    assert driver.current_url == f"{site}/docs/reference.html#http-status-404"

    row = driver.find_element(By.CSS_SELECTOR, "tr#http-status-404")
    settled(driver, row)
    state = js(
        driver,
        """
        const row = arguments[0];
        const rect = row.getBoundingClientRect();
        const parity = row.classList.contains("row-odd") ? "row-odd" : "row-even";
        const other = [...row.closest("table").querySelectorAll("tr[id]." + parity)]
          .find(r => r !== row && r.cells.length === row.cells.length
                && !r.matches(".http-status-group, .http-status-unused")
                && !r.matches(".http-status-obsoleted"));
        const cells = r => [...r.cells].map(td => background(td));
        const table = row.closest("table");
        return {
          overflow: table.scrollWidth - table.parentElement.clientWidth,
          target: document.querySelector(":target") === row,
          top: rect.top, bottom: rect.bottom, height: innerHeight,
          cells: cells(row), others: cells(other),
          text: [...row.cells].map(td => foreground(td)),
        };
        """,
        row,
    )
    assert state["target"]
    assert state["overflow"] <= 1, "the table is wider than the page's content"
    assert state["top"] >= 0, state
    assert state["bottom"] <= state["height"], state
    for cell, other in zip(state["cells"], state["others"], strict=True):
        assert distance(cell, other) >= 40, f"no visible highlight: {cell} {other}"
    for cell, text in zip(state["cells"], state["text"], strict=True):
        assert contrast(cell, text) >= 4.5, "text on the highlighted row is unreadable"


@browser
def test_readme_screenshot(site: str, driver: Any, tmp_path: Path) -> None:
    """The README's picture: the docs site's front page with the pointer on
    a 404 reference in a paragraph, its card open."""
    driver.get(f"{site}/docs/index.html")
    selector = "p a.http-status[href$='-404']"
    ref = js(
        driver,
        """
        const ref = $(arguments[0]);
        ref.scrollIntoView({block: "start"});
        scrollBy(0, -Math.round(innerHeight * 0.3));
        return spot(ref);
        """,
        selector,
    )
    try:
        pointer(driver, *ref)
        wait_for(
            driver, lambda d: js(d, "return view($(arguments[0])).shown;", selector)
        )
        view = dict(js(driver, "return view($(arguments[0]));", selector))
        assert_on_screen(view, "docs site, hovered 404")
        png = driver.get_screenshot_as_png()
    finally:
        pointer(driver, 0, 0)
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(png) < 300_000, f"screenshot is {len(png)} bytes"
    (tmp_path / "screenshot.png").write_bytes(png)
    if os.environ.get("HTTPSTATUS_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.write_bytes(png)
