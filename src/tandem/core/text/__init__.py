"""Text helpers shared by every layer (pure Python: no Django)."""
