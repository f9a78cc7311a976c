from sphinxcontrib.openapi import directive, renderers

extensions = ["sphinxcontrib.openapi", "sphinxcontrib_httpstatus"]
show_warning_types = True


def setup(app):
    # sphinxcontrib-openapi registers this renderer as "openapi:httpdomain",
    # which Sphinx 9 reads as a directive of a domain "openapi" that does not
    # exist ("unknown directive"), with or without our extension; the test
    # registers it under a name without a colon.
    app.add_directive(
        "openapi-httpdomain",
        directive.create_directive_from_renderer(renderers.HttpdomainRenderer),
    )
