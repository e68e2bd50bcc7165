"""Training, generation and chat."""
