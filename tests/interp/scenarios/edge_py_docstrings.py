# Docstrings on modules, functions, classes and coroutines; they are plain string expressions.
"""Module docstring."""
import asyncio


def documented():
    """Return 1."""
    return 1


async def coro():
    """A coroutine with a docstring."""
    "a second string expression is just an expression"
    return 2


class K:
    """Class doc."""

    def m(self):
        """Method doc."""


print(__doc__, documented.__doc__, coro.__doc__, K.__doc__, K.m.__doc__, K().m())
print(documented(), asyncio.run(coro()), (lambda: 0).__doc__)
