"""Admin forms of the page types: people are chosen by handle among those who may act there."""
from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import GroupPagePermission, Page


def authors_for(parent_page, current=None):
    """Who may be named as the author of a page under ``parent_page``: active members of the
    groups that may add or change pages there (the site's, the association's or the
    community's editors), and the current author so that an edit keeps it."""
    ancestors = Page.objects.ancestor_of(parent_page, inclusive=True) if parent_page else Page.objects.none()
    groups = GroupPagePermission.objects.filter(
        page__in=ancestors, permission__codename__in=("add_page", "change_page"),
    ).values("group")
    allowed = Q(is_active=True, groups__in=groups)
    if current is not None:
        allowed |= Q(pk=current.pk)
    return (get_user_model().objects.filter(allowed).distinct()
            .select_related("profile").order_by("profile__handle"))


class ArticlePageForm(WagtailAdminPageForm):
    """The author dropdown lists the editors who may author there, by handle, never e-mail."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "author" in self.fields:
            parent = self.parent_page or (self.instance.get_parent() if self.instance.pk else None)
            self.fields["author"].queryset = authors_for(parent, self.instance.author
                                                         if self.instance.author_id else None)
