#!/usr/bin/env python3
"""Wide PII evaluation set (issue 19, round 2): dev-pii-wide-tune.jsonl and dev-pii-wide-check.jsonl.

Written from scratch (no template, phrasing or slot value taken from generate_pii.py or the frozen generator) before the
detector was changed, to find what the saturated dev-pii.jsonl no longer shows. Items are split by a hash of their id:
about a third go to `check` (run only to report a figure: once before and once after the changes), the rest to `tune`.

Item format as dev-pii.jsonl: {"id", "text", "pii": [{"type", "value"}], "language", "kind"}; kind is the PII type of a
positive item, "mixed" for several types, or "clean:<family>" for a near-miss that must not be flagged.
"""
import hashlib, json, os, random

R = random.Random(190419)
HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- checksums
def luhn_complete(body, valid=True):
    total = 0
    for i, ch in enumerate(reversed(body)):
        x = int(ch)
        if i % 2 == 0:
            x *= 2
            x -= 9 if x > 9 else 0
        total += x
    check = (10 - total % 10) % 10
    return body + str(check if valid else (check + 1 + R.randint(0, 8)) % 10)

def iban(country, bban, valid=True):
    digits = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(digits) % 97
    if not valid:
        check = check % 97 + 1 if check < 97 else 2  # any other value breaks mod-97
    return f"{country}{check:02d}{bban}"

def rn(n):
    return "".join(R.choice("0123456789") for _ in range(n))

def ra(n):
    return "".join(R.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(n))

def rc(n):
    return "".join(R.choice("0123456789ABCDEFGHJKLMNPRSTUVWXYZ") for _ in range(n))

# BBAN layouts (n digits, a letters, c alphanumerics) from the national specifications.
BBAN = {
    "DE": lambda: rn(18), "FR": lambda: rn(10) + rc(11) + rn(2), "ES": lambda: rn(20), "IT": lambda: ra(1) + rn(10) + rc(12),
    "PT": lambda: rn(21), "NL": lambda: ra(4) + rn(10), "BE": lambda: rn(12), "AT": lambda: rn(16), "CH": lambda: rn(5) + rc(12),
    "GB": lambda: ra(4) + rn(14), "IE": lambda: ra(4) + rn(14), "PL": lambda: rn(24), "SE": lambda: rn(20), "DK": lambda: rn(14),
    "FI": lambda: rn(14), "NO": lambda: rn(11), "LU": lambda: rn(3) + rc(13), "GR": lambda: rn(7) + rc(16), "BR": lambda: rn(23) + ra(1) + rc(1),
    "RO": lambda: ra(4) + rc(16), "CZ": lambda: rn(20), "HU": lambda: rn(24), "HR": lambda: rn(17), "SI": lambda: rn(15),
}

def hexify(letters):  # letters of an interface id must be hex digits
    return "".join("abcdef"[ord(c) % 6] for c in letters)

def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

# ---------------------------------------------------------------- items
items = []

def add(lang, kind, text, pii):
    for t, v in pii:
        assert v in text, (text, v)
    items.append({"text": text, "pii": [{"type": t, "value": v} for t, v in pii], "language": lang, "kind": kind})

# ---- dates of birth
MONTHS = {
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
    "de": ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"],
    "pt": ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
    "it": ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"],
}
EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

def ordinal(d):
    return f"{d}{'th' if 10 <= d % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(d % 10, 'th')}"

def date_text(lang):
    y, m, d = R.randint(1931, 2012), R.randint(1, 12), R.randint(1, 28)
    mon = MONTHS[lang][m - 1]
    numeric = [f"{d:02d}/{m:02d}/{y}", f"{d}.{m}.{y}", f"{d:02d}-{m:02d}-{y}", f"{y}-{m:02d}-{d:02d}", f"{d:02d}/{m:02d}/{y % 100:02d}", f"{d:02d}.{m:02d}.{y % 100:02d}"]
    written = {
        "en": [f"{mon} {d}, {y}", f"{d} {mon} {y}", f"{ordinal(d)} of {mon} {y}", f"{EN_SHORT[m - 1]} {d} {y}", f"{d}-{EN_SHORT[m - 1]}-{y}", f"{m}/{d}/{y}", f"{ordinal(d)} {mon} {y}"],
        "es": [f"{d} de {mon} de {y}", f"{d} {mon} {y}", f"{d} de {mon} del {y}"],
        "fr": [f"{'1er' if d == 1 else d} {mon} {y}", f"{d} {mon} {y}"],
        "de": [f"{d}. {mon} {y}", f"{d:02d}. {mon} {y}", f"{d}.{m:02d}.{y}"],
        "pt": [f"{d} de {mon} de {y}", f"{d:02d}/{m:02d}/{y}", f"{d} {mon} {y}"],
        "it": [f"{d} {mon} {y}", f"{'1º' if d == 1 else d} {mon} {y}", f"{d:02d}/{m:02d}/{y}"],
    }[lang]
    return R.choice(numeric + written + written), y

