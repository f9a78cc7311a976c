"""What every translation keeps verbatim, and the script each language is written in.

Shared by ``tests/test_catalogs.py`` and by translators checking a catalog
(``python tests/terminology.py zh_TW``). Reviewed by hand: a name belongs here
when the English descriptions use it as the name of a header, a method, a
product setting or a document, which stays untranslated in every language.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

#: Header names, as the English descriptions write them.
HEADERS = (
    "A-IM", "Accept", "Accept-Encoding", "Accept-Language", "Allow",
    "Cache-Control", "Content-Encoding", "Content-Length", "Content-Range",
    "Content-Type", "Expect", "If-Match", "If-Modified-Since", "If-None-Match",
    "If-Unmodified-Since", "IM", "Link", "Location", "Ms-Echo-Reply",
    "Proxy-Authenticate", "Proxy-Authorization", "Range", "Retry-After",
    "Upgrade", "WWW-Authenticate",
)  # fmt: skip
#: Methods.
METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PROPPATCH")
#: Other names that stay as they are: settings, documents, protocols.
NAMES = (
    "large_client_header_buffers", "error_page", "ssl_verify_client", "MS-WDV",
    "HTCPCP", "100-continue", "Depth: infinity", "rel=blocked-by", "TLS", "TCP",
    "HTTP", "JSON", "XML", "CSRF", "DNS", "{software}",
)  # fmt: skip

#: The script of each language's descriptions: a predicate on one character.
SCRIPTS = {
    "zh_CN": "Han",
    "zh_TW": "Han",
    "ja": "Kana",
    "ko": "Hangul",
    "ru": "Cyrillic",
    "fr": "Latin",
    "es": "Latin",
    "de": "Latin",
    "pt_BR": "Latin",
}
#: Characters written only in Simplified Chinese, frequent in our texts:
#: none may appear in zh_TW; and their Traditional forms none in zh_CN.
SIMPLIFIED_ONLY = "们这个会时说对发应请为过还资动与网关处数据态则务头码错误认证"
TRADITIONAL_ONLY = "們這個會時說對發應請為過還資動與網關處數據態則務頭碼錯誤認證"


def verbatim(english: str) -> list[str]:
    """The names in *english* that a translation must keep as they are:
    headers, methods, other names, status codes and RFC numbers."""
    found = []
    for name in (*HEADERS, *METHODS, *NAMES):
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", english):
            found.append(name)
    found += re.findall(r"(?<![\w.§-])[1-5][0-9]{2}(?![\w-])", english)
    found += re.findall(r"RFC [0-9]{3,4}", english)
    return found


def in_script(text: str, script: str) -> bool:
    """Whether *text* is written in *script* (its letters mostly are)."""
    letters = [c for c in text if c.isalpha()]
    if script == "Han":
        own = [c for c in letters if "CJK" in unicodedata.name(c, "")]
    elif script == "Kana":
        own = [
            c
            for c in letters
            if unicodedata.name(c, "").startswith(("HIRAGANA", "KATAKANA"))
        ]
        return bool(own)  # Japanese mixes kana with kanji
    elif script == "Hangul":
        own = [c for c in letters if "HANGUL" in unicodedata.name(c, "")]
    elif script == "Cyrillic":
        own = [c for c in letters if "CYRILLIC" in unicodedata.name(c, "")]
    else:
        own = [c for c in letters if "LATIN" in unicodedata.name(c, "")]
    return len(own) >= len(letters) / 3


def problems(language: str, po_path: Path, pot_path: Path) -> list[str]:
    """Everything wrong with one language's catalog, as messages."""
    from babel.messages.pofile import read_po

    with pot_path.open("rb") as handle:
        template = [m for m in read_po(handle) if m.id]
    with po_path.open("rb") as handle:
        catalog = {(m.context, m.id): m for m in read_po(handle) if m.id}
    found = []
    for message in template:
        where = f"{language} [{message.context}]"
        translated = catalog.get((message.context, message.id))
        if translated is None or not translated.string:
            found.append(f"{where}: not translated")
            continue
        if translated.fuzzy:
            found.append(f"{where}: fuzzy")
        text = translated.string
        for name in verbatim(message.id):
            if name not in text:
                found.append(f"{where}: {name!r} must stay as it is")
        is_label = str(message.context).startswith("label ")
        is_name = str(message.context).endswith(" name")
        if is_label or is_name:
            continue
        if text == message.id:
            found.append(f"{where}: same as the English text")
        if not in_script(text, SCRIPTS[language]):
            found.append(f"{where}: not written in {SCRIPTS[language]}")
        if language == "zh_TW" and (bad := set(text) & set(SIMPLIFIED_ONLY)):
            found.append(f"{where}: Simplified characters {''.join(sorted(bad))}")
        if language == "zh_CN" and (bad := set(text) & set(TRADITIONAL_ONLY)):
            found.append(f"{where}: Traditional characters {''.join(sorted(bad))}")
    return found


if __name__ == "__main__":
    root = (
        Path(__file__).resolve().parent.parent / "sphinxcontrib_httpstatus" / "locale"
    )
    language = sys.argv[1]
    po = root / language / "LC_MESSAGES" / "sphinxcontrib-httpstatus.po"
    issues = problems(language, po, root / "sphinxcontrib-httpstatus.pot")
    print("\n".join(issues) or f"{language}: no problems")
    raise SystemExit(1 if issues else 0)
