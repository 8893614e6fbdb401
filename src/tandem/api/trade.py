"""API operations of the trade monitor."""

from ninja import Router

router = Router(tags=["trade"])