DOB = {
    "en": ["Patient born on {d}, no known allergies.", "DOB: {d}", "D.O.B. {d} — verified by passport", "Her date of birth is {d}.",
           "my birthday is {md} ({y}) so I'm a Pisces", "Name: Tom Reyes | Birth date: {d} | Nationality: US", "He was born {d} in Cork.",
           "b. {d}", "Birthdate {d}; blood type O+", "I'm a twin, we were both born on {d}.", "Date of Birth (dd/mm/yyyy): {d}",
           "Remember my son's birthday, {d}.", "DOB {d}, male, 1.82 m", "She was born in Leeds on {d}.", "born: {d}"],
    "es": ["Nací el {d} en Zaragoza.", "Fecha de nacimiento: {d}", "F. nac.: {d}", "Mi hija nació el {d}.", "Nacido el {d}, DNI en trámite.",
           "Soy de Lima, nacida el {d}.", "Mi cumpleaños es el {md} (nací en {y})."],
    "fr": ["Je suis né le {d} à Rennes.", "Date de naissance : {d}", "Née le {d}.", "Mon fils est né le {d}.", "né(e) le {d}",
           "Date de naiss. {d}", "Mon anniversaire, c'est le {md} ({y})."],
    "de": ["Ich wurde am {d} geboren.", "Geburtsdatum: {d}", "geb. am {d} in Graz", "Mein Sohn ist am {d} geboren.", "Geboren am {d} in Kiel.",
           "Geb.-Datum {d}", "Mein Geburtstag ist am {md} (Jahrgang {y})."],
    "pt": ["Nasci no dia {d} em Coimbra.", "Data de nascimento: {d}", "Nascida em {d}.", "O meu filho nasceu a {d}.", "Dt. nasc.: {d}",
           "Nasceu em {d}, no Recife."],
    "it": ["Sono nato il {d} a Verona.", "Data di nascita: {d}", "Nata il {d}.", "Mio figlio è nato il {d}.", "nato a Bari il {d}",
           "Il mio compleanno è il {md} ({y})."],
}

def month_day(lang):
    m, d = R.randint(1, 12), R.randint(1, 28)
    mon = MONTHS[lang][m - 1]
    return {"en": f"{mon} {d}", "es": f"{d} de {mon}", "fr": f"{d} {mon}", "de": f"{d}. {mon}", "pt": f"{d} de {mon}", "it": f"{d} {mon}"}[lang]

for lang, templates in DOB.items():
    for _ in range(34 if lang == "en" else 20):
        t = R.choice(templates)
        if "{md}" in t:
            md, y = month_day(lang), R.randint(1940, 2010)
            text = t.replace("{md}", md).replace("{y}", str(y))
            add(lang, "dob", text, [("dob", md)])
        else:
            d, _ = date_text(lang)
            add(lang, "dob", t.replace("{d}", d), [("dob", d)])

# ---- postal addresses
FIRST = ["Ana", "Liam", "Chloé", "Jonas", "Marta", "Pietro", "Sofia", "Niamh", "Daan", "Olivia", "Rui", "Greta"]

def us():
    n, st = R.randint(2, 9899), R.choice(["Maple Street", "Cedar Ave", "Lincoln Blvd", "Sunset Drive", "W 34th St", "Pine Ridge Rd", "Market St"])
    city = R.choice([("Denver", "CO", "802"), ("Columbus", "OH", "432"), ("Seattle", "WA", "981"), ("Raleigh", "NC", "276"), ("Madison", "WI", "537")])
    z = city[2] + rn(2)
    unit = R.choice(["", f", Apt {R.randint(1, 40)}{R.choice('ABC')}", f" #{R.randint(100, 999)}", f", Suite {R.randint(100, 900)}"])
    return R.choice([f"{n} {st}{unit}, {city[0]}, {city[1]} {z}", f"{n} {st}{unit}\n{city[0]}, {city[1]} {z}-{rn(4)}",
                     f"PO Box {R.randint(10, 9999)}, {city[0]}, {city[1]} {z}", f"P.O. Box {R.randint(10, 999)}\n{city[0]} {city[1]} {z}"])

