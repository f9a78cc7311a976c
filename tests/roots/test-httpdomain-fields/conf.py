extensions = ["sphinxcontrib.httpdomain", "sphinxcontrib_httpstatus"]
show_warning_types = True
