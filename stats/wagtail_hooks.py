"""The "Salary survey" admin menu: survey years (and deleting one), questions and their answer options (Danish
wording, order, numeric values), and the import (stats.admin_views)."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from stats import admin_views
from stats.models import Choice, Question, SurveyYear


class MadeByImportsPolicy(ModelPermissionPolicy):
    """Years, questions and answer options are made by imports (from the catalogue and the export), never added
    by hand in the admin; staff may still see, edit and (years) delete them as their permissions say."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([action for action in actions if action != "add"])


for _model in (SurveyYear, Question, Choice):
    register_permission_policy(_model, MadeByImportsPolicy(_model), exact_class=True)


class SurveyYearViewSet(ModelViewSet):
    model = SurveyYear
    name = "stats_years"
    icon = "table"
    menu_label = _("Survey years")
    list_display = ["year", "response_count", "imported_at"]
    ordering = ["-year"]
    # Years come from imports; the admin only shows and deletes them (and edits the salary question's wording).
    add_to_admin_menu = False
    form_fields = ["salary_text_en", "salary_text_da"]
    inspect_view_enabled = True


class QuestionViewSet(ModelViewSet):
    model = Question
    name = "stats_questions"
    icon = "help"
    menu_label = _("Questions")
    list_display = ["short_en", "short_da", "key", "kind", "ordinal"]
    list_filter = ["kind"]
    search_fields = ["key", "text_en", "text_da"]
    panels = [
        FieldRowPanel([FieldPanel("short_en"), FieldPanel("short_da")]),
        FieldPanel("text_en"),
        FieldPanel("text_da"),
        FieldRowPanel([FieldPanel("ordinal"), FieldPanel("closed"), FieldPanel("required"), FieldPanel("position")]),
    ]


class ChoiceViewSet(ModelViewSet):
    model = Choice
    name = "stats_choices"
    icon = "list-ul"
    menu_label = _("Answer options")
    list_display = ["value", "label_da", "question", "position", "number"]
    list_filter = ["question"]
    search_fields = ["value", "label_da"]
    panels = [FieldPanel("label_da"), FieldRowPanel([FieldPanel("position"), FieldPanel("number")])]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(admin_views.IMPORT_PERMISSION)


class SalarySurveyGroup(ViewSetGroup):
    menu_label = _("Salary survey")
    menu_icon = "table"
    menu_order = 270
    items = (SurveyYearViewSet, QuestionViewSet, ChoiceViewSet)

    def get_submenu_items(self):
        return [
            ImportMenuItem(
                _("Import a year"), reverse("stats_admin:upload"), name="survey-import", icon_name="upload", order=1
            ),
            *super().get_submenu_items(),
        ]


@hooks.register("register_admin_viewset")
def register_salary_survey_viewsets():
    return SalarySurveyGroup()


_urls = (
    [
        path("", admin_views.upload, name="upload"),
        path("review/", admin_views.review, name="review"),
        path("confirm/", admin_views.confirm, name="confirm"),
        path("cancel/", admin_views.cancel, name="cancel"),
    ],
    "stats_admin",
)


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("survey-import/", include(_urls))]
