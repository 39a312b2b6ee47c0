"""Checks of the SQLAlchemy types of docs/reference/clients.md (run by
tests/integration/clients_sqlalchemy.sh from a directory holding
sahel_news_sqlalchemy.py, the doc's snippet).  SN_URL: the database.
Prints "ok: ..." per check; exits 1 after the first failed one."""
import datetime
import os
import sys

import sqlalchemy as sa
from sahel_news_sqlalchemy import Country, Edtf, EdtfRange, Estimate, EstimateRange, Geopoint, register

engine = register(sa.create_engine(os.environ["SN_URL"]))   # default search_path: no sahel_news
meta = sa.MetaData()


def check(label, ok, detail=""):
    if not ok:
        print(f"FAILED: {label} {detail}")
        sys.exit(1)
    print(f"ok: {label}")


with engine.connect() as db:
    events = sa.Table("events", meta, schema="sahel_news", autoload_with=db)
    deployments = sa.Table("deployments", meta, schema="sahel_news", autoload_with=db)
    places = sa.Table("places", meta, schema="sahel_news", autoload_with=db)
    check("reflection maps edtf, estimate, geopoint, country",
          isinstance(events.c.occurred.type, Edtf) and isinstance(events.c.fatalities.type, Estimate)
          and isinstance(events.c.location.type, Geopoint) and isinstance(places.c.country.type, Country)
          and isinstance(deployments.c.strength.type, Estimate) and isinstance(deployments.c.as_of.type, Edtf),
          [type(c.type).__name__ for c in events.c])

    # every value read equals the server's own accessors
    f, T = sa.func.sahel_news, sa.Text
    o, fat, loc = events.c.occurred, events.c.fatalities, events.c.location
    rows = db.execute(sa.select(events.c.id, o, fat, loc,
                                sa.cast(f.lower(o), T), sa.cast(f.upper(o), T), sa.cast(o, T),
                                f.lower(fat, type_=sa.BigInteger), f.best(fat, type_=sa.BigInteger),
                                f.upper(fat, type_=sa.BigInteger), sa.cast(fat, T),
                                f.lat(loc, type_=sa.Float), f.lon(loc, type_=sa.Float))
                      .where(events.c.sample).order_by(events.c.id)).all()
    check("the sample's events are read", len(rows) >= 10, len(rows))
    for r in rows:
        o, f, loc = r[1], r[2], r[3]
        day = lambda t: None if t is None or "infinity" in t else datetime.date.fromisoformat(t)
        check(f"event {r[0]}: occurred {r[6]} as a date range",
              isinstance(o, EdtfRange) and o.text == r[6] and o.lower == day(r[4]) and o.upper == day(r[5])
              and (o.lower is None or o.lower_inc) and (o.upper is None or o.upper_inc), repr(o))
        check(f"event {r[0]}: fatalities {r[10]} as a numeric range",
              f is None if r[10] is None else
              (isinstance(f, EstimateRange) and f.text == r[10] and (f.lower, f.best, f.upper) == (r[7], r[8], r[9])),
              repr(f))
        check(f"event {r[0]}: location as (lat, lon)",
              loc is None if r[11] is None else loc == (r[11], r[12]), repr(loc))

    # open and unknown bounds are None
    row = db.execute(sa.select(sa.cast(sa.literal("../2014"), Edtf()).label("open"),
                               sa.cast(sa.literal(">=2001"), Estimate()).label("more"),
                               sa.cast(sa.literal("?"), Estimate()).label("unknown"),
                               sa.cast(sa.literal("Mali"), Country()).label("country"))).one()
    check("an open edtf has no lower bound", row.open.lower is None and row.open.upper == datetime.date(2014, 12, 31)
          and row.open.text == "../2014", repr(row.open))
    check("an open-ended estimate", row.more.lower == 2001 and row.more.upper is None and row.more.best is None,
          repr(row.more))
    check("an unknown estimate", row.unknown.text == "?" and row.unknown.upper is None, repr(row.unknown))
    check("a country reads as its ISO alpha-3 code", row.country == "MLI", repr(row.country))

    # values go back as parameters: a date, an EDTF text, a value read, a (lat, lon)
    first = rows[0]
    n = db.execute(sa.select(sa.func.count()).select_from(events)
                   .where(events.c.occurred == first[1])).scalar()
    check("a value read is a parameter again (==, no search_path)", n >= 1, n)
    n = db.execute(sa.select(sa.func.count()).select_from(events)
                   .where(events.c.occurred.contains(datetime.date(2022, 8, 13)), events.c.sample)).scalar()
    check("a date as a parameter (.contains)", n == 3, n)
    n = db.execute(sa.select(sa.func.count()).select_from(events)
                   .where(events.c.occurred.overlaps("2022-08"), events.c.sample)).scalar()
    check("EDTF text as a parameter (OPERATOR form, no search_path)", n == 7, n)
    n = db.execute(sa.select(sa.func.count()).select_from(events)
                   .where(events.c.location == (first[3] or (0.0, 0.0)))).scalar()
    check("a (lat, lon) as a parameter", first[3] is None or n >= 1, n)
    d = db.execute(sa.select(sa.func.sahel_news.troop_strength(sa.cast("FRA", Country()), sa.cast("MLI", Country()),
                                                               datetime.date(2022, 6, 1), type_=Estimate()))).scalar()
    check("troop_strength's estimate as a numeric range", isinstance(d, EstimateRange) and d.text == "~2400"
          and d.best == 2400, repr(d))
