# Koldo: the bot image. Build: docker build -t koldo .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/opt/koldo \
    PATH="/opt/koldo/bin:$PATH"

RUN pip install --no-cache-dir uv==0.13.9

WORKDIR /app
# Dependencies first, from the lock file, so that code changes don't reinstall them.
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-dev --no-install-project

COPY bot ./bot
COPY handlers ./handlers
COPY storage ./storage
COPY locales ./locales
COPY sandbox ./sandbox
RUN uv sync --frozen --no-dev

RUN useradd --system --home /app koldo && mkdir -p /app/var && chown koldo /app/var
USER koldo

EXPOSE 8080
CMD ["koldo", "run"]
