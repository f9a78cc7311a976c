extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
show_warning_types = True
# Two LaTeX documents: the manual leaves the status table's page out.
latex_documents = [
    ("index", "manual.tex", "Manual", "Author", "manual"),
    ("reference", "reference.tex", "Reference", "Author", "howto"),
]
