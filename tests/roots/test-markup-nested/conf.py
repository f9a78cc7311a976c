project = "Nested"
author = "Tester"
copyright = "2025, Tester"
version = release = "1.0"
extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
show_warning_types = True
