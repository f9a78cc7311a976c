import os

extensions = ["sphinxcontrib_httpstatus"]


def _note_reader(app, doctree):
    # Which process read each page: proves the -j 2 build really read in parallel.
    app.env.metadata[app.env.docname]["reader-pid"] = os.getpid()


def setup(app):
    app.connect("doctree-read", _note_reader)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
