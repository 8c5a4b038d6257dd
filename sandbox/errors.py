"""Bot API errors in the exact shapes Telegram answers with."""

from __future__ import annotations

from typing import Any


class BotApiError(Exception):
    """An error answer: HTTP status, Telegram's description and optional parameters."""

    def __init__(
        self, status: int, description: str, parameters: dict[str, Any] | None = None
    ) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.parameters = parameters

    def payload(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.parameters:
            body["parameters"] = self.parameters
        return body


def bad_request(reason: str) -> BotApiError:
    return BotApiError(400, f"Bad Request: {reason}")


def forbidden(reason: str) -> BotApiError:
    return BotApiError(403, f"Forbidden: {reason}")


def too_many_requests(retry_after: int) -> BotApiError:
    return BotApiError(
        429, f"Too Many Requests: retry after {retry_after}", {"retry_after": retry_after}
    )


UNAUTHORIZED = BotApiError(401, "Unauthorized")
NOT_FOUND = BotApiError(404, "Not Found")
INTERNAL_ERROR = BotApiError(500, "Internal Server Error")

# When the Bot API server behind it does not answer, Telegram's front end answers itself: with
# nginx's own HTML error page, not the Bot API's JSON. Internal errors of the Bot API server
# itself stay JSON (INTERNAL_ERROR).
FRONT_END_SERVER = "nginx/1.18.0"
GATEWAY_ERRORS = {502: "Bad Gateway", 504: "Gateway Time-out"}


def gateway_error_page(status: int) -> str:
    """nginx's error page, byte for byte as api.telegram.org sends it (CRLF line ends)."""
    title = f"{status} {GATEWAY_ERRORS[status]}"
    lines = (
        "<html>",
        f"<head><title>{title}</title></head>",
        "<body>",
        f"<center><h1>{title}</h1></center>",
        f"<hr><center>{FRONT_END_SERVER}</center>",
        "</body>",
        "</html>",
        "",
    )
    return "\r\n".join(lines)


CHAT_NOT_FOUND = "chat not found"
NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
WEBHOOK_CONFLICT = BotApiError(
    409,
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first",
)
POLLING_CONFLICT = BotApiError(
    409,
    "Conflict: terminated by other getUpdates request; "
    "make sure that only one bot instance is running",
)


class ControlError(Exception):
    """A mistake in a control API call (unknown user, no such button...), not a Bot API error."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
