"""Demo content for `manage.py load_demo`: the home app's sections, run in this order.

Another app adds its own demo data with a `<app>/demo.py` (or package) whose `SECTIONS` list holds functions
taking the shared `DemoContext`; `load_demo` runs home's first, then each other app's in INSTALLED_APPS order.
"""

from home.demo.accounts import accounts
from home.demo.pages import about_pages, home_pages, locales_and_site, navigation_and_footer, news

SECTIONS = [locales_and_site, about_pages, news, home_pages, navigation_and_footer, accounts]
