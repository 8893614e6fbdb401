"""API operations of the press monitor."""

from ninja import Router

router = Router(tags=["press"])
