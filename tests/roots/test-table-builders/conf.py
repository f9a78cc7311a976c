extensions = ["sphinxcontrib_httpstatus"]
project = "Status API"
copyright = "2025, The authors"
version = release = "1.0"
