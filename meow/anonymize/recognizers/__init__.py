"""meow's own Presidio recognizers, one per module."""
