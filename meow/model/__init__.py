"""Training, generation and chat.

Used by the other parts: `load_trained` (a trained model by name or folder) and `meow.model.format`
(the one text format). Both import no heavy library until they are called.
"""

from meow.model.artifacts import Trained
from meow.model.load import load_trained

__all__ = ["Trained", "load_trained"]
