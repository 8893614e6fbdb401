"""API of the matchmaking app, mounted under /api/v1/."""

from ninja import Router

router = Router(tags=["matchmaking"])
