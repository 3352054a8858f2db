"""Demo content for `manage.py load_demo` from the community app: the board and member articles (run after
home's sections, whose home pages, accounts and menu they build on)."""

from community.demo.members import memberships
from community.demo.pages import articles, board, navigation

SECTIONS = [memberships, board, articles, navigation]
