extensions = ["sphinxcontrib_httpstatus"]
numfig = True
