# SCN Online Hub: one image for the web (gunicorn) and the worker (db_worker).
FROM python:3.13-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# gettext compiles the translations at build time.
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

RUN useradd --create-home --uid 1000 scn
WORKDIR /app

COPY pyproject.toml README.md ./
COPY scn_portal ./scn_portal
COPY membership ./membership
COPY library ./library
COPY cityprofiles ./cityprofiles
COPY training ./training
COPY events ./events
RUN pip install .
COPY manage.py ./
COPY templates ./templates
COPY static ./static

# Build-time values only, so settings load for collectstatic/compilemessages;
# the real ones come from the environment at run time (docker-compose.yml).
RUN DEBUG=0 SECRET_KEY=build-only ALLOWED_HOSTS=localhost EMAIL_HOST=localhost \
    DATABASE_URL=postgresql://build@localhost/build \
    sh -c "python manage.py collectstatic --noinput && python manage.py compilemessages"

RUN mkdir -p /app/media && chown scn:scn /app/media
USER scn
EXPOSE 8000
CMD ["gunicorn", "scn_portal.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", \
     "--access-logfile", "-", "--forwarded-allow-ips", "*"]
