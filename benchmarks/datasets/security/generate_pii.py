#!/usr/bin/env python3
"""PII dev corpus for issue 19 (positives of several countries and languages, and near-misses). Called by generate.py.
Shares no phrasing with frozen/generate_frozen.py."""
import json, random

def _luhn(rnd, prefix, length, valid=True):
    d = [int(c) for c in prefix] + [rnd.randint(0, 9) for _ in range(length - 1 - len(prefix))]
    s = 0
    for i, x in enumerate(reversed(d)):
        if i % 2 == 0:
            x *= 2
            if x > 9: x -= 9
        s += x
    check = (10 - s % 10) % 10
    return "".join(map(str, d)) + str(check if valid else (check + 3) % 10)

def _iban(country, bban, valid=True):
    num = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(num) % 97
    if not valid:
        check = (check + 11) % 97 + 2
    return f"{country}{check:02d}{bban}"

def _g4(s):
    return " ".join(s[i:i+4] for i in range(0, len(s), 4))

BBANS = {"DE": lambda r: "".join(str(r.randint(0, 9)) for _ in range(18)), "FR": lambda r: "".join(str(r.randint(0, 9)) for _ in range(23)),
         "ES": lambda r: "".join(str(r.randint(0, 9)) for _ in range(20)), "IT": lambda r: "K" + "".join(str(r.randint(0, 9)) for _ in range(22)),
         "PT": lambda r: "".join(str(r.randint(0, 9)) for _ in range(21)), "NL": lambda r: "ABNA" + "".join(str(r.randint(0, 9)) for _ in range(10)),
         "GB": lambda r: "BARC" + "".join(str(r.randint(0, 9)) for _ in range(14))}

MON = {"en": ["January", "April", "June", "September", "Dec"], "es": ["enero", "abril", "junio", "septiembre"], "fr": ["janvier", "avril", "juin", "septembre"],
       "de": ["Januar", "April", "Juni", "September"], "pt": ["janeiro", "abril", "junho", "setembro"], "it": ["gennaio", "aprile", "giugno", "settembre"]}
DOB_T = {"en": ["I was born on {d}.", "DOB {d}", "My birthday is {d}.", "Date of birth: {d}", "born {d} in Ohio"],
         "es": ["Nací el {d}.", "Fecha de nacimiento: {d}", "Mi hijo nació el {d}."], "fr": ["Je suis né le {d}.", "Né le {d} à Nantes.", "Date de naissance : {d}"],
         "de": ["Ich bin am {d} geboren.", "Geburtsdatum: {d}", "geb. {d}"], "pt": ["Nasci a {d}.", "Data de nascimento: {d}", "Nascido em {d}."],
         "it": ["Sono nata il {d}.", "Data di nascita: {d}", "Nato il {d} a Bari."]}
ADDR = [("en", "{n} Oak Street, Portland, OR 97205"), ("en", "{n} Elm Avenue, Apt 4B, Austin, TX 78701"), ("en", "{n} Victoria Road, London SW1A 1AA"),
        ("de", "Goethestraße {n}, 10115 Berlin"), ("de", "Am Markt {n}, 04109 Leipzig"), ("fr", "{n} rue de la République, 13001 Marseille"),
        ("fr", "{n} avenue Jean Jaurès, 31000 Toulouse"), ("es", "Calle Mayor {n}, 28013 Madrid"), ("es", "Avenida Diagonal {n}, 08019 Barcelona"),
        ("pt", "Rua das Flores {n}, 4050-262 Porto"), ("pt", "Avenida da Liberdade {n}, 1250-096 Lisboa"), ("it", "Via Roma {n}, 00184 Roma"),
        ("it", "Piazza Navona {n}, 00186 Roma"), ("en", "{n} Queen St W, Toronto, ON M5H 2M9")]
ADDR_T = {"en": "My address is {a}.", "de": "Meine Adresse: {a}.", "fr": "J'habite au {a}.", "es": "Mi dirección es {a}.", "pt": "Moro em {a}.", "it": "Il mio indirizzo è {a}."}
PHONES = [("en", "US", "+1 (212) 555-01{x}"), ("en", "GB", "+44 20 7946 0{x}{x1}"), ("de", "DE", "+49 151 2345 67{x}"), ("fr", "FR", "+33 6 12 34 56 {x}"),
          ("es", "ES", "+34 612 345 6{x}"), ("it", "IT", "+39 333 123 45{x}"), ("pt", "PT", "+351 912 345 6{x}"), ("pt", "BR", "+55 11 91234-56{x}"),
          ("de", "DE", "030 1234567{x1}"), ("fr", "FR", "01 42 68 53 {x}"), ("en", "GB", "07911 1234{x}")]
PHONE_T = {"en": "Call me at {p}.", "de": "Meine Nummer: {p}", "fr": "Mon numéro : {p}", "es": "Mi teléfono es {p}.", "pt": "O meu número é {p}.", "it": "Chiamami al {p}."}

