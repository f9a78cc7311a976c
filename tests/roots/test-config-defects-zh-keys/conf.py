extensions = ["sphinxcontrib_httpstatus"]
exclude_patterns = ["_build"]
# Sphinx < 8 hides the warning types the tests check.
show_warning_types = True
language = "zh_CN"

# Simplified Chinese under each of its tags, and Traditional Chinese, which a
# zh_CN build must not show.
httpstatus_custom = {
    404: {"description": {"en": "E404", "zh": "Z404"}},
    410: {"description": {"en": "E410", "zh_Hans": "Z410"}},
    413: {"description": {"en": "E413", "zh-CN": "Z413"}},
    500: {"description": {"zh_TW": "T500"}},
    503: {"description": {"en": "E503", "zh_TW": "T503"}},
    299: {"phrase": "Custom", "description": {"en": "E299", "zh-Hans-CN": "Z299"}},
}
