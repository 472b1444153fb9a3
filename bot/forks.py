"""What an object must redo in a forked child (gunicorn forks its workers from the
master): a base module, like text.py, that any stage may import."""

from __future__ import annotations

import os
import weakref
from collections.abc import Callable


def in_forked_child(owner, method: Callable) -> None:
    """Run method(owner) in every forked child, for as long as owner lives: the hook
    holds it by weak reference, so registering one does not keep it alive."""
    if not hasattr(os, "register_at_fork"):
        return
    ref = weakref.ref(owner)

    def in_child() -> None:
        alive = ref()
        if alive is not None:
            method(alive)

    os.register_at_fork(after_in_child=in_child)
