extensions = ["sphinxcontrib_httpstatus"]
# Sphinx 7.4 shows "[httpstatus.<subtype>]" after a warning only when asked to.
show_warning_types = True