def write(path, seed):
    rnd = random.Random(seed)
    items = []
    def add(text, labels, lang, kind):
        items.append({"id": f"dp-{len(items)+1:04d}", "text": text, "pii": [{"type": t, "value": v} for t, v in labels], "language": lang, "kind": kind})
    for lang, tpls in DOB_T.items():
        for t in tpls:
            for _ in range(2):
                d, m, y = rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(1945, 2015)
                mn = rnd.choice(MON[lang])
                date = rnd.choice([f"{d:02d}/{m:02d}/{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}.{m:02d}.{y}",
                                   f"{mn} {d}, {y}" if lang == "en" else f"{d} de {mn} de {y}" if lang in ("es", "pt") else f"{d} {mn} {y}" if lang != "de" else f"{d}. {mn} {y}"])
                add(t.replace("{d}", date), [("dob", date)], lang, "positive")
    for lang, a in ADDR:
        for _ in range(2):
            addr = a.replace("{n}", str(rnd.randint(1, 250)))
            add(ADDR_T[lang].replace("{a}", addr), [("address", addr)], lang, "positive")
    for country in BBANS:
        for fmt in (0, 1):
            ib = _iban(country, BBANS[country](rnd))
            shown = _g4(ib) if fmt else ib
            add(f"IBAN {shown} for the rent.", [("iban", shown)], "en", "positive")
    for lang, region, p in PHONES:
        for _ in range(2):
            num = p.replace("{x1}", str(rnd.randint(0, 9))).replace("{x}", f"{rnd.randint(10, 99)}")
            add(PHONE_T[lang].replace("{p}", num), [("phone", num)], lang, "positive")
    for prefix, length in [("4", 16), ("5", 16), ("34", 15), ("6011", 16)]:
        n = _luhn(rnd, prefix, length)
        add(f"Visa/MC on file: {_g4(n)}", [("card", _g4(n))], "en", "positive")
    add("Email me at tomas.lind@example.se", [("email", "tomas.lind@example.se")], "en", "positive")
    add("Server IP is 10.20.30.44 in the lab.", [("ip", "10.20.30.44")], "en", "positive")
    # near-misses
    for _ in range(4):
        n = _luhn(rnd, "4", 16, valid=False)
        add(f"Test card {_g4(n)} failed the check.", [], "en", "near-miss")
        ib = _iban("DE", BBANS["DE"](rnd), valid=False)
        add(f"Die IBAN {_g4(ib)} ist falsch.", [], "de", "near-miss")
    for t in ["Released version 4.12.0.3 today.", "Update to 1.0.0.27 fixes it.", "ISBN 0-306-40615-2", "ISBN 978-0-596-52068-7 on the shelf.",
              "Tracking 9400 1000 0000 0000 0000 00 is out for delivery.", "Order 2231-8890-1123 shipped.", "Ticket 55012 is closed.",
              "The meeting is on 14/06/2026.", "The bridge opened on 3 March 1932.", "Le contrat expire le 31/12/2027.", "Die Messe ist am 12.05.2027.",
              "El plazo termina el 30/06/2026.", "A loja abriu em 10/10/2010.", "Il concerto è il 21/07/2026.", "Invoice INV-2026-00912 is due.",
              "Room 4.12, building 7.", "Postcode lookup failed.", "The answer is 42, not 24.", "He ran 10.5 km in 52:10.",
              "Call it version 2 of the plan.", "Gate 12 closes at 10:45.", "Prices rose 3.4% in 2025.", "SKU 88012-33-1 restocked.",
              "Model number 5520 1128 8812 is on the label.", "Kundennummer 8812 4471 23.", "Numéro de commande 4419 2281 77.",
              "Número de pedido 99 1234 5678.", "Born to Run is my favourite album.", "The church was built in 1889.", "The shop is on High Street."]:
        add(t, [], "en", "near-miss")
    extra(rnd, add)
    with open(path, "w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps(it, ensure_ascii=False) + "\n")


# ---- second part (issue 19, round 2): more date-of-birth and address shapes per country, and more near-misses ----------
MON2 = {"en": ["March", "May", "July", "October", "Nov", "Aug"], "es": ["marzo", "mayo", "julio", "octubre"], "fr": ["mars", "mai", "juillet", "octobre"],
        "de": ["März", "Mai", "Juli", "Oktober"], "pt": ["março", "maio", "julho", "outubro"], "it": ["marzo", "maggio", "luglio", "ottobre"]}
DOB2 = {"en": ["DOB: {ymd_slash}", "born {mon} {d}, {y} in Denver", "Patient DOB {mdy}", "d.o.b. {dmy_dot}", "Birthdate - {d} {mon} {y}", "born on the {d}th of {mon} {y}",
               "My son was born on {mon} {d}, {y}.", "Date of birth (DD/MM/YYYY): {dmy}", "dob={iso}", "She celebrates her birthday on {d} {mon} {y}."],
        "es": ["nació en Sevilla el {d} de {mon} de {y}", "F. de nacimiento: {dmy}", "fecha nac. {dmy}", "Nacida el {dmy} en Quito."],
        "fr": ["née à Lyon le {d} {mon} {y}", "Date de naissance : {dmy}", "né le {d} {mon} {y} à Brest", "date de naiss. {dmy}"],
        "de": ["geboren in München am {d}. {mon} {y}", "Geb.-Datum: {dmy_dot}", "geboren am {dmy_dot} in Graz", "Geburtstag: {d}. {mon} {y}"],
        "pt": ["nascido em Lisboa a {d} de {mon} de {y}", "Data de nasc.: {dmy}", "nasceu no dia {d} de {mon} de {y}", "data de nascimento {dmy}"],
        "it": ["nato a Roma il {d} {mon} {y}", "Data di nascita: {dmy}", "nata il {dmy} a Bari", "data di nascita {d} {mon} {y}"]}
ADDR2 = [("en", "{n} Pennsylvania Ave NW, Washington, DC 20500"), ("en", "{n}B Baker Street, London NW1 6XE"), ("en", "Flat 3, {n} High Street, Oxford OX1 4AA"),
         ("en", "{n} Maple Drive, Springfield, IL 62704"), ("en", "{n} Rue Sherbrooke Ouest, Montréal, QC H3A 1G1"), ("de", "Hauptstr. {n}, 80331 München"),
         ("de", "Lindenallee {n}a, 50968 Köln"), ("fr", "{n}, rue de la Paix, 75002 Paris"), ("fr", "{n} bis boulevard Haussmann, 75009 Paris"),
         ("es", "C/ Mayor {n}, 3º B, 28013 Madrid"), ("es", "Calle de Alcalá {n}, 28014 Madrid"), ("pt", "Rua Augusta, {n}, 1100-053 Lisboa"),
         ("pt", "Av. Paulista, {n} - Bela Vista, São Paulo - SP, 01310-100"), ("it", "Via Garibaldi {n}, 20121 Milano MI"), ("it", "Corso Vittorio Emanuele II {n}, 10123 Torino")]
ADDR2_T = {"en": ["Ship it to {a}.", "Home address: {a}", "We live at {a}."], "de": ["Lieferadresse: {a}", "Ich wohne in der {a}."], "fr": ["Adresse de livraison : {a}", "Nous habitons {a}."],
           "es": ["Envíalo a {a}.", "Vivo en {a}."], "pt": ["Morada: {a}", "Entregar em {a}."], "it": ["Spedire a {a}.", "Abito in {a}."]}
NEAR2 = ["Firmware 2.4.1.8 is installed on the router.", "See section 3.2.1.4 of the manual.", "Step 1.1.2.3: tighten the screws.", "Paket 1Z 999 AA1 01 2345 6784 ist unterwegs.",
         "Numero d'ordine 4471 2290 13.", "N.º de encomenda 5520 1187 44.", "Tracking: 9205 5000 0000 0000 0000 00", "Code promo 2026 4488 1199", "IMEI 35 209900 176148 1",
         "EAN 4006381333931 on the box.", "Lot 2231-0045-77 expired.", "The flight on 12/03/2026 was delayed.", "Rechnung vom 03.05.2026 bezahlt.", "Le colis 8812 5531 2210 est arrivé.",
         "Seguimiento del envío 1234 5678 9012.", "The warranty ends on 3 May 2027.", "Opening day: 14 July 2026.", "Score was 3.5.2.1 in the final round.",
         "Call of Duty 4 sold 1,000,000 copies.", "Coordinates 48.8566, 2.3522 mark Paris.", "Price: 1 299,00 EUR.", "Kundennr. 100 2003 4004",
         "Account ending 4421.", "Mortgage rate 3.25% until 2031.", "Room 101, 2nd floor."]

def extra(rnd, add):
    for lang, tpls in DOB2.items():
        for t in tpls:
            d, m, y = rnd.randint(1, 28), rnd.randint(1, 12), rnd.randint(1940, 2012)
            vals = {"{ymd_slash}": f"{y}/{m:02d}/{d:02d}", "{mdy}": f"{m}/{d}/{y}", "{dmy_dot}": f"{d:02d}.{m:02d}.{y}", "{dmy}": f"{d:02d}/{m:02d}/{y}",
                    "{iso}": f"{y}-{m:02d}-{d:02d}"}
            mon = rnd.choice(MON2[lang])
            text = t.replace("{mon}", mon).replace("{d}", str(d)).replace("{y}", str(y))
            for k, v in vals.items():
                text = text.replace(k, v)
            # the value: the date part (from the first digit or month name to the year)
            import re
            mm = re.search(r"(\d{1,4}[/.\-]\d{1,2}[/.\-]\d{2,4}|\d{1,2}(?:th)? (?:of )?(?:de )?\w+\.? (?:de )?\d{4}|\w+ \d{1,2}, \d{4}|\d{1,2}\. \w+ \d{4})", text)
            add(text, [("dob", mm.group(0))], lang, "positive")
    for lang, a in ADDR2:
        addr = a.replace("{n}", str(rnd.randint(2, 240)))
        add(rnd.choice(ADDR2_T[lang]).replace("{a}", addr), [("address", addr)], lang, "positive")
    for t in NEAR2:
        add(t, [], "en", "near-miss")
