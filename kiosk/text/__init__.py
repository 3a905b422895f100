"""Script-aware text helpers (no Kivy): Tibetan line breaking, script detection."""
