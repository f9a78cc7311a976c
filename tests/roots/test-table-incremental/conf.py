extensions = ["sphinxcontrib_httpstatus"]
