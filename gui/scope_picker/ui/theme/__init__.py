"""View > Theme: System, Light or Dark, and the palettes and style of the last two."""
