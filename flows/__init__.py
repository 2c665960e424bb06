"""The conversation core: pure flows, no platform, HTTP or storage imports (tests enforce it)."""
