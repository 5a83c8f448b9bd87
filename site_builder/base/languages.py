"""The languages policy-site itself speaks: of a site's originals, of its messages and of the
default theme's words. Declared here once; a translation may be in any language a theme has
words for (sources/settings.py)."""

DEFAULT_LANGUAGE = "ko"
LANGUAGES = ("ko", "en")
MESSAGE_SOURCE_LANGUAGE = "en"  # the language the code writes its message templates in
