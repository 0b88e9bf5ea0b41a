"""Stent's Wagtail page types, one module per kind of page."""
from cms.models.articles import ArticleIndexPage, ArticlePage, ArticlePageTag
from cms.models.associations import AssociationCommunity, AssociationIndexPage, AssociationPage
from cms.models.conditions import (
    ConditionIndexPage,
    ConditionPage,
    ConditionPageTag,
    ConditionSource,
)
from cms.models.home import HomePage
from cms.models.review import MedicalReviewTask

__all__ = [
    "ArticleIndexPage", "ArticlePage", "ArticlePageTag",
    "AssociationCommunity", "AssociationIndexPage", "AssociationPage",
    "ConditionIndexPage", "ConditionPage", "ConditionPageTag", "ConditionSource",
    "HomePage", "MedicalReviewTask",
]
