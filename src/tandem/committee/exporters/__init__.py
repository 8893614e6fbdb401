"""Documents made from the committee's records: the briefing pack and the minutes."""
