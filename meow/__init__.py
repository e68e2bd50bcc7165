"""meow: turn your own chat exports into a language model that talks like a friend, privately."""

__version__ = "0.1.0"
