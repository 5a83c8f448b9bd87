"""``notice.json`` at the site root, for the banner a product embeds (``assets/notice.js``):
the changes in their notice window (announced, not yet in effect, not withdrawn), newest
first, each with its message in the edition's language, and the version in force of every
document with what a product needs to ask "must this user accept again?".

It is the one file the banner reads, so a product page makes no other request to the site.
Made for the build day, like the pages' own banners; the daily build keeps it true.
"""

from __future__ import annotations

from datetime import date

from site_builder.base.dates import long_date
from site_builder.base.messages import fit_particles
from site_builder.model.publication import Timeline
from site_builder.model.site import Site
from site_builder.render import urls
from site_builder.render.json_files import json_file
from site_builder.render.editions import Edition
from site_builder.render.indexes import last_material, version_id

PRODUCT_NOTICES = "notice.json"


def render_product_notices(site: Site, strings: dict, today: date,
                           timelines: tuple[Timeline, ...], edition: Edition,
                           editions: tuple[Edition, ...]) -> bytes:
    absolute = lambda target: urls.absolute_url(site.base_url, edition.place(target))  # noqa: E731
    notices, in_force = [], {}
    for timeline in timelines:
        slug, title = timeline.document.slug, timeline.document.title
        for entry in timeline.upcoming:
            written = long_date(entry.effective, edition.language)
            notices.append({
                "id": version_id(slug, entry), "document": slug, "title": title,
                "effective": entry.effective.isoformat(), "material": entry.version.material,
                "message": fit_particles(strings["product_notice"].format(title=title,
                                                                          date=written)),
                "link": absolute(urls.changes_path(slug, entry.effective)),
                "link_text": strings["changes"]})
        if timeline.current:
            in_force[slug] = {"id": version_id(slug, timeline.current),
                              "last_material": last_material(timeline).get(id(timeline.current))}
    notices.sort(key=lambda n: (n["effective"], n["id"]), reverse=True)
    data = {"as_of": today.isoformat(), "timezone": site.timezone, "language": edition.language,
            "label": strings["product_notice_label"], "dismiss": strings["product_notice_dismiss"],
            "languages": {e.language: e.output(PRODUCT_NOTICES) for e in editions},
            "notices": notices, "in_force": in_force}
    return json_file(data, indent=2, sort_keys=True)
