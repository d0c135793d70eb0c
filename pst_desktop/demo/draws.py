"""Fast random draws for the demo: the same seed gives the same data, a year of visits quickly."""

from __future__ import annotations

import random
from bisect import bisect


class FastRandom(random.Random):
    """``random.Random`` with cheaper integer and choice draws (same seed, same data)."""

    def randint(self, a: int, b: int) -> int:
        return a + int(self.random() * (b - a + 1))

    def randrange(self, start: int, stop: int | None = None, step: int = 1) -> int:
        if stop is None:
            start, stop = 0, start
        if step != 1:
            return super().randrange(start, stop, step)
        return start + int(self.random() * (stop - start))

    def choice(self, seq):
        return seq[int(self.random() * len(seq))]


class Picker:
    """Weighted choice from a mapping, with precomputed cumulative weights (fast)."""

    __slots__ = ("cum", "items", "total")

    def __init__(self, weights: dict) -> None:
        self.items = list(weights)
        self.cum: list[float] = []
        total = 0.0
        for value in weights.values():
            total += value
            self.cum.append(total)
        self.total = total

    def __call__(self, rng: random.Random):
        return self.items[bisect(self.cum, rng.random() * self.total)]
