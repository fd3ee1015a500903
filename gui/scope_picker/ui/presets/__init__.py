"""The Presets menu: ready-made selections for common kinds of app."""
