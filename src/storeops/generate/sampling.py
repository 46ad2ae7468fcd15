"""Vectorised random draws shared by the platform generators."""

from __future__ import annotations

import numpy as np

from storeops.generate import catalog as cat
from storeops.generate.fmt import padded

SECONDS_PER_DAY = 86_400
_SCRAMBLE = 7_368_787  # prime to 10


def normalise(weights: np.ndarray) -> np.ndarray:
    """Weights scaled to sum to 1 along the last axis (rows of zeros stay zero)."""
    w = np.asarray(weights, dtype=float)
    total = w.sum(axis=-1, keepdims=True)
    return np.divide(w, total, out=np.zeros_like(w), where=total > 0)


def choose(rng: np.random.Generator, weights: np.ndarray | tuple[float, ...], n: int) -> np.ndarray:
    """`n` indices drawn with the given (unnormalised) weights."""
    return rng.choice(len(weights), size=n, p=normalise(np.asarray(weights)))


def categorical(rng: np.random.Generator, weights: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """One index per element of `rows`, drawn from that row of the weight matrix.

    `weights` has shape (R, K); rows whose weights are all zero draw uniformly.
    """
    w = np.asarray(weights, dtype=float)
    empty = w.sum(axis=1) <= 0
    w = np.where(empty[:, None], 1.0, w)
    cdf = np.cumsum(normalise(w), axis=1)
    u = rng.random(len(rows))
    picks = np.empty(len(rows), dtype=np.int64)
    order = np.argsort(rows, kind="stable")
    sorted_rows = rows[order]
    bounds = np.searchsorted(sorted_rows, np.arange(w.shape[0] + 1))
    for r in np.flatnonzero(np.diff(bounds)):
        sl = order[bounds[r] : bounds[r + 1]]
        picks[sl] = np.searchsorted(cdf[r], u[sl], side="right")
    return np.minimum(picks, w.shape[1] - 1)


def noise(rng: np.random.Generator, n: int, sigma: float) -> np.ndarray:
    """Mean-one log-normal multipliers."""
    return rng.lognormal(-sigma * sigma / 2, sigma, n)


def seconds_of_day(rng: np.random.Generator, burst: np.ndarray) -> np.ndarray:
    """A second of the day for each event, with the burst-day midnight rush where `burst`."""
    hours = np.where(
        burst,
        choose(rng, cat.BURST_HOUR_WEIGHTS, len(burst)),
        choose(rng, cat.HOUR_WEIGHTS, len(burst)),
    )
    return hours * 3600 + rng.integers(0, 3600, len(burst))


def assign_people(
    rng: np.random.Generator,
    day_counts: np.ndarray,
    returning_share: np.ndarray,
    ramp_days: float = 45.0,
    loyalty_sigma: float = 0.7,
) -> np.ndarray:
    """A person id for each event of each day (events grouped by day, in day order).

    Each day, a share of the events comes back from people seen before (picked
    in proportion to a per-person loyalty weight, so some people come back
    often); the rest are new people with the next free ids. The returning share
    ramps up over `ramp_days`, since the window starts with nobody known.
    """
    total = int(day_counts.sum())
    ids = np.empty(total, dtype=np.int64)
    cumulative = np.empty(total, dtype=float)
    known = 0
    pos = 0
    for day, n in enumerate(day_counts.tolist()):
        share = returning_share[day] * (1.0 - np.exp(-day / ramp_days)) if known else 0.0
        back = int(rng.binomial(n, share))
        picks = (
            np.searchsorted(cumulative[:known], rng.random(back) * cumulative[known - 1], side="right")
            if back
            else np.empty(0, np.int64)
        )
        fresh = n - back
        loyalty = rng.lognormal(0.0, loyalty_sigma, fresh)
        base = cumulative[known - 1] if known else 0.0
        cumulative[known : known + fresh] = base + np.cumsum(loyalty)
        day_ids = np.concatenate([np.minimum(picks, known - 1), np.arange(known, known + fresh)])
        ids[pos : pos + n] = rng.permutation(day_ids)
        known += fresh
        pos += n
    return ids


def unique_digits(rng: np.random.Generator, n: int, prefix_digits: tuple[int, int], suffix_digits: int) -> np.ndarray:
    """`n` distinct digit strings: a random prefix `prefix_digits` (min, max) wide, then a scrambled running number.

    The running number is multiplied by a number prime to 10, a bijection modulo
    10^suffix_digits, so the suffixes (and the strings) stay distinct.
    """
    if n >= 10**suffix_digits:
        raise ValueError("too many ids for the suffix width")
    low, high = prefix_digits
    prefix = rng.integers(10 ** (low - 1), 10**high, n).astype(str)
    modulus = 10**suffix_digits
    scrambled = (np.arange(n, dtype=np.int64) * _SCRAMBLE + int(rng.integers(0, modulus))) % modulus
    suffix = padded(scrambled, suffix_digits)
    return np.strings.add(prefix, suffix)


def random_digits(rng: np.random.Generator, n: int, digits: int) -> np.ndarray:
    """`n` zero-padded random digit strings of a fixed width (not necessarily distinct)."""
    parts = []
    while digits > 0:
        take = min(digits, 15)
        parts.append(padded(rng.integers(0, 10**take, n), take))
        digits -= take
    out = parts[0]
    for p in parts[1:]:
        out = np.strings.add(out, p)
    return out


def pick(values: tuple[str, ...] | list[str], idx: np.ndarray) -> np.ndarray:
    """The strings at the given indices, as a numpy string array."""
    return np.asarray(values)[idx]
