"""The domain core: pure Python, no Qt, testable without a display."""
