from .membership import Member, MemberQuerySet
from .pages import ArticleIndexPage, ArticlePage, ArticlePageTag, BoardIndexPage, BoardMemberPage
from .users import User, UserManager

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "ArticlePageTag",
    "BoardIndexPage",
    "BoardMemberPage",
    "Member",
    "MemberQuerySet",
    "User",
    "UserManager",
]
