extensions = ["sphinxcontrib_httpstatus"]
httpstatus_link = "table"
# Sphinx 7.4 shows "[httpstatus.<subtype>]" after a warning only when asked to.
show_warning_types = True
