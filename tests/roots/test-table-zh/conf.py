extensions = ["sphinxcontrib_httpstatus"]
language = "zh_CN"
