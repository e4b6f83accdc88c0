#!/usr/bin/env python3
"""Writes the seed corpus of every harness (fuzz/corpus/NAME/) from the repository's real files:
the shipped catalogues (cut down to a few entries of each list), the packaged and example configs,
the .po files (their first entries), the UI tests' scripts, docs/protocol.md's and
docs/automation.md's examples. Run it again when those files change; the build only reads its output."""
import json, pathlib, re, shutil

root = pathlib.Path(__file__).resolve().parent.parent
corpus = root / "fuzz" / "corpus"


def put(harness, name, data):
    d = corpus / harness
    d.mkdir(parents=True, exist_ok=True)
    (d / name).write_bytes(data.encode() if isinstance(data, str) else data)


def doc_blocks(doc, lang):
    blocks, current, info = [], None, ""
    for line in (root / "docs" / doc).read_text().splitlines(keepends=True):
        if line.startswith("```"):
            if current is None:
                current, info = [], line[3:].strip()
            else:
                if info == lang:
                    blocks.append("".join(current))
                current = None
        elif current is not None:
            current.append(line)
    return blocks


if corpus.exists():
    shutil.rmtree(corpus)

# Protocol bodies: every JSON example of docs/protocol.md to every protocol harness, plus one batch per
# event type that needs no reference code, and the entities of the catalogue as changes.
examples = doc_blocks("protocol.md", "json")
for harness in ("protocol_events", "protocol_changes", "protocol_requests"):
    for i, block in enumerate(examples):
        put(harness, f"protocol-md-{i:02}.json", block)
payloads = {
    "usage.recorded": {"kind": "flow-started", "flow": "equipment", "step": "", "language": "pl"},
    "feedback.rated": {"flow": "callback", "rating": 4, "language": "uk"},
    "idea.submitted": {"area": None, "text": "Więcej ławek w holu", "language": "pl"},
    "loan.extended": {"loan_id": "0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10", "due": "2026-12-30", "staff_id": "anna.k"},
    "loan.checked_in": {"loan_id": "0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e10", "returned_on": "2026-12-06",
                        "condition": "needs-cleaning", "notes": "", "staff_id": "anna.k"},
    "unit.state_changed": {"inventory_number": "WI-001", "state": "repair", "notes": "koło", "staff_id": "anna.k"},
}
for i, (kind, payload) in enumerate(payloads.items()):
    event = {"id": f"0b8f1a52-5a0e-4c52-9a41-3f7d2a9c1e{i:02}", "type": kind, "created_at": 1718600000,
             "payload": payload}
    put("protocol_events", f"{kind}.json", json.dumps({"events": [event]}, ensure_ascii=False))

# Catalogue: each shipped file cut down to its first entries (the loader's seeds), and each entity
# alone (the protocol's catalogue seeds, and the changes that carry them).
for name in ("lapy", "starachowice"):
    catalog = json.loads((root / "assets" / "catalog" / f"{name}.json").read_text())
    small = dict(catalog)
    for key in ("services", "equipment_types", "announcements"):
        if key in small:
            small[key] = small[key][:2]
    types = {t["id"] for t in small.get("equipment_types", [])}
    if "units" in small:
        small["units"] = [u for u in small["units"] if u.get("type_id") in types][:3]
    put("catalog_loader", f"{name}-small.json", json.dumps(small, ensure_ascii=False, indent=1))
    if "services" in catalog:
        put("catalog_loader", f"{name}-service.json", json.dumps(catalog["services"][0], ensure_ascii=False))
    entities = {"municipality": catalog["municipality"]}
    for key in ("services", "fee_tables", "equipment_types", "units", "counselling_kinds", "emergency_numbers",
                "announcements"):
        if catalog.get(key):
            entities[key] = catalog[key][0]
    changes = []
    for seq, (key, value) in enumerate(entities.items(), start=1):
        put("protocol_catalog", f"{name}-{key}.json", json.dumps(value, ensure_ascii=False))
        entity = {"services": "service", "fee_tables": "fee_table", "equipment_types": "equipment_type",
                  "units": "unit", "counselling_kinds": "counselling_kind",
                  "emergency_numbers": "emergency_number", "announcements": "announcement"}.get(key, key)
        ident = value.get("id") or value.get("inventory_number") or value.get("number") or "x"
        changes.append({"seq": seq, "entity": entity, "id": str(ident), "op": "upsert", "data": value,
                        "position": 0})
    page = {"cursor": "3f9c2a1b7d4e5f60-7", "more": False, "changes": changes}
    put("protocol_changes", f"{name}-catalog-page.json", json.dumps(page, ensure_ascii=False))