def uk():
    pc = R.choice(["M1 1AE", "EH8 9YL", "BS1 5TR", "CF10 3AT", "LS2 7HQ", "N1 9GU", "SE1 7PB", "B15 2TT"])
    city = {"M": "Manchester", "E": "Edinburgh", "B": "Birmingham", "C": "Cardiff", "L": "Leeds", "N": "London", "S": "London"}[pc[0]]
    st = R.choice(["Station Road", "Church Lane", "Queens Crescent", "Albert Terrace", "Mill Close", "Highfield Avenue"])
    n = R.randint(1, 220)
    return R.choice([f"Flat {R.randint(1, 30)}, {n} {st}, {city} {pc}", f"{n} {st}\n{city}\n{pc}", f"{n} {st}, {city}, {pc}",
                     f"PO Box {R.randint(100, 9999)}, {city} {pc}", f"Apartment {R.randint(1, 9)}, Riverside House, {n} {st}, {city} {pc}"])

def ca():
    pc = f"{R.choice('KLMNT')}{R.randint(1, 9)}{R.choice('ABCEGHJ')} {R.randint(1, 9)}{R.choice('KLMNPR')}{R.randint(1, 9)}"
    return R.choice([f"{R.randint(10, 9999)} Yonge Street, Unit {R.randint(1, 900)}, Toronto, ON {pc}",
                     f"{R.randint(10, 999)} Bank St\nOttawa ON {pc}", f"{R.randint(100, 9999)}, rue Sherbrooke Est, Montréal (Québec) H{R.randint(1, 4)}X {R.randint(1, 9)}A{R.randint(1, 9)}",
                     f"{R.randint(1, 99)}-{R.randint(100, 999)} Granville St, Vancouver, BC V6C {R.randint(1, 9)}T{R.randint(1, 9)}",
                     f"PO Box {R.randint(100, 9999)}, Stn Main, Halifax NS B3J {R.randint(1, 9)}K{R.randint(1, 9)}"])

def de():
    pc, city = R.choice([("10247", "Berlin"), ("80469", "München"), ("50674", "Köln"), ("22767", "Hamburg"), ("01067", "Dresden"), ("70173", "Stuttgart")])
    st = R.choice(["Schillerstraße", "Birkenweg", "Kastanienallee", "Marktplatz", "Bahnhofstr.", "Friedrich-Ebert-Ring", "Lange Gasse", "Am Sonnenhang"])
    n = f"{R.randint(1, 180)}{R.choice(['', '', 'a', 'b'])}"
    return R.choice([f"{st} {n}, {pc} {city}", f"{st} {n}\n{pc} {city}", f"{st} {n}, 2. OG links, {pc} {city}",
                     f"c/o Weber\n{st} {n}\n{pc} {city}", f"Postfach {R.randint(10, 99)} {R.randint(10, 99)} {R.randint(10, 99)}, {pc} {city}",
                     f"{st} {n} · {pc} {city}"])

def fr():
    pc, city = R.choice([("75011", "Paris"), ("69003", "Lyon"), ("33000", "Bordeaux"), ("44000", "Nantes"), ("59000", "Lille"), ("67000", "Strasbourg")])
    st = R.choice(["rue des Lilas", "avenue Foch", "boulevard Voltaire", "impasse du Moulin", "place Bellecour", "allée des Tilleuls", "chemin de la Croix"])
    n = f"{R.randint(1, 140)}{R.choice(['', '', ' bis', ' ter'])}"
    return R.choice([f"{n} {st}, {pc} {city}", f"{n}, {st}\n{pc} {city}", f"Appartement {R.randint(1, 60)}, {n} {st}, {pc} {city}",
                     f"Bât. B, esc. 2, {n} {st}\n{pc} {city.upper()}", f"BP {R.randint(10, 999)}, {pc} {city} Cedex", f"{n} {st} {pc} {city}"])

def es():
    pc, city = R.choice([("28004", "Madrid"), ("08012", "Barcelona"), ("46001", "Valencia"), ("41003", "Sevilla"), ("48005", "Bilbao"), ("29015", "Málaga")])
    st = R.choice(["Calle de Alcalá", "C/ San Vicente", "Avda. de América", "Paseo de Gracia", "Plaza Mayor", "Calle Sierpes", "Ronda de Segovia"])
    n = R.randint(1, 250)
    fl = R.choice(["", f", {R.randint(1, 9)}º {R.choice('ABCD')}", f", {R.randint(1, 9)}º {R.randint(1, 4)}ª", f", piso {R.randint(1, 9)}, puerta {R.randint(1, 6)}"])
    return R.choice([f"{st} {n}{fl}, {pc} {city}", f"{st}, {n}{fl}\n{pc} {city}", f"{st} nº {n}{fl}, {pc} {city} ({city})",
                     f"Apartado de Correos {R.randint(10, 9999)}, {pc} {city}"])

