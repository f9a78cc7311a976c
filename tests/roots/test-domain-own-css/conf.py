extensions = ["sphinxcontrib_httpstatus"]
html_static_path = ["_static"]
