import os

extensions = ["sphinxcontrib.httpdomain", "sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True
# Two LaTeX documents: the second holds the table's page and no resource.
latex_documents = [
    ("index", "manual.tex", "Manual", "Author", "manual"),
    ("errors", "errors.tex", "Errors", "Author", "howto"),
]


def _note_reader(app, doctree):
    # Which process read each page: proves the -j 2 build really read in parallel.
    app.env.metadata[app.env.docname]["reader-pid"] = os.getpid()


def setup(app):
    app.connect("doctree-read", _note_reader)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
