"""A reader's view, in a real browser: Debian's Chromium, driven by Selenium,
against the built docs site served on 127.0.0.1.

Checks what a reader sees: the tooltip of a reference, the table row a click
lands on (highlighted by ``:target``, no JavaScript), distinct and readable
class colours in light and dark themes, and a screenshot for the README.

Needs ``/usr/bin/chromium``, ``/usr/bin/chromedriver`` (Debian's ``chromium``
and ``chromium-driver``) and Selenium; skips without them, unless
``HTTPSTATUS_REQUIRE_BROWSER=1`` (set by CI), which turns the skip into a
failure. Nothing here downloads a browser or a driver: both paths are given
explicitly, so Selenium Manager never runs.

``HTTPSTATUS_UPDATE_SCREENSHOT=1`` also writes the screenshot to
``docs/_static/screenshot.png`` (the README's picture).
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
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

pytestmark = pytest.mark.browser

ROOT = Path(__file__).parent.parent
DOCS = ROOT / "docs"
SCREENSHOT = DOCS / "_static" / "screenshot.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 1200, 800
REQUIRED = os.environ.get("HTTPSTATUS_REQUIRE_BROWSER") == "1"

# Themes for the colour checks: (name, html_theme, module, has a dark mode).
THEMES = [
    ("alabaster", "alabaster", "alabaster", False),
    ("furo", "furo", "furo", True),
    ("pydata", "pydata_sphinx_theme", "pydata_sphinx_theme", True),
    ("rtd", "sphinx_rtd_theme", "sphinx_rtd_theme", False),
]
CASES = [
    pytest.param(name, mode, id=f"{name}-{mode}")
    for name, _, _, dark in THEMES
    for mode in (("light", "dark") if dark else ("light",))
]

SAMPLE_CONF = 'extensions = ["sphinxcontrib_httpstatus"]\nproject = "sample"\n'
SAMPLE_INDEX = """\
Sample
======

One of each class: :http:status:`100`, :http:status:`200`,
:http:status:`301`, :http:status:`404` and :http:status:`503`.

.. http-status-table:: Some codes
   :codes: 100 200 301 400 404 409 503
   :group:
"""


def unavailable(reason: str) -> None:
    """Skip, or fail when CI requires the browser test to run."""
    if REQUIRED:
        pytest.fail(f"{reason} (HTTPSTATUS_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


def require_module(name: str, why: str) -> None:
    if importlib.util.find_spec(name) is None:
        unavailable(f"{name} is not installed: {why}")


@pytest.fixture(scope="module", autouse=True)
def browser_available() -> None:
    """Before building anything: is there a browser to drive?"""
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not path.is_file():
            unavailable(f"{path} not found: apt-get install {package}")
    require_module("selenium", "pip install selenium")


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
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
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
    for name, theme, module, _ in THEMES:
        if importlib.util.find_spec(module) is not None:
            builds[name] = sphinx_build(
                sample, root / name, "-D", f"html_theme={theme}"
            )
    for name, process in builds.items():
        output, _ = process.communicate(timeout=120)
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
def driver() -> Iterator[Any]:
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
        browser.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": False},
        )
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def color_scheme(driver: Any, mode: str) -> None:
    """Make the next page load *mode* (``light`` or ``dark``): the media
    feature for themes that follow the system (furo's and pydata's ``auto``),
    and the themes' own stored choices (furo: ``theme``; pydata: ``theme`` and
    ``mode``). Applies to the current origin; reload afterwards."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": mode}]},
    )
    driver.execute_script(
        "localStorage.setItem('theme', arguments[0]);"
        "localStorage.setItem('mode', arguments[0]);",
        mode,
    )


# In-page helpers: colours are resolved through a canvas, so any CSS colour
# syntax a theme uses (hex, rgb, hsl, oklch, color-mix) comes back as sRGB.
COLOURS_JS = """
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
"""


def js(driver: Any, body: str, *args: Any) -> Any:
    return driver.execute_script(COLOURS_JS + body, *args)


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


def wait_for(driver: Any, condition: Any) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 10).until(condition)


def language(driver: Any) -> str:
    return str(driver.execute_script("return document.documentElement.lang")) or "en"


# -- what a reader sees -----------------------------------------------------------