def pt():
    pc, city = R.choice([("1100-148", "Lisboa"), ("4050-253", "Porto"), ("3000-214", "Coimbra"), ("4700-320", "Braga"), ("8000-079", "Faro")])
    st = R.choice(["Rua do Ouro", "Avenida da Liberdade", "Rua de Santa Catarina", "Travessa da Boa Hora", "Largo do Chiado", "Praça da República"])
    n = R.randint(1, 400)
    fl = R.choice(["", f", {R.randint(1, 8)}º Esq.", f", {R.randint(1, 8)}º Dto", f", r/c"])
    return R.choice([f"{st}, {n}{fl}, {pc} {city}", f"{st} {n}{fl}\n{pc} {city}", f"Apartado {R.randint(10, 999)}, {pc} {city}"])

def br():
    cep = f"{R.randint(10, 99)}{R.randint(100, 999)}-{R.randint(0, 999):03d}"
    st = R.choice(["Rua Oscar Freire", "Av. Brasil", "Rua XV de Novembro", "Avenida Atlântica", "Rua da Consolação", "Alameda Santos"])
    city = R.choice(["São Paulo - SP", "Rio de Janeiro - RJ", "Curitiba - PR", "Belo Horizonte/MG", "Porto Alegre, RS"])
    n = R.randint(1, 3000)
    return R.choice([f"{st}, {n}, apto {R.randint(11, 204)}, {city}, {cep}", f"{st}, {n} - Centro\n{city}\nCEP {cep}", f"{st} {n}, bloco B, {cep} {city}",
                     f"Caixa Postal {R.randint(100, 9999)}, CEP {cep}, {city}"])

def it():
    pc, city, prov = R.choice([("20121", "Milano", "MI"), ("00186", "Roma", "RM"), ("50122", "Firenze", "FI"), ("10121", "Torino", "TO"), ("80134", "Napoli", "NA")])
    st = R.choice(["Via Garibaldi", "Corso Buenos Aires", "Piazza Navona", "Viale dei Mille", "Via dei Servi", "Vicolo del Cinque", "Largo Augusto"])
    n = f"{R.randint(1, 200)}{R.choice(['', '', '/A', 'bis'])}"
    return R.choice([f"{st} {n}, {pc} {city} ({prov})", f"{st}, {n}\n{pc} {city} {prov}", f"{st} {n}, scala C, int. {R.randint(1, 20)}, {pc} {city}",
                     f"Casella Postale {R.randint(10, 999)}, {pc} {city}", f"{st} n. {n} - {pc} {city}"])

def nl():
    pc = f"{R.randint(1000, 9999)} {ra(2)}"
    st = R.choice(["Prinsengracht", "Oudegracht", "Kerkstraat", "Laan van Meerdervoort", "Stationsweg", "Wilhelminaplein"])
    city = R.choice(["Amsterdam", "Utrecht", "Den Haag", "Rotterdam", "Groningen", "Eindhoven"])
    n = f"{R.randint(1, 400)}{R.choice(['', '', '-2', 'A', ' hs'])}"
    return R.choice([f"{st} {n}, {pc} {city}", f"{st} {n}\n{pc} {city.upper()}", f"Postbus {R.randint(100, 99999)}, {pc} {city}", f"{st} {n}  {pc}  {city}"])

def au():
    st = R.choice(["George Street", "Chapel St", "Queen Street", "Brunswick Road", "Murray Parade", "Beach Rd"])
    city, state, pc = R.choice([("Sydney", "NSW", "2000"), ("Fitzroy", "VIC", "3065"), ("Brisbane City", "QLD", "4000"), ("Fremantle", "WA", "6160"), ("Glenelg", "SA", "5045")])
    n = R.randint(1, 600)
    return R.choice([f"{n} {st}, {city} {state} {pc}", f"Unit {R.randint(1, 40)}, {n} {st}\n{city.upper()} {state} {pc}", f"{R.randint(1, 30)}/{n} {st}, {city}, {state} {pc}",
                     f"PO Box {R.randint(10, 9999)}, {city} {state} {pc}", f"Level {R.randint(2, 30)}, {n} {st}, {city} {state} {pc}"])

def ie():
    city, eir = R.choice([("Dublin 4", "D04"), ("Dublin 8", "D08"), ("Cork", "T12"), ("Galway", "H91"), ("Limerick", "V94"), ("Sligo", "F91")])
    code = f"{eir} {rc(4)}"
    st = R.choice(["Baggot Street Upper", "Patrick Street", "Shop Street", "O'Connell Avenue", "Main Street", "Sandymount Green"])
    n = R.randint(1, 150)
    return R.choice([f"{n} {st}, {city}, {code}", f"Apartment {R.randint(1, 80)}, The Maltings, {st}, {city}, {code}", f"{n} {st}\n{city}\n{code}",
                     f"Rosebank, {st}, Ballinasloe, Co. Galway, H53 {rc(4)}"])

