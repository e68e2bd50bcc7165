"""`python -m meow ...` (and `accelerate launch -m meow train ...`)."""

from meow.cli import main

main()