# Configurations as packaged and as documented.
put("kiosk_config", "kiosk.example.toml", (root / "kiosk-config" / "kiosk.example.toml").read_text())
put("kiosk_config", "packaging-kiosk.toml", (root / "packaging" / "kiosk.toml").read_text())
put("server_config", "central.example.toml", (root / "server" / "central.example.toml").read_text())
put("server_config", "packaging-central.toml", (root / "packaging" / "central.toml").read_text())

# .po files: the header and the first entries of each language (whole files are 40-70 KB).
for po in sorted((root / "assets" / "i18n").glob("*.po*")):
    entries = po.read_text().split("\n\n")
    put("po_file", po.name, "\n\n".join(entries[:40]) + "\n")

# Automation scripts: the documented example and the UI tests' scripts.
for i, block in enumerate(doc_blocks("automation.md", "")):
    put("automation_script", f"automation-md-{i}.kiosk", block)
for script in sorted((root / "tests" / "ui").glob("*.kiosk"))[:12]:
    put("automation_script", script.name, script.read_text())

# The enrolment file as docs/protocol.md shows it, with a certificate of the unit test's shape.
enrolment = [b for b in doc_blocks("protocol.md", "") if "okienko-enrolment" in b][0]
enrolment = re.sub(r"-----BEGIN CERTIFICATE-----.*", "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUQ2Vy\n"
                   "dGlmaWNhdGU=\n-----END CERTIFICATE-----\n", enrolment, flags=re.S)
put("enrolment_file", "protocol-md.enrol", enrolment)
put("enrolment_file", "crlf.enrol", enrolment.replace("\n", "\r\n"))

# The panel's forms and cookies as browsers send them.
put("panel_form", "login", "csrf=Zm9vYmFy&login=anna.k&password=tajne+has%C5%82o%21")
put("panel_form", "service", "csrf=x&name_pl=Zasi%C5%82ek+rodzinny&name_uk=%D0%94%D0%BE%D0%BF%D0%BE%D0%BC%D0%BE%D0%B3%D0%B0"
    "&summary_pl=Wniosek+%26+dokumenty&active=on&active=&empty")
put("panel_form", "cookie", "theme=dark; __Host-okienko_sesja=q1w2e3r4t5; __Host-okienko_logowanie=abc=def")

# Multipart forms as a browser sends the panel's catalogue form: the boundary line, then the body,
# with a real service's texts.
service = json.loads((root / "assets" / "catalog" / "lapy.json").read_text())["services"][0]
boundary = "----WebKitFormBoundary7MA4YWxkTrZu0gW"
fields = [("csrf", "Zm9vYmFy"), ("id", service["id"]), ("name_pl", service["name"]["pl"]),
          ("name_uk", service["name"].get("uk", "")), ("summary_pl", json.dumps(service.get("summary", {}),
                                                                             ensure_ascii=False)), ("active", "on")]
def multipart(fields):
    parts = "".join(f"--{boundary}\r\nContent-Disposition: form-data; name=\"{n}\"\r\n\r\n{v}\r\n" for n, v in fields)
    return boundary + "\n" + parts + f"--{boundary}--\r\n"
put("panel_multipart", "catalog-service", multipart(fields))
put("panel_multipart", "login", multipart([("csrf", "x"), ("login", "anna.k"), ("password", "tajne hasło")]))

# Validators: what residents type, good and bad.
for i, text in enumerate(["44051401359", "02270803628", "+48 600 123 456", "0048-600-123-456", "600123456",
                          "00-950", "00950", "Anna Kowalska-Nowak", "O’Brien", "Зоя Іваненко-Ґалас",
                          "Proszę o kontakt\npo 15:00", "  spacje  "]):
    put("validators", f"{i:02}", text)

# Slips: paper byte, header and footer, then blocks (first byte: kind; 0x1F between parts).
RS, US = "\x1e", "\x1f"
header = RS.join(["Centrum Usług Społecznych w Łapach", "ul. Główna 1, 18-100 Łapy", "tel. 85 715 00 00",
                  "pn.–pt. 7:30–15:30", "06.12.2026 10:15 · kiosk lapy-hol-1"])
blocks = ["\x00Rezerwacja sprzętu", "\x01R-7K4-29Q-X4Z", "\x02R-7K4-29Q-X4Z",
          "\x03Sprzęt" + US + "Wózek inwalidzki", "\x04Proszę zgłosić się z dowodem osobistym do pokoju 12.",
          "\x05Do zabrania:" + US + "dowód osobisty" + US + "oświadczenie", "\x06Podpis pracownika", "\x07",
          "\x08", "\x04Довідка українською мовою, щоб перевірити перенесення довгих рядків тексту."]
for paper in range(4):
    put("slip_layout", f"slip-{paper}", chr(paper) + header + RS + RS.join(blocks))