ADDR = {"US": ("en", us), "UK": ("en", uk), "CA": ("en", ca), "DE": ("de", de), "FR": ("fr", fr), "ES": ("es", es), "PT": ("pt", pt),
        "BR": ("pt", br), "IT": ("it", it), "NL": ("en", nl), "AU": ("en", au), "IE": ("en", ie)}
ADDR_FRAME = {
    "en": ["Please ship it to {a}.", "My address is {a}", "Deliver to:\n{a}", "{n} lives at {a}.", "Send the invoice to {a} — thanks!", "New address: {a}"],
    "de": ["Bitte an {a} liefern.", "Meine Adresse: {a}", "Lieferadresse:\n{a}", "{n} wohnt jetzt in der {a}."],
    "fr": ["Livrez à l'adresse suivante : {a}", "J'habite au {a}.", "Adresse :\n{a}", "{n} a déménagé au {a}."],
    "es": ["Envíalo a {a}, por favor.", "Mi dirección es {a}.", "Dirección de entrega:\n{a}", "{n} vive en {a}."],
    "pt": ["Enviem para {a}.", "A minha morada é {a}.", "Endereço de entrega:\n{a}", "{n} mora na {a}."],
    "it": ["Spedire a {a}.", "Il mio indirizzo è {a}.", "Indirizzo:\n{a}", "{n} abita in {a}."],
}
for country, (lang, make) in ADDR.items():
    for _ in range(16):
        a = make()
        frame = R.choice(ADDR_FRAME[lang] if country not in ("NL", "AU", "IE", "CA") or R.random() < 0.7 else ADDR_FRAME["en"])
        add(lang, "address", frame.replace("{a}", a).replace("{n}", R.choice(FIRST)), [("address", a)])

# ---- IBANs
IBAN_FRAME = ["IBAN: {i}", "Please transfer the deposit to {i}.", "Mi cuenta es {i}", "Virement sur le compte {i} avant vendredi.",
              "Bankverbindung: {i} (Sparkasse)", "Conta: {i}", "Bonifico sul conto {i}, grazie.", "pay rent into {i} by the 1st"]
for country, make in BBAN.items():
    for _ in range(5):
        raw = iban(country, make())
        shown = R.choice([group4(raw), raw, group4(raw), raw.lower() if R.random() < 0.15 else group4(raw)])
        add("en", "iban", R.choice(IBAN_FRAME).replace("{i}", shown), [("iban", shown)])

# ---- phones: (region, language, generator, format list)
def us_phone():
    a, e, s = R.choice(["212", "312", "415", "617", "206", "303", "512", "704", "919", "404"]), f"{R.randint(2, 9)}{R.randint(0, 9)}{R.randint(1, 9)}", rn(4)
    if e == "555":
        e = "556"
    return R.choice([f"({a}) {e}-{s}", f"{a}-{e}-{s}", f"{a}.{e}.{s}", f"+1 {a} {e} {s}", f"+1-{a}-{e}-{s}", f"1 ({a}) {e}-{s}"])

def uk_phone():
    mob = f"7{R.choice('123589')}{rn(2)}"
    return R.choice([f"0{mob} {rn(6)}", f"+44 {mob} {rn(6)}", f"020 {R.choice('378')}{rn(3)} {rn(4)}", f"+44 (0)20 {R.choice('378')}{rn(3)} {rn(4)}",
                     f"0161 {R.randint(2, 9)}{rn(2)} {rn(4)}", f"0{mob}{rn(6)}"])

def de_phone():
    return R.choice([f"0151 {rn(8)}", f"0171 {rn(7)}", f"+49 160 {rn(7)}", f"030 {R.randint(2, 9)}{rn(7)}", f"+49 (0)89 {R.randint(2, 9)}{rn(6)}",
                     f"040/{R.randint(2, 9)}{rn(6)}", f"+49 221 {R.randint(2, 9)}{rn(6)}"])

def fr_phone():
    p = lambda: " ".join(rn(2) for _ in range(4))
    return R.choice([f"06 {p()}", f"07 {p()}", f"01 {p()}", f"+33 6 {p()}", f"+33 (0)4 {p()}", f"06.{rn(2)}.{rn(2)}.{rn(2)}.{rn(2)}"])

def es_phone():
    return R.choice([f"6{rn(2)} {rn(3)} {rn(3)}", f"+34 6{rn(2)} {rn(2)} {rn(2)} {rn(2)}", f"91 {rn(3)} {rn(2)} {rn(2)}", f"+34 93 {rn(3)} {rn(2)} {rn(2)}", f"7{R.randint(1, 4)}{rn(1)} {rn(3)} {rn(3)}"])

