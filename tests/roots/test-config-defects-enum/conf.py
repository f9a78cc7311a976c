import http

extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True

# str(http.HTTPStatus.NOT_FOUND) is "HTTPStatus.NOT_FOUND" on Python 3.10 and
# "404" on 3.11+; the key must mean 404 on both.
httpstatus_custom = {http.HTTPStatus.NOT_FOUND: {"description": "Ours"}}
