"""The stats app's public pages, under /<language>/stats/ (cms/urls.py)."""

from django.urls import path

from stats.views import calculator, community, salaries

app_name = "stats"

urlpatterns = [
    path("salaries/", salaries.salaries, name="salaries"),
    path("salaries/table.csv", salaries.salaries_csv, name="salaries_csv"),
    path("salaries/calculator/", calculator.calculator, name="calculator"),
    path("community/", community.dashboard, name="community"),
    path("community/<slug:figure>.csv", community.dashboard_csv, name="community_csv"),
]
