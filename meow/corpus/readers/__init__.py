"""One small module per export format, each a function from a path to Threads."""
