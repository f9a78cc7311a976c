extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
httpstatus_custom = {
    299: {
        "phrase": "Custom Accepted",
        "description": "Accepted by the gateway; processed later.",
        "url": "https://example.com/codes/299",
    },
    "298": {
        "phrase": "Queued Elsewhere",
        "description": {"en": "Queued in another region.", "zh_CN": "已在其他区域排队。"},
    },
    404: {"description": "No order has this number."},
    410: {"description": {"en": "The order was deleted.", "zh_CN": "订单已被删除。"}},
    401: {"description": '"><script>alert(1)</script>'},
    297: {"phrase": "<b>Bold</b> & <i>Co</i>", "url": "https://example.com/codes/297"},
    418: {"phrase": "Teapot Refused"},
}
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True
