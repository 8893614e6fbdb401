"""The look every chart shares: the fonts it names and the colour of its text (pure Python).

Fonts are named, not embedded: the page's CSS and WeasyPrint resolve them from the system, so
the same chart works in English, Japanese and Russian pages and PDFs, offline.
"""

FONT = "'Noto Sans CJK JP', 'Noto Sans', sans-serif"
INK = "#1f2933"