def it_phone():
    return R.choice([f"3{R.choice(['33', '47', '39', '28'])} {rn(3)} {rn(4)}", f"+39 3{R.choice(['35', '49'])} {rn(7)}", f"02 {rn(4)} {rn(4)}", f"+39 06 {rn(4)} {rn(4)}", f"011 {rn(3)} {rn(4)}"])

def pt_phone():
    return R.choice([f"9{R.choice('1236')}{rn(1)} {rn(3)} {rn(3)}", f"+351 9{R.choice('1236')}{rn(1)} {rn(3)} {rn(3)}", f"21 {rn(3)} {rn(4)}", f"+351 22 {rn(3)} {rn(4)}"])

def intl_phone():  # numbers of regions outside the default national list, written with a country code
    return R.choice([f"+31 6 {rn(8)}", f"+31 20 {rn(3)} {rn(4)}", f"+61 4{rn(2)} {rn(3)} {rn(3)}", f"+61 2 {R.randint(8, 9)}{rn(3)} {rn(4)}",
                     f"+353 8{R.choice('3567')} {rn(3)} {rn(4)}", f"+55 11 9{rn(4)}-{rn(4)}", f"+55 (21) 9{rn(4)}-{rn(4)}", f"+1 416 {R.randint(2, 9)}{rn(2)} {rn(4)}",
                     f"+41 79 {rn(3)} {rn(2)} {rn(2)}", f"+48 {R.randint(5, 8)}{rn(2)} {rn(3)} {rn(3)}", f"+46 70 {rn(3)} {rn(2)} {rn(2)}"])

PHONES = [("en", us_phone, ["Call me at {p}.", "my cell is {p}", "Text {p} when you land", "Reach Dana on {p} after 6pm.", "Phone: {p}"]),
          ("en", uk_phone, ["Ring me on {p}.", "Mobile: {p}", "You can reach me on {p} any time", "Tel. {p}"]),
          ("de", de_phone, ["Ruf mich an unter {p}.", "Handy: {p}", "Tel.: {p}", "erreichbar unter {p}"]),
          ("fr", fr_phone, ["Appelle-moi au {p}.", "Mon portable : {p}", "Tél : {p}", "joignable au {p}"]),
          ("es", es_phone, ["Llámame al {p}.", "Mi móvil es el {p}", "Tel: {p}", "Escríbeme por WhatsApp al {p}"]),
          ("it", it_phone, ["Chiamami al {p}.", "Cellulare: {p}", "Tel. {p}", "il mio numero è {p}"]),
          ("pt", pt_phone, ["Liga-me para o {p}.", "Telemóvel: {p}", "Contacto: {p}", "o meu número é {p}"]),
          ("en", intl_phone, ["WhatsApp: {p}", "Call our friend on {p}", "his number is {p}", "Contact: {p}"])]
for lang, make, frames in PHONES:
    for _ in range(14 if make is not intl_phone else 22):
        p = make()
        add(lang, "phone", R.choice(frames).replace("{p}", p), [("phone", p)])

# ---- e-mails, cards, IPs
for _ in range(20):
    user = R.choice(["maria.lopez", "j.smith", "k_ito", "anne-claire.dupont", "dev+alerts", "x9", "joão.silva", "o'brien.sean", "MaxMustermann"])
    dom = R.choice(["gmail.com", "outlook.de", "uni-heidelberg.de", "mail.example.co.uk", "empresa.com.br", "sub.domain.io", "posteo.net", "corp.example.museum"])
    e = f"{user}@{dom}".replace("'", "") if "ã" not in user else "joao.silva@" + dom
    add("en", "email", R.choice(["Email me at {e}.", "<{e}>", "contact: {e}", "mailto:{e}", "Escríbeme a {e}", "CC {e} on this"]).replace("{e}", e), [("email", e)])

def card(valid=True):
    kind = R.choice(["visa", "mc", "mc2", "amex", "disc"])
    if kind == "amex":
        num = luhn_complete(R.choice(["34", "37"]) + rn(12), valid)
        return R.choice([f"{num[:4]} {num[4:10]} {num[10:]}", num, f"{num[:4]}-{num[4:10]}-{num[10:]}"])
    prefix = {"visa": "4", "mc": f"5{R.randint(1, 5)}", "mc2": f"22{R.randint(21, 99)}", "disc": "6011"}[kind]
    num = luhn_complete(prefix + rn(15 - len(prefix)), valid)
    return R.choice([group4(num), num, "-".join(num[i:i + 4] for i in range(0, 16, 4))])

for _ in range(24):
    c = card()
    add("en", "card", R.choice(["Card number {c}, exp 04/29", "Pay with {c}", "Tarjeta: {c}", "Carte bancaire {c}", "Kreditkarte {c}", "my visa is {c}"]).replace("{c}", c), [("card", c)])

