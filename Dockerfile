# The helpline bot: one image for the webhook server, the workers and the daily purge
# (docker-compose.yml picks the command). Build: docker build -t helpline-bot .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /app
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin helpline

# Dependencies first, at the versions tested (constraints.txt), so a code change rebuilds only the last layer.
# Without the `charts` extra: `stats --chart` is run from an operator's machine, not the server.
COPY pyproject.toml constraints.txt README.md ./
RUN mkdir -p bot flows handlers storage locales && touch webhook.py \
    && pip install -c constraints.txt . && pip uninstall -y helpline-bot
COPY webhook.py ./
COPY bot ./bot
COPY flows ./flows
COPY handlers ./handlers
COPY storage ./storage
COPY locales ./locales
RUN pip install --no-deps -c constraints.txt . && python -m compileall -q bot flows handlers storage locales

USER helpline
EXPOSE 8080 9100
# Liveness for plain `docker run`; Compose overrides it per service.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s \
    CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8080/healthz', timeout=4)" || exit 1
CMD ["python", "-m", "bot", "serve"]
