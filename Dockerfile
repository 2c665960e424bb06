# The helpline bot: one image for the webhook server, the workers and the daily purge
# (docker-compose.yml picks the command). Build: docker build -t helpline-bot .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PYTHONPATH=/app \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin helpline

# Dependencies first, at the versions tested (constraints.txt), so a code change rebuilds only the last
# layers: pyproject.toml's dependencies are installed through a stub of the project, which is then removed;
# the code runs from /app (catalogs, migrations and all). Without the `charts` extra: `stats --chart` is
# for an analyst's machine, not the server.
COPY pyproject.toml constraints.txt ./
RUN mkdir -p stub && cp pyproject.toml stub/ && touch stub/webhook.py \
    && pip install -c constraints.txt ./stub && pip uninstall -y helpline-bot && rm -rf stub
COPY webhook.py ./
COPY bot ./bot
COPY flows ./flows
COPY handlers ./handlers
COPY storage ./storage
COPY locales ./locales

USER helpline
EXPOSE 8080 9100
# Liveness for plain `docker run`; Compose overrides it per service.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)" || exit 1
CMD ["python", "-m", "bot", "serve"]