for _ in range(24):
    ip = R.choice([f"{R.randint(11, 223)}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}", f"10.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}",
                   f"2a02:{rn(4)[:3]}:{R.randint(1, 9)}f0::{R.randint(1, 99)}", f"fe80::{R.randint(100, 999)}:{hexify(ra(2))}ff:fe{rn(2)}:{R.randint(1000, 9999)}"])
    add("en", "ip", R.choice(["The login came from {i}.", "client_ip={i} user=ana", "My home IP is {i}", "Blocked {i} after 5 failed attempts",
                              "ssh ana@{i}", "La IP de mi router es {i}", "Connexion depuis {i}", "Zugriff von {i} um 03:12"]).replace("{i}", ip), [("ip", ip)])

# ---- mixed records
for _ in range(24):
    lang = R.choice(["en", "de", "fr", "es", "pt", "it"])
    d, _ = date_text(lang)
    a = ADDR[R.choice(list(ADDR))][1]()
    p = R.choice([us_phone, uk_phone, de_phone, fr_phone, es_phone, it_phone, pt_phone, intl_phone])()
    e = R.choice(["rita.k", "paul", "lena.vogel"]) + "@" + R.choice(["web.de", "icloud.com", "free.fr"])
    label = {"en": "Date of birth", "de": "Geburtsdatum", "fr": "Date de naissance", "es": "Fecha de nacimiento", "pt": "Data de nascimento", "it": "Data di nascita"}[lang]
    text = f"{R.choice(FIRST)} Moreau\n{label}: {d}\n{a}\n{p}\n{e}"
    add(lang, "mixed", text, [("dob", d), ("address", a), ("phone", p), ("email", e)])

# ---------------------------------------------------------------- near-misses (must not be flagged)
def clean(lang, family, text):
    add(lang, "clean:" + family, text, [])

for _ in range(14):
    v = R.choice([f"{R.randint(1, 9)}.{R.randint(0, 20)}.{R.randint(0, 40)}", f"{R.randint(1, 4)}.{R.randint(0, 9)}.{R.randint(0, 9)}.{R.randint(0, 9999)}", f"10.0.{R.randint(10000, 26100)}.{R.randint(1, 5000)}"])
    clean("en", "version", R.choice([f"Changelog {v}: fixed the crash on start-up.", f"Bumped the dependency to {v} yesterday.", f"Works on {v} and later.",
                                     f"## [{v}] - 2026-03-01", f"Tested with Windows {v} only.", f"Ubuntu {v} LTS ships the old kernel."]))
for _ in range(6):
    clean("en", "version", R.choice([f"Table {R.randint(1, 9)}.{R.randint(1, 9)}.{R.randint(1, 9)}.{R.randint(1, 9)} lists the results.",
                                     f"See section {R.randint(1, 9)}.{R.randint(1, 9)}.{R.randint(1, 9)}.{R.randint(1, 9)} of the spec.",
                                     f"The SNMP OID 1.3.6.1.4.1.{R.randint(1000, 60000)} is vendor specific."]))

for _ in range(26):
    clean(R.choice(["en", "de", "es"]), "reference", R.choice([
        f"Order #{rn(3)}-{rn(7)}-{rn(7)} has shipped.", f"Tracking number 1Z{rc(6)}{rn(10)}", f"Sendungsnummer {rn(20)}", f"Your ticket ID is {rn(9)}.",
        f"Serial no. {rc(4)}-{rc(4)}-{rc(4)}", f"Invoice {R.randint(2024, 2026)}-{rn(6)} is overdue.", f"Pedido {rn(10)} en reparto.", f"Booking reference {ra(6)}, seat 14C",
        f"Case {rn(8)} was closed.", f"ISBN 978-{R.randint(0, 1)}-{rn(3)}-{rn(5)}-{R.randint(0, 9)}", f"Artikelnummer {rn(8)}", f"Confirmation code {rn(4)} {rn(4)} {rn(4)}",
        f"Customer no. {rn(10)}", f"Part number {rn(3)}-{rn(3)}-{rn(4)}", f"EAN {rn(13)}"]))

