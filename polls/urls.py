"""The polls app's URLs (under /<language>/polls/): voting, the live results and My polls. The poll pages
themselves are Wagtail pages under each language's polls index. Ids go through the `row_id` converter
(polls.converters), so an absurdly long number is a 404."""

from django.urls import path

from polls.views import voting

app_name = "polls"

urlpatterns = [
    path("mine/", voting.my_polls, name="my_polls"),
    path("<row_id:page_id>/vote/", voting.vote, name="vote"),
    path("<row_id:page_id>/results/", voting.results, name="results"),
]
