# The site's image: gunicorn serving cms.wsgi with production settings; the same image runs the Celery worker
# and beat (see docker-compose.yml). Configuration comes from the environment at run time (README.md).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    WEB_CONCURRENCY=3

RUN useradd --system --create-home --uid 10001 --user-group app

WORKDIR /app

# Dependencies first, so a code change does not reinstall them. Every pinned package ships a wheel for
# this image (psycopg2-binary bundles libpq), so no compiler or system libraries are needed.
COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .

# Static files and translation catalogues are baked into the image. Production settings refuse to load
# without SECRET_KEY and ALLOWED_HOSTS, so these two steps get throwaway values that exist only for them.
RUN SECRET_KEY=build-time-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput \
    && SECRET_KEY=build-time-only ALLOWED_HOSTS=localhost python manage.py compile_translations \
    && mkdir -p media private-media \
    && chown app:app media private-media

USER app

EXPOSE 8000

# WEB_CONCURRENCY sets gunicorn's number of workers.
CMD ["gunicorn", "cms.wsgi:application", "--bind", "0.0.0.0:8000", "--access-logfile", "-", "--timeout", "30"]
