"""Translation machinery shared by every app: who may change source pages, the status of every translation,
and creating translations through wagtail-localize (demo content uses it too)."""
