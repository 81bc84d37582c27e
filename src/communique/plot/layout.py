"""A small force-directed layout (Fruchterman–Reingold) for the actor network.

Our networks have at most a few dozen nodes (the top actors), so a plain O(n²) numpy version
is instant; writing it here saves a dependency (networkx) for one function. The start
positions come from a seeded generator and the nodes arrive in a fixed order (most events
first, then by name), so the same data always gives the same picture.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

__all__ = ["spring_layout"]

ITERATIONS = 150
# A weak pull to the centre keeps actors without ties from drifting to the edge of the frame.
GRAVITY = 0.05


def spring_layout(
    n: int, weights: Mapping[tuple[int, int], float], *, seed: int = 7, iterations: int = ITERATIONS
) -> np.ndarray:
    """Positions (n × 2, within [-1, 1]) of n nodes tied by weighted edges ``{(i, j): w}``.

    Heavier edges pull their nodes closer (attraction grows with ``log1p(w)``); all nodes
    repel each other.
    """
    rng = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2))
    if n == 1:
        return np.zeros((1, 2))
    pos = rng.uniform(-1.0, 1.0, size=(n, 2))
    adjacency = np.zeros((n, n))
    for (i, j), w in weights.items():
        adjacency[i, j] = adjacency[j, i] = np.log1p(w)
    if adjacency.max() > 0:
        adjacency /= adjacency.max()
    k = np.sqrt(4.0 / n)
    temperature = 0.2
    for _ in range(iterations):
        delta = pos[:, None, :] - pos[None, :, :]
        distance = np.maximum(np.linalg.norm(delta, axis=-1), 1e-3)
        force = (k * k / distance**2) - (adjacency * distance / k)
        np.fill_diagonal(force, 0.0)
        displacement = (force[:, :, None] * delta).sum(axis=1) - GRAVITY * pos
        length = np.maximum(np.linalg.norm(displacement, axis=-1), 1e-9)
        pos += displacement / length[:, None] * np.minimum(length, temperature)[:, None]
        temperature *= 0.97
    pos -= pos.mean(axis=0)
    scale = np.abs(pos).max()
    return pos / scale if scale > 0 else pos
