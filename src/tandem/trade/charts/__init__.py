"""The trade monitor's SVG charts (pure Python, no Django)."""
