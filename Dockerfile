# The bot in a container: slim Python, non-root user, exec-form entry point so that
# SIGTERM from `docker stop` reaches the bot and it shuts down cleanly.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DATA_DIR=/data \
    KNOWLEDGE_PATH=/app/knowledge

RUN useradd --create-home --uid 10001 bot \
    && mkdir -p /data \
    && chown bot:bot /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY handlers ./handlers
COPY knowledge ./knowledge
RUN pip install --no-cache-dir .

USER 10001
VOLUME ["/data"]
# The bot writes /data/pulse.json (updates arriving, replies delivered); the check reads it.
# SIGTERM: the bot stops within docker stop's 10 s and keeps unanswered updates in /data.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "-m", "bot", "health"]
ENTRYPOINT ["python", "-m", "bot"]
CMD ["run"]
