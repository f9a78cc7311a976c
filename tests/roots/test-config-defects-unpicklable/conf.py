import types

extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True


class Phrase(str):
    """A str subclass (defined here, so it does not pickle)."""


# Neither a MappingProxyType nor a class defined in conf.py can be pickled, and
# the environment, which keeps the config values, is pickled after each build.
httpstatus_custom = {
    299: {"phrase": "Custom", "description": types.MappingProxyType({"en": "Text"})},
    298: {"phrase": Phrase("Subclassed"), "description": Phrase("Sub text")},
    297: types.MappingProxyType({"phrase": "Proxied", "aliases": ("Proxy Alias",)}),
}