def test_hover_shows_the_tooltip(site: str, driver: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    driver.get(f"{site}/docs/index.html")
    ref = driver.find_element(By.CSS_SELECTOR, "a.http-status.http-status-4xx")
    assert ref.text == "404 Not Found"
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", ref)
    ActionChains(driver).move_to_element(ref).perform()

    assert driver.execute_script("return arguments[0].matches(':hover')", ref)
    expected = bundled()[404].description(language(driver))
    assert ref.get_attribute("title") == expected
    assert expected.startswith("The server has no current representation")


def test_click_lands_on_the_highlighted_row(
    site: str, driver: Any, tmp_path: Path
) -> None:
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
        const box = row.getBoundingClientRect();
        const parity = row.classList.contains("row-odd") ? "row-odd" : "row-even";
        const other = [...row.parentElement.querySelectorAll("tr[id]." + parity)]
          .find(r => r !== row && r.cells.length === row.cells.length
                && !r.matches(".http-status-group, .http-status-unused")
                && !r.matches(".http-status-obsoleted"));
        const cells = r => [...r.cells].map(td => background(td));
        const table = row.closest("table");
        return {
          overflow: table.scrollWidth - table.parentElement.clientWidth,
          target: document.querySelector(":target") === row,
          top: box.top, bottom: box.bottom, height: innerHeight,
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

    screenshot(driver, row, tmp_path / "screenshot.png")


def screenshot(driver: Any, row: Any, out: Path) -> None:
    """The README's picture: the reference page a click on a 404 reference
    leads to, scrolled up to show the row's class heading above it, so the
    highlighted row sits among its coloured neighbours."""
    driver.execute_script(
        "const row = arguments[0];"
        "const heading = row.parentElement.querySelector("
        "  'tr.http-status-group.http-status-4xx');"
        "document.documentElement.style.scrollBehavior = 'auto';"
        "heading.scrollIntoView({block: 'start'});"
        "scrollBy(0, -16);"
        "const below = row.getBoundingClientRect().bottom - (innerHeight - 64);"
        "if (below > 0) scrollBy(0, below);",
        row,
    )
    png = driver.get_screenshot_as_png()
    width, height = struct.unpack(">II", png[16:24])
    assert (width, height) == (WIDTH, HEIGHT)
    assert len(png) < 300_000, f"screenshot is {len(png)} bytes"
    out.write_bytes(png)
    if os.environ.get("HTTPSTATUS_UPDATE_SCREENSHOT") == "1":
        SCREENSHOT.write_bytes(png)


@pytest.mark.parametrize(("theme", "mode"), CASES)
def test_class_colours_are_distinct_and_readable(
    site: str, driver: Any, theme: str, mode: str
) -> None:
    from selenium.webdriver.common.by import By

    module = next(module for name, _, module, _ in THEMES if name == theme)
    require_module(module, f"pip install {module.replace('_', '-')}")
    driver.get(f"{site}/")  # same origin, so the stored choice carries over
    color_scheme(driver, mode)
    driver.get(f"{site}/{theme}/index.html#http-status-404")
    try:
        refs = driver.find_elements(By.CSS_SELECTOR, "p a.http-status")
        seen = js(
            driver,
            """
            const row = document.getElementById("http-status-404");
            return {
              page: background(document.body),
              refs: arguments[0].map(a => ({
                cls: [...a.classList].find(c => /^http-status-[1-5]xx$/.test(c)),
                color: foreground(a), background: background(a),
              })),
              target: document.querySelector(":target") === row,
              overflow: row.closest("table").scrollWidth
                - row.closest("table").parentElement.clientWidth,
              row: [...row.cells].map(td => [background(td), foreground(td)]),
            };
            """,
            refs,
        )
    finally:
        color_scheme(driver, "light")

    page_luminance = luminance(seen["page"])
    if mode == "dark":
        assert page_luminance < 0.1, f"{theme} did not turn dark: {seen['page']}"
    else:
        assert page_luminance > 0.7, f"{theme} is not light: {seen['page']}"

    colours = {ref["cls"]: tuple(ref["color"]) for ref in seen["refs"]}
    assert sorted(colours) == [f"http-status-{n}xx" for n in range(1, 6)]
    assert colours["http-status-2xx"] != colours["http-status-4xx"]
    assert len(set(colours.values())) == 5, f"class colours repeat: {colours}"
    for ref in seen["refs"]:
        ratio = contrast(ref["color"], ref["background"])
        assert ratio >= 4.5, f"{ref['cls']} in {theme} ({mode}): contrast {ratio:.2f}"

    assert seen["overflow"] <= 1, f"the table overflows its column in {theme}"
    assert seen["target"]
    for background, text in seen["row"]:
        assert background != seen["page"], "the target row is not highlighted"
        ratio = contrast(background, text)
        assert ratio >= 4.5, f"target row in {theme} ({mode}): contrast {ratio:.2f}"
