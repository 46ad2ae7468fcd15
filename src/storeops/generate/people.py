"""Made-up personal data (nicks, names, phones, addresses, emails), vectorised.

Every string is built from the GBK-safe parts in `catalog`, so Tmall files can
be written in GBK. Nicks are unique; the rest may repeat, as in real life.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from storeops.generate import catalog as cat
from storeops.generate.sampling import choose, pick, random_digits

_ALNUM = np.array(list("abcdefghijkmnpqrstuvwxyz23456789"))


@dataclass(frozen=True)
class People:
    """One entry per person."""

    nick: np.ndarray
    name: np.ndarray
    mobile: np.ndarray
    alipay: np.ndarray
    province: np.ndarray
    address: np.ndarray


def _alnum(rng: np.random.Generator, n: int, width: int) -> np.ndarray:
    """Random lowercase letters and digits, `width` characters each."""
    chars = np.ascontiguousarray(_ALNUM[rng.integers(0, len(_ALNUM), (n, width))])
    return chars.view(f"<U{width}").reshape(n)


def _pinyin(rng: np.random.Generator, n: int) -> np.ndarray:
    """Two pinyin syllables, like `xiaomei`."""
    return np.strings.add(
        pick(cat.PINYIN, rng.integers(0, len(cat.PINYIN), n)), pick(cat.PINYIN, rng.integers(0, len(cat.PINYIN), n))
    )


def _make_unique(values: np.ndarray) -> np.ndarray:
    """Append `-<position>` to every repeat of an earlier value (`-` appears nowhere else)."""
    repeat = pd.Series(values).duplicated().to_numpy()
    suffix = np.strings.add("-", np.arange(len(values)).astype(str))
    return np.where(repeat, np.strings.add(values, suffix), values)


def nicks(rng: np.random.Generator, n: int) -> np.ndarray:
    """Taobao member names: `tb_` + random, pinyin + digits, or a Chinese nick."""
    kind = choose(rng, (0.45, 0.35, 0.20), n)
    tb = np.strings.add("tb_", _alnum(rng, n, 10))
    year = rng.integers(1975, 2008, n).astype(str)
    sep = pick(("", "_", ""), rng.integers(0, 3, n))
    pinyin = np.strings.add(np.strings.add(_pinyin(rng, n), sep), year)
    chinese = np.strings.add(
        np.strings.add(
            pick(cat.NICK_ADJECTIVES, rng.integers(0, len(cat.NICK_ADJECTIVES), n)),
            pick(cat.NICK_NOUNS, rng.integers(0, len(cat.NICK_NOUNS), n)),
        ),
        rng.integers(1, 999, n).astype(str),
    )
    return _make_unique(np.select([kind == 0, kind == 1], [tb, pinyin], chinese))


def chinese_names(rng: np.random.Generator, n: int) -> np.ndarray:
    """Surname + one or two given-name characters."""
    given1 = pick(cat.GIVEN_CHARS, rng.integers(0, len(cat.GIVEN_CHARS), n))
    given2 = np.where(rng.random(n) < 0.65, pick(cat.GIVEN_CHARS, rng.integers(0, len(cat.GIVEN_CHARS), n)), "")
    return np.strings.add(np.strings.add(pick(cat.SURNAMES, rng.integers(0, len(cat.SURNAMES), n)), given1), given2)


def mobiles(rng: np.random.Generator, n: int) -> np.ndarray:
    """Mainland mobile numbers: `1[3-9]` + 9 digits."""
    second = rng.integers(3, 10, n).astype(str)
    return np.strings.add(np.strings.add("1", second), random_digits(rng, n, 9))


def emails(rng: np.random.Generator, n: int) -> np.ndarray:
    """Email addresses: pinyin or QQ numbers at common Chinese mail domains."""
    domain = pick(cat.EMAIL_DOMAINS, rng.integers(0, len(cat.EMAIL_DOMAINS), n))
    qq_number = rng.integers(10_000_000, 3_000_000_000, n).astype(str)
    handle = np.strings.add(_pinyin(rng, n), rng.integers(1, 9999, n).astype(str))
    user = np.where(domain == "qq.com", qq_number, handle)
    return np.strings.add(np.strings.add(user, "@"), domain)


def addresses(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(province, "province city district street…" space separated)."""
    districts = [(p, c, d) for p, c, ds, _ in cat.GEOGRAPHY for d in ds]
    weights = [w / len(ds) for _, _, ds, w in cat.GEOGRAPHY for _ in ds]
    where = choose(rng, weights, n)
    province = pick([d[0] for d in districts], where)
    head = pick([f"{p} {c} {d} " for p, c, d in districts], where)
    street = np.strings.add(
        pick(cat.STREETS, rng.integers(0, len(cat.STREETS), n)), rng.integers(1, 400, n).astype(str)
    )
    flat = np.strings.add(
        np.strings.add(np.strings.add(" ", rng.integers(1, 30, n).astype(str)), "栋"),
        np.strings.add(
            np.strings.add(rng.integers(1, 6, n).astype(str), "单元"),
            np.strings.add(rng.integers(101, 2800, n).astype(str), "室"),
        ),
    )
    street = np.strings.add(street, "号")
    address = np.strings.add(np.strings.add(head, street), np.where(rng.random(n) < 0.6, flat, ""))
    return province, address


def make_people(rng: np.random.Generator, n: int) -> People:
    """`n` buyers with everything a Tmall order or member export shows about them."""
    mobile = mobiles(rng, n)
    alipay = np.where(rng.random(n) < 0.6, mobile, emails(rng, n))
    province, address = addresses(rng, n)
    return People(
        nick=nicks(rng, n), name=chinese_names(rng, n), mobile=mobile, alipay=alipay, province=province, address=address
    )