for _ in range(30):
    lang = R.choice(list(MONTHS))
    d, _ = date_text(lang)
    d2 = d.replace(str(_), str(R.randint(2024, 2028))) if False else d
    y = R.randint(2024, 2028)
    m = MONTHS[lang][R.randint(0, 11)]
    text = R.choice({
        "en": [f"The meeting is on {R.randint(1, 28)} {m} {y}.", f"Deadline: {R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{y}", f"The project was born on {m} {R.randint(1, 28)}, {y - 10} at a hackathon.",
               f"Invoice date {y}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d}", f"Born to Run came out in 1975.", f"Our office opened on {R.randint(1, 28)} {m} {y - 30}."],
        "es": [f"La reunión es el {R.randint(1, 28)} de {m} de {y}.", f"Fecha de entrega: {R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{y}"],
        "fr": [f"Rendez-vous le {R.randint(1, 28)} {m} {y} à 10 h.", f"Date limite : {R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{y}"],
        "de": [f"Der Termin ist am {R.randint(1, 28)}. {m} {y}.", f"Abgabe bis {R.randint(1, 28):02d}.{R.randint(1, 12):02d}.{y}", f"Die Firma wurde am {R.randint(1, 28)}. {m} {y - 40} gegründet."],
        "pt": [f"A entrega é a {R.randint(1, 28)} de {m} de {y}.", f"Prazo: {R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{y}"],
        "it": [f"La riunione è il {R.randint(1, 28)} {m} {y}.", f"Scadenza: {R.randint(1, 28):02d}/{R.randint(1, 12):02d}/{y}"],
    }[lang])
    clean(lang, "date", text)

for text in ["We walked along Oxford Street for hours.", "Baker Street station was closed today.", "Die Hauptstraße ist wegen Bauarbeiten gesperrt.",
             "La Calle Mayor estaba llena de gente.", "Via Roma è chiusa al traffico domenica.", "On a pris un café rue de Rivoli.", "A Rua Augusta estava cheia de turistas.",
             "Fifth Avenue is lovely at Christmas.", "He grew up near Abbey Road.", "Route 66 is a classic road trip.", "Take the second left after Church Lane.",
             "The Champs-Élysées were packed.", "Meet me at the corner of Queen Street and King Street.", "Kerkstraat heeft veel cafés.", "Grafton Street buskers are great.",
             "The 3 Musketeers is my favourite book.",]:
    clean("en", "street", text)

for _ in range(20):
    clean(R.choice(["en", "fr", "de"]), "number", R.choice([
        f"It costs ${R.randint(1, 9)},{rn(3)}.{rn(2)} plus tax.", f"Prix : {R.randint(10, 999)},{rn(2)} €", f"Die Kiste misst {R.randint(10, 99)},5 x {R.randint(10, 99)} x {R.randint(10, 99)} cm.",
        f"The job finished at {R.randint(2024, 2026)}-{R.randint(1, 12):02d}-{R.randint(1, 28):02d} {R.randint(0, 23):02d}:{rn(2)[0]}{rn(1)}:{R.randint(10, 59)}.",
        f"Commit {''.join(R.choice('0123456789abcdef') for _ in range(40))} fixed it.", f"request id 0x{''.join(R.choice('0123456789abcdef') for _ in range(12))}",
        f"uuid {''.join(R.choice('0123456789abcdef') for _ in range(8))}-{rn(4)}-4{rn(3)}-a{rn(3)}-{rn(12)}", f"Population: {R.randint(1, 9)} {rn(3)} {rn(3)}",
        f"GPS {R.randint(10, 60)}.{rn(5)}, {R.randint(1, 30)}.{rn(5)}", f"He is 1.{R.randint(55, 99)} m tall and weighs {R.randint(50, 99)} kg.",
        f"Flight LH{R.randint(100, 999)} leaves at {R.randint(10, 23)}:{R.randint(10, 59)}.", f"Revenue grew from {rn(3)} {rn(3)} to {rn(3)} {rn(3)} euros.",
        f"Timestamp {R.randint(1600000000, 1800000000)}", f"MAC aa:bb:{rn(2)}:{rn(2)}:cc:dd is a lab device"]))

for _ in range(10):
    clean("en", "bad-checksum", R.choice([f"The IBAN {group4(iban(R.choice(['DE', 'FR', 'ES', 'NL', 'IT']), BBAN['DE']() if False else BBAN['ES'](), valid=False))} was rejected.",
                                          f"Card {card(valid=False)} failed the check."]))
for _ in range(8):
    c = R.choice(list(BBAN))
    clean("en", "bad-checksum", f"Rejected: IBAN {group4(iban(c, BBAN[c](), valid=False))} (checksum)")

# ---------------------------------------------------------------- write
for i, it_ in enumerate(items):
    it_["id"] = f"pw-{i + 1:04d}"

def split_of(item_id):
    return "check" if hashlib.sha256(item_id.encode()).digest()[0] < 86 else "tune"

out = {"tune": [], "check": []}
for it_ in items:
    out[split_of(it_["id"])].append({"id": it_["id"], "text": it_["text"], "pii": it_["pii"], "language": it_["language"], "kind": it_["kind"]})
for name, rows in out.items():
    with open(os.path.join(HERE, f"dev-pii-wide-{name}.jsonl"), "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(name, len(rows), "items,", sum(len(r["pii"]) for r in rows), "entities,", sum(1 for r in rows if not r["pii"]), "clean")
