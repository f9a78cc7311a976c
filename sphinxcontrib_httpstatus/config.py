"""The ``httpstatus_*`` configuration values, their validation, and the settings
derived from them.

Every value is checked once, at ``config-inited``. A value of the wrong type or
shape gets one warning (type ``httpstatus``, subtype ``config``) naming the key
and what was expected, and is replaced by its default, so the rest of the
extension only ever sees valid values. Then :class:`Settings`, what the role,
the table and the domain need, is computed once from the valid values.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from sphinx.util import logging

from . import catalogs, languages
from .dataset import DEFAULT_LANGUAGE, DatasetError, StatusRegistry, bundled, quote
from .labels import labels

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.config import Config

logger = logging.getLogger(__name__)

#: Link modes other than a URL template.
LINK_MODES: Final = ("auto", "mdn", "spec", "table", "none")
#: Placeholders ``httpstatus_format`` may use.
FORMAT_FIELDS: Final = ("code", "phrase", "class")
#: Placeholders a ``httpstatus_link`` URL template may use.
TEMPLATE_FIELDS: Final = ("code",)
#: Values of the same types as the real ones, to try format strings with.
_SAMPLE: Final[dict[str, object]] = {"code": 404, "phrase": "Not Found", "class": "4xx"}

DEFAULTS: Final[dict[str, Any]] = {
    "httpstatus_language": None,
    "httpstatus_link": "auto",
    "httpstatus_format": "{code} {phrase}",
    "httpstatus_tooltips": True,
    "httpstatus_custom": {},
    "httpstatus_httpdomain": True,
}
_TYPES: Final[dict[str, tuple[type, ...]]] = {
    "httpstatus_language": (str, type(None)),
    "httpstatus_link": (str,),
    "httpstatus_format": (str,),
    "httpstatus_tooltips": (bool, str),
    "httpstatus_custom": (dict,),
    "httpstatus_httpdomain": (bool,),
}


#: What each valid ``httpstatus_tooltips`` value means: a description card,
#: the ``title`` attribute, or neither.
_TOOLTIP_MODES: Final[Mapping[bool | str, str]] = {
    True: "card",
    "title": "title",
    False: "none",
}
TOOLTIP_MODES: Final = tuple(_TOOLTIP_MODES.values())


#: Where :func:`validate` keeps the :class:`Settings` on Sphinx's ``Config``.
#: Config pickles no attribute whose name starts with ``_`` (see
#: ``Config.__getstate__``), so the settings, whose registry holds read-only
#: mappings, never reach the pickled environment: every build computes them
#: anew from the values it reads in ``conf.py``.
_ATTRIBUTE: Final = "_httpstatus_settings"


@dataclass(frozen=True)
class Settings:
    """What the role, the table and the domain need from the configuration."""

    registry: StatusRegistry
    #: The dataset language descriptions are written in (``en``, ``zh_CN``).
    language: str
    #: The language tag as configured, for MDN's locale (``zh-CN``, ``fr``...).
    locale: str
    #: One of :data:`LINK_MODES`, or a URL template with ``{code}``.
    link: str
    format: str
    #: How a reference shows its description in HTML: one of
    #: :data:`TOOLTIP_MODES` (``True`` in ``conf.py`` is ``"card"``).
    tooltips: str
    #: The project's own catalogs (``locale_dirs``), by language.
    project_catalogs: Mapping[str, catalogs.Messages]

    def words(self, language: str) -> dict[str, str]:
        """The words around descriptions in *language*: the project's
        catalog first, then ours, then English."""
        ours = catalogs.bundled(language)
        project = self.project_catalogs.get(language)
        return labels(
            language, ours if project is None else catalogs.Layered(project, ours)
        )


def register(app: Sphinx) -> None:
    """Add the config values and their validation to *app*."""
    for name, default in DEFAULTS.items():
        app.add_config_value(name, default, "env", types=_TYPES[name])
    # Before Sphinx's own type check (priority 800), so that it never sees a bad
    # value and the user gets one warning, ours.
    app.connect("config-inited", validate, priority=400)


def _warn(name: str, problem: str, using: str | None = None) -> None:
    logger.warning(
        "%s: %s; using %s",
        name,
        problem,
        using or f"the default {DEFAULTS[name]!r}",
        type="httpstatus",
        subtype="config",
        once=True,
    )


def _placeholder_problem(text: str, allowed: tuple[str, ...]) -> str | None:
    """Why *text* is not a valid format string over *allowed*, or ``None``.

    Only bare placeholders are accepted (and a conversion such as ``!r``): a
    format spec can pad to any width (``{code:>999999999999}`` asks for
    gigabytes) and can hold nested placeholders (``{code:{code}}``), and
    neither has a use in a reference's text or a URL.
    """
    try:
        fields = [
            (name, spec)
            for _, name, spec, _ in string.Formatter().parse(text)
            if name is not None
        ]
    except ValueError as exc:
        return f"is not a valid format string ({exc})"
    for name, spec in fields:
        if name not in allowed:
            expected = ", ".join(f"{{{a}}}" for a in allowed)
            return f"uses the unknown placeholder {{{name}}} (expected {expected})"
        if spec:
            return (
                f"gives {{{name}}} the format spec {quote(spec, 20)}; write the "
                f"placeholder bare, as {{{name}}}"
            )
    # A conversion or format spec that does not fit the value ("{code!x}",
    # "{phrase:d}") only fails when formatting: try it now, not mid-build.
    try:
        text.format(**{name: _SAMPLE[name] for name in allowed})
    except (ValueError, TypeError, LookupError) as exc:
        return f"cannot be formatted ({type(exc).__name__}: {exc})"
    return None


def validate(app: Sphinx, config: Config) -> None:
    """Check every ``httpstatus_*`` value; warn and reset those that are invalid.

    Then compute the build's :class:`Settings`: the bundled dataset with the
    project's own catalogs and ``httpstatus_custom`` merged in.
    """
    for name, types in _TYPES.items():
        value = getattr(config, name)
        if not isinstance(value, types):
            expected = " or ".join(
                "None" if t is type(None) else t.__name__ for t in types
            )
            _warn(
                name, f"expected {expected}, got {type(value).__name__} {quote(value)}"
            )
            setattr(config, name, DEFAULTS[name])

    project = catalogs.project_catalogs(
        Path(app.srcdir, directory) for directory in config.locale_dirs
    )
    base = bundled().with_translations(project) if project else bundled()
    language = config.httpstatus_language
    if language is not None and not language.strip():
        # An empty tag is how a shared conf.py says "not set".
        config.httpstatus_language = language = None
    if language is not None and languages.match(language, base.languages) is None:
        available = ", ".join(base.languages)
        # The tag is kept: descriptions fall back to English (see _settings),
        # not to Sphinx's ``language``, and MDN links still follow the tag
        # (``ja``, ``zh_TW``), as they do when ``language`` names it.
        _warn(
            "httpstatus_language",
            f"no descriptions in {language!r} (available: {available})",
            using="English",
        )

    link = config.httpstatus_link
    if link not in LINK_MODES:
        # Placeholders first: "{code:>9}" is a template with a format spec,
        # and the warning should say so, not that it lacks {code}.
        problem = _placeholder_problem(link, TEMPLATE_FIELDS)
        if problem:
            problem = f"{link!r} {problem}"
        elif "{code}" not in link:
            modes = ", ".join(repr(m) for m in LINK_MODES)
            problem = (
                f"{link!r} is neither one of {modes} nor a URL template with {{code}}"
            )
        if problem:
            _warn("httpstatus_link", problem)
            config.httpstatus_link = DEFAULTS["httpstatus_link"]

    problem = _placeholder_problem(config.httpstatus_format, FORMAT_FIELDS)
    if problem is None and not config.httpstatus_format.strip():
        problem = "is empty"
    if problem:
        _warn("httpstatus_format", f"{config.httpstatus_format!r} {problem}")
        config.httpstatus_format = DEFAULTS["httpstatus_format"]

    tooltips = config.httpstatus_tooltips
    if isinstance(tooltips, str) and tooltips != "title":
        _warn(
            "httpstatus_tooltips",
            f"{tooltips!r} is not one of True, False or 'title'",
        )
        config.httpstatus_tooltips = DEFAULTS["httpstatus_tooltips"]

    if language is None and languages.match(config.language, base.languages) is None:
        # Not a mistake: a Polish project's build uses English descriptions,
        # and says so once, without failing a -W build.
        logger.info(
            "sphinxcontrib-httpstatus: no descriptions in %r; using English "
            "(add a catalog to locale_dirs to translate them)",
            config.language,
            once=True,
        )

    config.httpstatus_custom = _valid_custom(config.httpstatus_custom, base)
    object.__setattr__(config, _ATTRIBUTE, _settings(config, base, project))


def _plain(value: Any) -> Any:
    """*value* rebuilt from plain dicts, lists, strings and ints.

    What ``conf.py`` gives may be a read-only mapping, an enum or a string
    subclass; the value Sphinx keeps is pickled with the environment and
    compared between builds, so it holds only types that pickle and compare.
    """
    if isinstance(value, Mapping):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return int(value)
    return value


def _valid_custom(custom: Mapping[Any, Any], base: StatusRegistry) -> dict[Any, Any]:
    """The entries of *custom* that merge cleanly, as plain values; one warning
    per bad entry, and one per phrase or alias that another code also claims."""
    valid: dict[Any, Any] = {}
    for key, fields in custom.items():
        try:
            base.with_custom({key: fields})
        except DatasetError as exc:
            _warn_custom(f"{exc}; the entry is ignored")
        else:
            valid[_plain(key)] = _plain(fields)
    if valid:
        _warn_clashes(base.with_custom(valid), base)
    return valid


def _warn_clashes(registry: StatusRegistry, base: StatusRegistry) -> None:
    """Warn about each phrase or alias claimed by two codes that *base* (the
    dataset without the project's codes) does not have, naming the code it
    resolves to."""
    known = base.phrase_clashes()
    for text, codes in sorted(registry.phrase_clashes().items()):
        if text in known:
            continue
        keeper, *others = codes
        names = ", ".join(str(entry.code) for entry in others)
        _warn_custom(
            f"httpstatus_custom: {quote(text, 40)} is a phrase or alias of "
            f"{keeper.code} and of {names}; it keeps naming {keeper.code} in "
            "role targets (write the code to reach the other)"
        )


def _warn_custom(message: str) -> None:
    logger.warning(message, type="httpstatus", subtype="config", once=True)


def _settings(
    config: Config,
    base: StatusRegistry | None = None,
    project: Mapping[str, catalogs.Messages] | None = None,
) -> Settings:
    registry = base or bundled()
    if config.httpstatus_custom:
        registry = registry.with_custom(config.httpstatus_custom)
    locale = config.httpstatus_language or config.language or DEFAULT_LANGUAGE
    return Settings(
        registry=registry,
        language=languages.match(locale, registry.languages) or DEFAULT_LANGUAGE,
        locale=locale,
        link=config.httpstatus_link,
        format=config.httpstatus_format,
        tooltips=_TOOLTIP_MODES[config.httpstatus_tooltips],
        project_catalogs=project or {},
    )


def settings(config: Config) -> Settings:
    """The :class:`Settings` :func:`validate` computed for *config*."""
    found: Settings | None = getattr(config, _ATTRIBUTE, None)
    if found is None:  # a Config that never went through config-inited
        found = _settings(config)
        object.__setattr__(config, _ATTRIBUTE, found)
    return found
